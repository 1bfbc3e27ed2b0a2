import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpSubject, maySendToTicket, ticketNumbersIn } from './thread-rules.ts';

describe('ticket numbers in a subject', () => {
  it('reads bracketed and our own "#number" references, not hashtags or issue words', () => {
    expect(ticketNumbersIn('Re: [#20260042] Broken kettle')).toEqual(['20260042']);
    expect(ticketNumbersIn('RE: Your request #20260042 is on hold')).toEqual(['20260042']);
    expect(ticketNumbersIn('Re: [#TK-000123] and #20260042')).toEqual(['TK-000123', '20260042']);
    expect(ticketNumbersIn('#sale ends soon')).toEqual([]);
    expect(ticketNumbersIn('Order ##12')).toEqual([]);
    expect(ticketNumbersIn('a#20260042')).toEqual([]);
  });

  it('finds any number set among any words, each once', () => {
    const number = fc.stringMatching(/^[A-Z]{0,3}-?\d{3,12}$/).filter((n) => /^[A-Za-z0-9]/.test(n));
    const words = fc.array(fc.stringMatching(/^[a-zA-Z:,.!?]{1,10}$/), { maxLength: 6 });
    fc.assert(fc.property(words, number, words, fc.boolean(), (before, n, after, bracketed) => {
      const subject = [...before, bracketed ? `[#${n}]` : `#${n}`, ...after].join(' ');
      expect(ticketNumbersIn(subject)).toEqual([n]);
    }));
  });

  it('takes the reference and reply prefixes off a follow-up subject and keeps the rest', () => {
    expect(followUpSubject('Re: AW: [#20260042] Broken kettle', '20260042')).toBe('Broken kettle');
    expect(followUpSubject('RE: Your request #20260042 is on hold', '20260042')).toBe('Your request is on hold');
    expect(followUpSubject('Re: Broken kettle #202600421', '20260042')).toBe('Broken kettle #202600421');
  });
});

describe('who may join a ticket by its number', () => {
  it('is its customer or someone on the opening mail’s CC, whatever the case of the address', () => {
    const ticket = { customerEmail: 'Rina@Example.com', cc: ['budi@example.com'] };
    expect(maySendToTicket('rina@example.com', ticket)).toBe(true);
    expect(maySendToTicket('BUDI@example.com', ticket)).toBe(true);
    expect(maySendToTicket('stranger@example.com', ticket)).toBe(false);
    expect(maySendToTicket(null, ticket)).toBe(false);
    expect(maySendToTicket('rina@example.com', { customerEmail: null, cc: [] })).toBe(false);
  });
});
