import { describe, expect, it } from 'vitest';
import { readTicketFilters, statusTiles, writeTicketFilters } from './ticket-filters.ts';

describe('ticket filters in the URL', () => {
  it('reads each tile status, with On hold meaning pending', () => {
    expect(readTicketFilters(new URLSearchParams('status=pending'))).toEqual({ status: 'pending' });
    expect(readTicketFilters(new URLSearchParams('status=auto_closed'))).toEqual({ status: 'auto_closed' });
    expect(statusTiles.find((t) => t.label === 'On hold')?.key).toBe('pending');
  });

  it('ignores a status the API would refuse, and total, which is no filter', () => {
    expect(readTicketFilters(new URLSearchParams('status=bogus'))).toEqual({});
    expect(readTicketFilters(new URLSearchParams('status=total'))).toEqual({});
    expect(readTicketFilters(new URLSearchParams(''))).toEqual({});
  });

  it('writes the status and keeps the other parameters', () => {
    const params = new URLSearchParams('channel=email&status=new');
    expect(writeTicketFilters(params, { status: 'overdue' }).toString()).toBe('channel=email&status=overdue');
    expect(writeTicketFilters(params, {}).toString()).toBe('channel=email');
    expect(params.toString()).toBe('channel=email&status=new');
  });
});
