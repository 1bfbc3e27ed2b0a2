import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldQuotedText } from './quoted-text.ts';

const folds = (text: string) => {
  const r = foldQuotedText(text);
  expect(r.shown + r.folded).toBe(text);
  return r;
};

describe('foldQuotedText', () => {
  it('folds a Gmail reply: the attribution line and the quoted lines below it', () => {
    const text = 'Thanks, the new kettle works.\n\nOn Mon, 5 Jan 2026 at 10:00, Care Team <care@shop.example> wrote:\n> Please try the new kettle.\n> Regards\n';
    expect(folds(text)).toEqual({
      shown: 'Thanks, the new kettle works.\n',
      folded: '\nOn Mon, 5 Jan 2026 at 10:00, Care Team <care@shop.example> wrote:\n> Please try the new kettle.\n> Regards\n',
      kind: 'quote',
    });
  });

  it('folds an attribution that the mail client wrapped over two lines', () => {
    const text = 'Still broken.\r\n\r\nOn Mon, 5 Jan 2026 at 10:00, Care Team\r\n<care@shop.example> wrote:\r\n\r\n> Did it help?\r\n';
    expect(folds(text).shown).toBe('Still broken.\r\n');
  });

  it('folds the Indonesian attribution "Pada … menulis:"', () => {
    const text = 'Baik, terima kasih.\n\nPada Sen, 5 Jan 2026 pukul 10.00 Tim Layanan <care@shop.example> menulis:\n> Mohon dicoba lagi.\n';
    expect(folds(text)).toMatchObject({ shown: 'Baik, terima kasih.\n', kind: 'quote' });
  });

  it('folds an Outlook reply from its "Original Message" separator, even without > marks', () => {
    const text = 'See the photo attached.\n\n-----Original Message-----\nFrom: Care <care@shop.example>\nSent: Monday, January 5, 2026 10:00\nTo: Rina\nSubject: Your kettle\n\nPlease send a photo.\n';
    expect(folds(text)).toMatchObject({ shown: 'See the photo attached.\n', kind: 'quote' });
  });

  it('folds an Outlook header block (From, Sent, To, Subject) under a line of underscores or alone', () => {
    const plain = 'Here it is.\n\nFrom: Care <care@shop.example>\nSent: Monday, January 5, 2026 10:00\nTo: Rina <rina@customer.example>\nSubject: RE: Your kettle\n\nPlease send a photo.\n';
    expect(folds(plain).shown).toBe('Here it is.\n');
    const underscored = `Here it is.\n\n${'_'.repeat(32)}\nFrom: Care\nSent: Monday\nTo: Rina\n\nPlease.\n`;
    expect(folds(underscored).shown).toBe('Here it is.\n');
  });

  it('folds the signature after "-- " and a phone sign-off, as a signature', () => {
    expect(folds('The lid is cracked.\n\n-- \nRina Customer\n+62 812 0000 0000\n')).toEqual({
      shown: 'The lid is cracked.\n',
      folded: '\n-- \nRina Customer\n+62 812 0000 0000\n',
      kind: 'signature',
    });
    expect(folds('The lid is cracked.\n\nSent from my iPhone\n')).toMatchObject({ shown: 'The lid is cracked.\n', kind: 'signature' });
    expect(folds('Tutupnya retak.\n\nDikirim dari iPhone saya\n')).toMatchObject({ shown: 'Tutupnya retak.\n', kind: 'signature' });
  });

  it('folds a signature and the quote below it as one tail', () => {
    const text = 'Yes, Monday is fine.\n-- \nRina\n\nOn Sun, 4 Jan 2026, Care <care@shop.example> wrote:\n> Can we call Monday?\n';
    expect(folds(text)).toMatchObject({ shown: 'Yes, Monday is fine.\n', kind: 'quote' });
  });

  it('folds a trailing > quote that has no attribution line', () => {
    expect(folds('Agreed.\n\n> Shall we replace it?\n>\n> Care\n').shown).toBe('Agreed.\n');
  });

  it('keeps an answer written between quoted lines whole: only a tail folds', () => {
    const text = '> Which colour?\nRed.\n> Which size?\nLarge.\n';
    expect(folds(text)).toEqual({ shown: text, folded: '', kind: null });
  });

  it('keeps a bottom-posted reply whole and folds only its signature', () => {
    const text = 'On Wed, Nov 19, 2014, Levi <levi@example.org> wrote:\n> Shall we?\n\n+1 from me.\n\n--\nFerenc\n';
    expect(folds(text)).toMatchObject({ shown: 'On Wed, Nov 19, 2014, Levi <levi@example.org> wrote:\n> Shall we?\n\n+1 from me.\n', kind: 'signature' });
  });

  it('keeps a mail that is all quote as it is, and a mail with nothing to fold', () => {
    expect(folds('> forwarded\n> text\n')).toEqual({ shown: '> forwarded\n> text\n', folded: '', kind: null });
    expect(folds('On Monday the kettle broke.\nIt wrote: nothing.\n').folded).toBe('');
    expect(folds('')).toEqual({ shown: '', folded: '', kind: null });
    expect(folds('Test headers\n\n\n')).toEqual({ shown: 'Test headers\n\n\n', folded: '', kind: null });
  });

  it('folds a Gmail HTML reply as the inbound reader turns it into text (blockquote as > lines)', () => {
    const text = 'Thanks, it works now.\n\nOn Mon, 5 Jan 2026 at 10:00, Care <care@shop.example> wrote:\n\n> Please restart the kettle.\n> Second line';
    expect(folds(text).shown).toBe('Thanks, it works now.\n');
  });
});

describe('foldQuotedText properties', () => {
  const line = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('> quoted', '>', '-- ', '--', '', 'Sent from my iPhone', 'On Mon, Rina <r@x.example> wrote:', 'Pada Sen, Rina menulis:', '-----Original Message-----', 'From: Care', 'Sent: Monday', 'To: Rina', '  ', 'Thanks'),
  );
  const mail = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, end, last]) => lines.join(end) + (last ? end : ''));

  it('never loses text: shown + folded is the original, whatever the mail', () => {
    fc.assert(
      fc.property(fc.oneof(mail, fc.string({ maxLength: 300 })), (text) => {
        const r = foldQuotedText(text);
        expect(r.shown + r.folded).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('folds at a line start, leaves something to read, and says what it folded', () => {
    fc.assert(
      fc.property(mail, (text) => {
        const r = foldQuotedText(text);
        if (r.folded === '') {
          expect(r.kind).toBeNull();
        } else {
          expect(r.shown.endsWith('\n')).toBe(true);
          expect(r.shown.trim()).not.toBe('');
          expect(r.kind).not.toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('folds exactly the quote put under any reply, and the reply stays shown whole', () => {
    const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}$/);
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 5 }), fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 8 }), (reply, quoted) => {
        const shown = `${reply.join('\n')}\n`;
        const quote = `\nOn Mon, 5 Jan 2026, Care <care@shop.example> wrote:\n${quoted.map((q) => `> ${q.replace(/[\r\n]/g, ' ')}`).join('\n')}\n`;
        expect(foldQuotedText(shown + quote)).toEqual({ shown, folded: quote, kind: 'quote' });
      }),
      { numRuns: 500 },
    );
  });
});
