import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declaredBoundaries, findMailProblem } from './mail-problems.ts';
import { readMail } from './read-mail.ts';

const folder = fileURLToPath(new URL('../../../../shared/mail-samples/', import.meta.url));
const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
const problemOf = async (raw: Buffer) => findMailProblem(await readMail(raw), raw);

const head = ['From: Rina <rina@customer.example>', 'To: support@shop.example', 'Subject: Kettle', 'Message-ID: <p1@customer.example>', 'MIME-Version: 1.0'];

describe('findMailProblem', () => {
  it('finds nothing wrong with a plain mail, nor with a complete multipart', async () => {
    expect(await problemOf(crlf([...head, 'Content-Type: text/plain; charset=utf-8', '', 'It leaks.', '']))).toBeNull();
    const multipart = [...head, 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '', 'It leaks.', '--b1', 'Content-Type: text/html', '', '<p>It leaks.</p>', '--b1--', ''];
    expect(await problemOf(crlf(multipart))).toBeNull();
  });

  it('calls a multipart without its closing boundary truncated', async () => {
    expect(await problemOf(crlf([...head, 'Content-Type: multipart/mixed; boundary=cut', '', '--cut', 'Content-Type: text/plain', '', 'The first part and then noth']))).toBe('truncated');
  });

  it('calls text that does not decode from its character set a charset problem', async () => {
    const raw = Buffer.concat([crlf([...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'Caf']), Buffer.from([0xe9, 0xff, 0x0d, 0x0a])]);
    expect(await problemOf(raw)).toBe('charset');
  });

  it('calls a multipart with no text, HTML or file in it a mail without a body', async () => {
    expect(await problemOf(crlf([...head, 'Content-Type: multipart/mixed; boundary="empty"', '', '']))).toBe('no_body');
  });

  it('calls a mail the parser could not read unparseable, whatever else it holds', async () => {
    const raw = crlf([...head, '', 'text']);
    const mail = { ...(await readMail(raw)), readable: false };
    expect(findMailProblem(mail, raw)).toBe('unparseable');
  });

  it('reads a boundary folded onto the next line, quoted or not', () => {
    expect(declaredBoundaries('Content-Type: multipart/mixed;\r\n\tboundary="=_abc/def"\r\n\r\nContent-type: MULTIPART/ALTERNATIVE; boundary=plain\r\n')).toEqual(['=_abc/def', 'plain']);
  });

  it('flags the broken samples and none of the well-formed new mails and replies', async () => {
    const flagged: Record<string, string | null> = {};
    for (const file of readdirSync(folder).filter((f) => f !== 'README.md')) {
      const raw = readFileSync(`${folder}${file}`);
      flagged[file] = await problemOf(raw);
    }
    expect(flagged).toMatchObject({
      'flanker-missing-final-boundary.eml': 'truncated',
      'flanker-enclosed-broken.eml': 'truncated',
      'mikel-mail-missing_body.eml': 'no_body',
      'rt-russian-subject-no-content-type': 'charset',
      'djangohelpdesk-quoted_printable.eml': null,
      'mikel-mail-basic_email.eml': null,
      'mikel-mail-raw_email_reply.eml': null,
      'mimekit-issue358.txt': null,
      'webklex-issue-412.eml': null,
      'mailparser-nodemailer.eml': null,
    });
  });
});
