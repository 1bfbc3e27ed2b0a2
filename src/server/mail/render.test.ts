import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languages } from '../../contract/workspaces.ts';
import { mailTemplates, type MailValues } from './mail-request.ts';
import { oneLine, renderMail } from './render.ts';
import { builtInTemplate, layoutWords } from './templates/built-in.ts';

const link = 'https://care.example/portal/toko-budi/tickets/20260042';

function values(overrides: Partial<MailValues> = {}): MailValues {
  return {
    workspace: { name: 'Toko Budi' },
    recipient: { name: 'Sari' },
    ticket: { number: '20260042', subject: 'Blender arrived cracked' },
    link,
    expires_minutes: 15,
    reply: { body: 'A new jug is on its way.', author: 'Ayu' },
    reason: 'Waiting for the courier',
    resolution: 'We replaced the jug.',
    ready_for_collection: false,
    notification: { text: 'A ticket was assigned to you', actor: 'Ada Admin' },
    ...overrides,
  };
}

const builtIn = (template: (typeof mailTemplates)[number], language: 'en' | 'id', v: MailValues = values()) =>
  renderMail(builtInTemplate(template, language), v, layoutWords(template, language));

/** The markup of an HTML document without its text (and the <br> a line break of a value becomes). */
const tags = (html: string) => (html.match(/<[^>]*>/g) ?? []).filter((t) => t !== '<br>');

describe('renderMail with the built-in templates', () => {
  it.each(mailTemplates.flatMap((t) => languages.map((l) => [t, l] as const)))('%s (%s) renders subject, text and HTML with the link as a button', (template, language) => {
    const mail = builtIn(template, language);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.subject).not.toMatch(/[\r\n]|\{\{/);
    expect(mail.text).not.toContain('{{');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`<html lang="${language}">`);
    expect(mail.html).toContain(`href="${link.replace(/\//g, '&#x2F;')}"`);
    expect(mail.html).toContain(layoutWords(template, language).button);
    if (template !== 'sign_in_link') expect(mail.text).toContain('20260042');
  });

  it('confirms a new request with its number and subject, and a "Go to dashboard" button', () => {
    const mail = builtIn('ticket_created', 'en');
    expect(mail.subject).toBe('We received your request #20260042');
    expect(mail.text).toContain('Request #20260042: Blender arrived cracked');
    expect(mail.html).toContain('>Go to dashboard</a>');
  });

  it('says the product is ready to collect when the resolution says so, and not otherwise', () => {
    for (const template of ['ticket_resolved', 'ticket_closed'] as const) {
      const ready = builtIn(template, 'en', values({ ready_for_collection: true }));
      expect(ready.subject).toBe('Your product is ready to collect #20260042');
      expect(ready.text).toContain('Your product is ready to collect.');
      const notReady = builtIn(template, 'en');
      expect(notReady.subject + notReady.text).not.toContain('ready to collect');
      expect(builtIn(template, 'id', values({ ready_for_collection: true })).subject).toBe('Produk Anda siap diambil #20260042');
    }
  });

  it('tells how long a sign-in link lasts and that it works once', () => {
    expect(builtIn('sign_in_link', 'en').text).toContain('expires in 15 minutes and works only once');
    expect(builtIn('sign_in_link', 'id').text).toContain('berlaku 15 menit dan hanya dapat digunakan satu kali');
    expect(builtIn('sign_in_link', 'en').html).toContain('>Sign in</a>');
  });

  it("quotes the agent's reply in agent_replied, and still reads well without one", () => {
    const reply = builtIn('agent_replied', 'en', values({ reply: { body: 'First line\n\nSecond paragraph', author: 'Ayu' } }));
    expect(reply.text).toContain('Ayu replied to your request:\n\nFirst line\n\nSecond paragraph');
    expect(builtIn('agent_replied', 'en', values({ reply: undefined })).text).toContain('We replied to your request.');
  });

  it('greets without a name when the customer has none', () => {
    expect(builtIn('ticket_opened', 'en', values({ recipient: { name: '' } })).text.startsWith('Hello,\n')).toBe(true);
  });
});

