import type { MailProblem } from '../../contract/inbound-mail.ts';
import { rawBytes, type InboundMail } from './read-mail.ts';

// A Content-Type header of a multipart, with its folded continuation lines.
const MULTIPART_HEADER = /^content-type:[ \t]*multipart\/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;
const BOUNDARY = /boundary\s*=\s*(?:"([^"]*)"|([^\s;"]+))/i;

/** The boundaries of the multiparts the raw text declares (the top one and those of nested parts). */
export function declaredBoundaries(raw: string): string[] {
  const found: string[] = [];
  for (const header of raw.matchAll(MULTIPART_HEADER)) {
    const m = BOUNDARY.exec(header[0].replace(/\r?\n[ \t]+/g, ' '));
    const boundary = (m?.[1] ?? m?.[2] ?? '').trim();
    if (boundary) found.push(boundary);
  }
  return [...new Set(found)];
}

/**
 * Why a mail read in could not be read completely, or null when it was: the MIME did not parse,
 * a multipart stops before its closing boundary (parts may be lost), text did not decode from its
 * character set (the decoder leaves U+FFFD), or a multipart holds no text, HTML or file at all.
 * The first that applies, in that order; agents see it as a flag and can download the original.
 */
export function findMailProblem(mail: InboundMail, received: Uint8Array): MailProblem | null {
  if (!mail.readable) return 'unparseable';
  const raw = rawBytes(received).toString('latin1');
  // A closing delimiter is `--boundary--`; one that never appears means the mail was cut short.
  const boundaries = declaredBoundaries(raw);
  if (boundaries.some((b) => raw.includes(`--${b}`) && !raw.includes(`--${b}--`))) return 'truncated';
  if (mail.text.includes('\uFFFD') || (mail.html ?? '').includes('\uFFFD')) return 'charset';
  const isMultipart = mail.contentType.startsWith('multipart/');
  if (isMultipart && mail.text.trim() === '' && !(mail.html ?? '').trim() && mail.attachments.length === 0) return 'no_body';
  return null;
}
