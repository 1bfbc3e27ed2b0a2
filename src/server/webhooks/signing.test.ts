import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader, verifySignature } from './signing.ts';

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex, as the documented header says', () => {
    const body = '{"id":1,"event":"ping"}';
    const expected = createHmac('sha256', 'whsec_test').update(`1772438400.${body}`).digest('hex');
    expect(signatureHeader(body, 1772438400, ['whsec_test'])).toBe(`t=1772438400,v1=${expected}`);
  });

  it('verifies what it signed, with any of the secrets, and nothing else', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 4_000_000_000 }), (body, current, previous, t) => {
        const header = signatureHeader(body, t, [current, previous]);
        expect(verifySignature(header, body, current, t)).toBe(true);
        expect(verifySignature(header, body, previous, t)).toBe(true);
        if (current !== previous) expect(verifySignature(signatureHeader(body, t, [current]), body, previous, t)).toBe(false);
        expect(verifySignature(header, `${body}x`, current, t)).toBe(false);
      }),
    );
  });

  it('refuses a signature older or newer than the tolerance (a replay), and a malformed header', () => {
    const header = signatureHeader('{}', 1000, ['s']);
    expect(verifySignature(header, '{}', 's', 1300)).toBe(true);
    expect(verifySignature(header, '{}', 's', 1301)).toBe(false);
    expect(verifySignature(header, '{}', 's', 699)).toBe(false);
    expect(verifySignature('v1=abc', '{}', 's', 1000)).toBe(false);
    expect(verifySignature('t=1000,v1=zz', '{}', 's', 1000)).toBe(false);
    // The timestamp is signed too: moving it breaks the signature.
    expect(verifySignature(header.replace('t=1000', 't=1001'), '{}', 's', 1000)).toBe(false);
  });

  it('makes a different, prefixed secret each time', () => {
    const secrets = new Set(Array.from({ length: 50 }, newWebhookSecret));
    expect(secrets.size).toBe(50);
    for (const s of secrets) expect(s).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