describe('renderMail keeps values as data', () => {
  const hostile = '<script>alert("x")</script> & <b onclick=\'y\'>';

  it('escapes every value in the HTML part and inserts it as written in the text part', () => {
    const mail = builtIn('agent_replied', 'en', values({ reply: { body: hostile, author: '<i>Ayu</i>' }, ticket: { number: '1', subject: hostile } }));
    expect(mail.text).toContain(hostile);
    expect(mail.text).toContain('<i>Ayu</i> replied');
    expect(mail.html).not.toContain('<script');
    expect(mail.html).not.toContain('<b ');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt; &amp; &lt;b onclick&#x3D;&#39;y&#39;&gt;');
    expect(tags(mail.html)).toEqual(tags(builtIn('agent_replied', 'en', values({ reply: { body: 'x', author: 'y' }, ticket: { number: '1', subject: 'z' } })).html));
  });

  it('never reads a value as a template', () => {
    const mail = builtIn('ticket_created', 'en', values({ ticket: { number: '7', subject: '{{workspace.name}} {{#link}}x{{/link}} {{{link}}}' } }));
    expect(mail.text).toContain('Request #7: {{workspace.name}} {{#link}}x{{/link}} {{{link}}}');
    expect(mail.subject).toBe('We received your request #7');
  });

  it('puts a line break of a value into the subject as a space, so it cannot start a header', () => {
    const mail = renderMail({ subject: 'Re: {{ticket.subject}}', body: 'x' }, values({ ticket: { number: '1', subject: 'Broken\r\nBcc: victim@example.com\nX-Evil: 1' } }), layoutWords('ticket_created', 'en'));
    expect(mail.subject).toBe('Re: Broken Bcc: victim@example.com X-Evil: 1');
  });

  it("escapes the template's own words in the HTML part too (a template is plain text)", () => {
    const mail = renderMail({ subject: 's', body: '<img src=x onerror=alert(1)> {{recipient.name}}' }, values(), layoutWords('ticket_created', 'en'));
    expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; Sari');
    expect(mail.text).toBe('<img src=x onerror=alert(1)> Sari');
  });

  it('escapes unescaped tags ({{{x}}}, {{&x}}) in the HTML part all the same', () => {
    const mail = renderMail({ subject: 's', body: '{{{ticket.subject}}} {{&ticket.subject}}' }, values({ ticket: { number: '1', subject: '<b>x</b>' } }), layoutWords('ticket_created', 'en'));
    expect(mail.html).toContain('&lt;b&gt;x&lt;&#x2F;b&gt; &lt;b&gt;x&lt;&#x2F;b&gt;');
  });

  it('makes a button only of an http(s) link', () => {
    const mail = renderMail({ subject: 's', body: '{{link}}' }, values({ link: 'javascript:alert(1)' }), layoutWords('ticket_created', 'en'));
    expect(mail.html).not.toContain('href');
    expect(mail.html).toContain('javascript:alert(1)');
  });

  it('finds no inherited names: {{constructor}} renders nothing', () => {
    expect(renderMail({ subject: '{{constructor}}{{toString}}x', body: '{{__proto__}}y' }, values(), layoutWords('ticket_created', 'en'))).toMatchObject({ subject: 'x', text: 'y' });
  });

  it("cannot be made to forge the renderer's slot markers", () => {
    const mail = builtIn('ticket_created', 'en', values({ ticket: { number: '\uE0000\uE001', subject: `\uE000${0}\uE001<b>` } }));
    expect(mail.text).toContain('Request #0: 0<b>');
    expect(mail.html).toContain('Request #0: 0&lt;b&gt;');
  });

  // Property-based: whatever the values, the HTML's markup is the layout's own, the subject is one
  // line, and the text carries each value exactly as given.
  const text = fc.string({ unit: 'grapheme', maxLength: 40 });
  const anyValue = fc.oneof(text, fc.constantFrom('<', '>', '&', '"', "'", '\r\n', '\n\n', '{{link}}', '</p><script>', '\uE000', '\uE0010\uE001', '\u2028'));
  const someText = fc.array(anyValue, { maxLength: 4 }).map((parts) => parts.join(''));

  it('never lets a value become markup or a header line (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...mailTemplates), fc.constantFrom(...languages), someText, someText, someText, someText, fc.boolean(), (template, language, name, subject, body, workspace, ready) => {
        const v = values({ recipient: { name }, ticket: { number: '42', subject }, reply: { body, author: name }, resolution: body, reason: body, notification: { text: subject, actor: name }, workspace: { name: workspace }, ready_for_collection: ready });
        // The same values reduced to a harmless letter (or nothing, so that the same sections show).
        const x = (s: string) => (s.replace(/[\uE000\uE001]/g, '') ? 'x' : '');
        const plain = values({ recipient: { name: x(name) }, ticket: { number: '42', subject: x(subject) }, reply: { body: x(body), author: x(name) }, resolution: x(body), reason: x(body), notification: { text: x(subject), actor: x(name) }, workspace: { name: x(workspace) }, ready_for_collection: ready });
        const mail = builtIn(template, language, v);
        expect(tags(mail.html)).toEqual(tags(builtIn(template, language, plain).html));
        expect(mail.subject).not.toMatch(/[\r\n\u2028\u2029]/);
        // The text part carries the value as written (line endings made \n, marker characters gone).
        if (template === 'ticket_created' && language === 'en') expect(mail.text).toContain(`Request #42: ${subject.replace(/[\uE000\uE001]/g, '').replace(/\r\n?/g, '\n')}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('oneLine turns every kind of line break into a space and keeps whole characters', () => {
    expect(oneLine(' a\r\nb\rc\nd\u2028e\u0085f\tg ')).toBe('a b c d e f g');
    expect([...oneLine('😀'.repeat(300))]).toHaveLength(250);
  });
});
