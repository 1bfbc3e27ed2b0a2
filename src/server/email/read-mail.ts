import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

export interface MailAddress {
  address: string;
  name: string | null;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  /** An inline part (a `cid:` image of the HTML body) rather than a file the sender attached. */
  inline: boolean;
  contentId: string | null;
}

/** A received mail as Caredesk reads it: what threading, classification and the ticket need. */
export interface InboundMail {
  /** False when the MIME could not be read at all: the raw message is all there is (agents see a flag). */
  readable: boolean;
  messageId: string | null;
  /** Message-IDs the mail answers: In-Reply-To first, then References newest first, each once. */
  inReplyTo: string[];
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: Date | null;
  text: string;
  /** The HTML body as sent: sanitize before showing it. */
  html: string | null;
  attachments: InboundAttachment[];
  /** Every header, lower-cased name → its unfolded raw values in order: what classification reads. */
  headers: Map<string, string[]>;
  /** The top-level content type with its parameters, lower-cased (`multipart/report; report-type=delivery-status`). */
  contentType: string;
  /** Content types of every part below the top, e.g. `message/rfc822` of a returned message. */
  partTypes: string[];
}

const ID = /<([^<>\s]+)>/g;

/** The Message-IDs in a header value: `<…>` tokens, else a bare token with an @ (some mailers drop the brackets). */
export function messageIdsIn(value: string): string[] {
  const bracketed = [...value.matchAll(ID)].map((m) => `<${m[1]}>`);
  if (bracketed.length) return bracketed;
  return value
    .split(/[\s,]+/)
    .filter((t) => /^[^<>\s@]+@[^<>\s@]+$/.test(t))
    .map((t) => `<${t}>`);
}

function headerMap(parsed: ParsedMail | null, raw: Buffer): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const add = (key: string, value: string) => headers.set(key, [...(headers.get(key) ?? []), value]);
  if (parsed) {
    for (const { key, line } of parsed.headerLines) add(key.toLowerCase(), line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
    return headers;
  }
  // Unreadable MIME: the header block as text, for classification and a subject.
  const head = raw.toString('latin1').split(/\r?\n\r?\n|\r\r/, 1)[0] ?? '';
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n|\r/)) {
    const colon = line.indexOf(':');
    if (colon > 0) add(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): MailAddress[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a) => typeof a.address === 'string' && a.address.includes('@'))
    .map((a) => ({ address: (a.address as string).trim(), name: a.name?.trim() || null }));

function partTypesOf(raw: string): string[] {
  // Content types below the top level, read from the raw text: mailparser flattens the tree.
  const types = [...raw.matchAll(/^content-type:[ \t]*([^;\s]+)/gim)].map((m) => m[1].toLowerCase());
  return types.slice(1);
}

const unique = (ids: string[]) => [...new Set(ids)];

/** A stored raw mail as a Buffer: bytea comes back as a Buffer from pg and a plain Uint8Array from PGlite (no copy). */
export const rawBytes = (raw: Uint8Array): Buffer => (Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));

/**
 * Reads a raw message (the bytes as received) with mailparser. Never throws: malformed MIME, unknown
 * charsets and 8-bit headers come out as well as they can be read, and a message that cannot be
 * parsed at all comes back `readable: false` with its headers read as text.
 */
export async function readMail(received: Uint8Array): Promise<InboundMail> {
  const bytes = rawBytes(received);
  // Classic Mac line ends (CR alone, no LF anywhere) are read as CRLF; mixed ends are left to the parser.
  const raw = bytes.includes(0x0a) ? bytes : Buffer.from(bytes.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
  let parsed: ParsedMail | null = null;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch {
    parsed = null;
  }
  const headers = headerMap(parsed, raw);
  const first = (name: string) => headers.get(name)?.[0] ?? '';
  const inReplyTo = (headers.get('in-reply-to') ?? []).flatMap(messageIdsIn);
  const references = (headers.get('references') ?? []).flatMap(messageIdsIn).reverse();
  const messageId = messageIdsIn(first('message-id'))[0] ?? null;
  const text = parsed ? (parsed.text ?? '') : raw.toString('utf8');
  return {
    readable: parsed !== null,
    messageId,
    inReplyTo: unique(inReplyTo),
    references: unique(references),
    from: parsed ? (addressesOf(parsed.from)[0] ?? null) : null,
    replyTo: parsed ? (addressesOf(parsed.replyTo)[0] ?? null) : null,
    to: parsed ? addressesOf(parsed.to) : [],
    cc: parsed ? addressesOf(parsed.cc) : [],
    subject: (parsed?.subject ?? first('subject')).replace(/\s+/g, ' ').trim(),
    date: parsed?.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text: text.replace(/\u0000/g, ''),
    html: parsed && typeof parsed.html === 'string' ? parsed.html.replace(/\u0000/g, '') : null,
    attachments: (parsed?.attachments ?? []).map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType.toLowerCase(),
      size: a.size,
      content: a.content,
      inline: a.contentDisposition === 'inline' || a.related === true,
      contentId: a.contentId ?? null,
    })),
    headers,
    contentType: first('content-type').replace(/\s+/g, ' ').toLowerCase(),
    partTypes: partTypesOf(raw.toString('latin1')),
  };
}
