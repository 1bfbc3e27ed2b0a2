import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMail, type ClassifiedFacts } from './classify-mail.ts';
import { messageIdsIn } from './read-mail.ts';

const mail = (headers: Record<string, string>, over: Partial<ClassifiedFacts> = {}): ClassifiedFacts => ({
  headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
  subject: headers.Subject ?? '',
  from: { address: 'rina@example.com', name: 'Rina' },
  to: [{ address: 'support@shop.example', name: null }],
  contentType: 'text/plain; charset=utf-8',
  partTypes: [],
  ...over,
});

describe('classifying a received mail', () => {
  it('takes a person’s mail as mail, to be answered', () => {
    expect(classifyMail(mail({ Subject: 'My kettle arrived broken' }), 'caredesk')).toEqual({ kind: 'mail', reason: 'a mail', noAutoReply: false, bounce: null, fromUs: false });
    expect(classifyMail(mail({ Subject: 'Re: Out of stock again?', 'Auto-Submitted': 'no' }), 'caredesk').kind).toBe('mail');
  });

  it('knows bounces, delays and complaints by their report type, and failure notices by their sender', () => {
    expect(classifyMail(mail({}, { contentType: 'multipart/report; report-type=delivery-status; boundary=x' }), 'c')).toMatchObject({ kind: 'bounce', bounce: 'failed' });
    expect(classifyMail(mail({ 'Auto-Submitted': 'auto-generated (warning-timeout)' }, { contentType: 'multipart/report; report-type="delivery-status"' }), 'c')).toMatchObject({ bounce: 'delayed' });
    expect(classifyMail(mail({}, { contentType: 'multipart/report; report-type=feedback-report' }), 'c')).toMatchObject({ kind: 'bounce', bounce: 'complaint' });
    expect(classifyMail(mail({ Subject: 'Undeliverable: your order' }, { from: { address: 'MAILER-DAEMON@mx.example', name: null } }), 'c')).toMatchObject({ kind: 'bounce' });
    // The same words from a person are a person's mail.
    expect(classifyMail(mail({ Subject: 'Undeliverable parcel, please help', 'Return-Path': '<rina@example.com>' }), 'c').kind).toBe('mail');
  });

  it('knows automatic replies by header or by subject in several languages, and never answers them', () => {
    const autoReplies: Record<string, string>[] = [{ 'Auto-Submitted': 'auto-replied' }, { 'X-Autoreply': 'yes' }, { Subject: 'Automatic reply: Order 7' }, { Subject: 'Balasan otomatis: pesanan' }, { Subject: 'Abwesenheitsnotiz: Bestellung' }];
    for (const headers of autoReplies) {
      expect(classifyMail(mail(headers), 'c'), JSON.stringify(headers)).toMatchObject({ kind: 'auto_reply', noAutoReply: true });
    }
    expect(classifyMail(mail({ Subject: 'Outstanding refund' }), 'c').kind).toBe('mail');
  });

  it('marks lists, bulk, automated senders and our own loop as never to be answered, still mail', () => {
    const neverAnswered: Record<string, string>[] = [{ Precedence: 'bulk' }, { Precedence: 'list' }, { 'List-Id': '<users.lists.example>' }, { 'Auto-Submitted': 'auto-generated' }, { 'X-Loop': 'caredesk' }];
    for (const headers of neverAnswered) {
      expect(classifyMail(mail(headers), 'caredesk'), JSON.stringify(headers)).toMatchObject({ kind: 'mail', noAutoReply: true });
    }
    expect(classifyMail(mail({ 'X-Loop': 'caredesk' }), 'caredesk').fromUs).toBe(true);
    expect(classifyMail(mail({}, { from: { address: 'no-reply@shop.example', name: null } }), 'c').noAutoReply).toBe(true);
  });

  it('never calls a mail without report, automated sender or auto-reply marks anything but mail', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 ,.!?']{0,40}$/).filter((s) => !/^\s*(auto|out of|ooo|vacation|on vacation|abwesenheit|automatic)/i.test(s));
    fc.assert(fc.property(word, fc.emailAddress(), (subject, address) => {
      fc.pre(!/^(mailer-daemon|postmaster|no.?reply|do.?not.?reply|bounces?|mail.?delivery)/i.test(address) && !/-(request|owner|bounces?)@/i.test(address));
      expect(classifyMail(mail({ Subject: subject, 'Return-Path': `<${address}>` }, { subject, from: { address, name: null } }), 'c')).toMatchObject({ kind: 'mail', noAutoReply: false });
    }));
  });
});

describe('Message-IDs in a header', () => {
  it('reads bracketed ids among any text, and bare ones only where no brackets are', () => {
    expect(messageIdsIn('<a@b> <c.d@e>')).toEqual(['<a@b>', '<c.d@e>']);
    expect(messageIdsIn('foo@bar')).toEqual(['<foo@bar>']);
    expect(messageIdsIn('<invalid.')).toEqual([]);
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z0-9.$]{1,12}@[a-z0-9.]{1,12}$/), { maxLength: 5 }), fc.array(fc.constantFrom(' ', '\t', ', ', ' junk '), { minLength: 6, maxLength: 6 }), (ids, gaps) => {
      const value = ids.map((id, i) => `${gaps[i]}<${id}>`).join('') + gaps[5];
      expect(messageIdsIn(value)).toEqual(ids.map((id) => `<${id}>`));
    }));
  });
});
