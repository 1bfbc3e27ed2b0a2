import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { buildMessage } from './mail-message.ts';
import { retryDelay } from './outbox-worker.ts';
import { oneLine } from './render.ts';

const row: Parameters<typeof buildMessage>[0] = {
  to_address: 'sari@example.com',
  to_name: 'Sari',
  subject: 'We received your request #20260042',
  text_body: 'Hello Sari,\n\nThanks.',
  html_body: '<p>Hello Sari,</p>',
  message_id: '<abc.t7@toko.example>',
  in_reply_to: '<ticket.1.7@toko.example>',
  references: ['<ticket.1.7@toko.example>'],
};
const from = { name: 'Toko Budi', address: 'care@toko.example' };

/** The message as it goes over the wire. */
const compile = async (r: typeof row, f = from) => (await new MailComposer(buildMessage(r, f)).compile().build()).toString();

/** Header names of a raw message, continuation lines folded into their header. */
function headerNames(raw: string): string[] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head
    .split('\r\n')
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}

const expectedHeaders = ['from', 'to', 'subject', 'message-id', 'in-reply-to', 'references', 'auto-submitted', 'x-auto-response-suppress', 'x-loop', 'date', 'mime-version', 'content-type'];

describe('buildMessage', () => {
  it('carries sender, recipient, subject, ids, threading and auto-reply suppression, with text and HTML parts', async () => {
    const raw = await compile(row);
    expect(headerNames(raw).sort()).toEqual([...expectedHeaders].sort());
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: 'Toko Budi', address: 'care@toko.example' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([{ name: 'Sari', address: 'sari@example.com' }]);
    expect(mail.subject).toBe(row.subject);
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.inReplyTo).toBe('<ticket.1.7@toko.example>');
    expect(mail.references).toBe('<ticket.1.7@toko.example>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    // A mail of ours that comes back (a forward rule, an alias) is known by it and set aside.
    expect(mail.headers.get('x-loop')).toBe('caredesk');
    expect(mail.text?.trim()).toBe(row.text_body);
    expect(mail.html).toContain('<p>Hello Sari,</p>');
  });

  it('leaves out threading headers for a mail about no ticket', async () => {
    const names = headerNames(await compile({ ...row, in_reply_to: null, references: [] }));
    expect(names).not.toContain('in-reply-to');
    expect(names).not.toContain('references');
  });

  // Property-based: whatever the subject and the names hold, the message has exactly its own
  // headers, and the subject and names read back as one line each.
  it('never lets a subject or a name add a header line (property)', async () => {
    const nasty = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\r\n', '\n', '\r', 'Bcc: victim@example.com', '\r\nBcc: victim@example.com', '\n\nbody', ':', '<', '=?utf-8?q?x?=', '"', '\u2028'));
    const value = fc.array(nasty, { maxLength: 4 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(value, value, value, async (subject, toName, fromName) => {
        const raw = await compile({ ...row, subject, to_name: toName }, { ...from, name: fromName });
        // nodemailer leaves out an empty subject (renderMail never makes one; rows are data all the same).
        const expected = oneLine(subject) ? expectedHeaders : expectedHeaders.filter((h) => h !== 'subject');
        expect(headerNames(raw).sort()).toEqual([...expected].sort());
        const mail = await simpleParser(raw);
        expect(mail.subject ?? '').not.toMatch(/[\r\n]/);
        expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['sari@example.com']);
        expect(mail.headers.has('bcc')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe('retryDelay', () => {
  const backoff = [30_000, 120_000, 600_000];
  it('waits longer after each failed attempt and repeats the last pause', () => {
    expect([1, 2, 3, 4, 9].map((n) => retryDelay(n, backoff))).toEqual([30_000, 120_000, 600_000, 600_000, 600_000]);
  });
});
