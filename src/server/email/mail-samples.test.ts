import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyMail, type MailClass } from './classify-mail.ts';
import { readMail } from './read-mail.ts';

// Third-party samples, read where they are (../shared/mail-samples beside the project); never copied in.
const folder = fileURLToPath(new URL('../../../../shared/mail-samples/', import.meta.url));
const loopTag = 'caredesk';

/** The README's table: each file's category (new, reply, auto-reply, bounce, list, forward, …). */
function categories(): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of readFileSync(`${folder}README.md`, 'utf8').split('\n')) {
    const row = /^\| `([^`]+)` \|.*\| (new|reply|auto-reply|bounce|list|forward|attachment|html|xss|charset|malformed|other) \|[^|]*\|$/.exec(line);
    if (row) table.set(row[1], row[2]);
  }
  return table;
}

/** Where a sample's category alone does not say what it is (the README's note does). */
const byNote: Record<string, Partial<MailClass>> = {
  'flanker-complaints-aol.eml': { kind: 'bounce', bounce: 'complaint' }, // an ARF spam complaint
  'mikel-mail-bad_date_header.eml': { kind: 'mail', noAutoReply: true }, // Precedence: junk
  'mikel-mail-empty_in_reply_to.eml': { kind: 'mail', noAutoReply: true }, // a reply delivered through a list (List-Id)
  'mime4j-badbound.msg': { kind: 'bounce' }, // a 1996 bounce, malformed
  'rt-nested-rfc-822': { kind: 'mail', noAutoReply: false }, // the list headers are the forwarded message's, not this one's
};

const expected = (category: string): Partial<MailClass> => {
  switch (category) {
    case 'bounce':
      return { kind: 'bounce' };
    case 'auto-reply':
      return { kind: 'auto_reply', noAutoReply: true };
    case 'list':
      return { kind: 'mail', noAutoReply: true };
    case 'new':
    case 'reply':
      return { kind: 'mail', noAutoReply: false };
    default:
      return { kind: 'mail' };
  }
};

describe('the 120 real-world mail samples', () => {
  const table = categories();
  const files = readdirSync(folder).filter((f) => f !== 'README.md');

  it('are all listed in the README with a category', () => {
    expect(files).toHaveLength(120);
    expect(files.filter((f) => !table.has(f))).toEqual([]);
  });

  it.each(files)('%s is read without crashing and classified as noted', async (file) => {
    const raw = readFileSync(`${folder}${file}`);
    const mail = await readMail(raw);
    expect(typeof mail.subject).toBe('string');
    expect(typeof mail.text).toBe('string');
    expect(mail.text).not.toContain('\u0000');
    const got = classifyMail(mail, loopTag);
    const category = table.get(file) ?? '';
    expect(got, `${category}: ${got.reason}`).toMatchObject(byNote[file] ?? expected(category));
    if (category === 'new') expect([...mail.inReplyTo, ...mail.references]).toEqual([]);
    // A reply names what it answers; one with an empty In-Reply-To and no References cannot thread by headers.
    if (category === 'reply' && file !== 'mikel-mail-empty_in_reply_to.eml') expect(mail.inReplyTo.length + mail.references.length).toBeGreaterThan(0);
  });
});
