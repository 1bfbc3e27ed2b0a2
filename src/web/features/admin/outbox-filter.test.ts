import { describe, expect, it } from 'vitest';
import { canRetry, readOutboxStatus, writeOutboxStatus } from './outbox-filter.ts';

describe('the outbox status filter', () => {
  it('reads a known status from the URL and shows all for anything else', () => {
    expect(readOutboxStatus(new URLSearchParams('status=kept'))).toBe('kept');
    expect(readOutboxStatus(new URLSearchParams('status=lost'))).toBeUndefined();
    expect(readOutboxStatus(new URLSearchParams(''))).toBeUndefined();
  });

  it('writes the status into the URL, keeping other parameters, and drops it for All', () => {
    expect(writeOutboxStatus(new URLSearchParams('x=1'), 'failed')).toBe('?x=1&status=failed');
    expect(writeOutboxStatus(new URLSearchParams('status=failed'), undefined)).toBe('');
  });

  it('offers a retry only for failed and kept mails', () => {
    expect(['queued', 'sending', 'sent', 'failed', 'kept'].filter((s) => canRetry(s as never))).toEqual(['failed', 'kept']);
  });
});
