/**
 * Splits the text of a mail into what the sender wrote and the tail an agent rarely needs: the
 * earlier messages it quotes and the sender's signature. Nothing is dropped: `shown + folded` is
 * always the text given, so the agent view folds the tail behind a toggle and the stored text
 * stays as it came. Only a tail folds: quoted lines with the sender's own words after them (an
 * answer written between the quoted lines) stay where they are, since they are what it answers.
 *
 * Mails arrive as text (an HTML-only mail is converted on the way in, its blockquotes becoming
 * `>` lines), so one reading covers plain and HTML mail alike.
 */
export interface FoldedText {
  shown: string;
  folded: string;
  /** What the folded tail holds: earlier messages (with or without a signature), or a signature alone. */
  kind: 'quote' | 'signature' | null;
}

// "On Mon, 5 Jan 2026 at 10:00, Rina <rina@example.com> wrote:" (mail clients wrap it over up to
// three lines); Indonesian "Pada Sen, 5 Jan 2026 pukul 10.00, Rina <…> menulis:"; a few more.
const ATTRIBUTION_START = /^\s*(on|pada|am|le|el|op|il)\s/i;
const ATTRIBUTION_END = /(wrote|menulis|schrieb|a écrit|escribió|schreef|ha scritto)\s*:\s*$/i;
// Outlook and others put a separator above the message they answer.
const SEPARATOR = /^\s*(-{2,}\s*(original message|pesan asli|pesan awal|ursprüngliche nachricht|message d'origine)\s*-{2,}|_{20,})\s*$/i;
// Outlook's header block of the message answered: From, then Sent/Date and To/Subject within a few lines.
const HEADER_FROM = /^\s*\**(from|dari|von|de)\s*:\**\s*\S/i;
const HEADER_SENT = /^\s*\**(sent|date|dikirim|tanggal|gesendet|envoyé)\s*:\**\s*\S/i;
const HEADER_OTHER = /^\s*\**(to|subject|kepada|subjek|perihal|cc|an|betreff|à|objet)\s*:/i;
// A signature starts at the delimiter "-- " (RFC 3676; many clients drop the trailing space).
const SIGNATURE = /^-- ?$/;
// Lines phones and mail apps add under a message.
const SIGN_OFF = /^\s*(sent from my .{1,60}|sent from (mail|outlook|yahoo mail) for .{1,40}|get outlook for .{1,40}|dikirim dari .{1,60}|kirim dari .{1,60}|sent via .{1,60})\s*$/i;

interface Line {
  start: number;
  content: string;
}

/** The text's lines with where each starts; `content` without its line end. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    lines.push({ start, content: text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '') });
    start = next;
  }
  return lines;
}

const isBlank = (l: Line) => l.content.trim() === '';
const isQuoted = (l: Line) => /^\s*>/.test(l.content);

/** Where the earliest header of a message answered below it starts (a separator, an Outlook header block), or -1. */
function firstReplyHeader(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].content;
    if (SEPARATOR.test(text)) return i;
    if (HEADER_FROM.test(text)) {
      const next = lines.slice(i + 1, i + 6).map((l) => l.content);
      if (next.some((l) => HEADER_SENT.test(l)) && next.some((l) => HEADER_OTHER.test(l))) return i;
    }
  }
  return -1;
}

/** Where the attribution ending on the line before `end` starts ("On …, Rina wrote:" over up to three lines), or `end` when there is none. */
function attributionBefore(lines: Line[], end: number): number {
  if (end === 0 || !ATTRIBUTION_END.test(lines[end - 1].content) || lines[end - 1].content.length > 300) return end;
  for (let i = end - 1; i >= Math.max(0, end - 3); i--) {
    if (ATTRIBUTION_START.test(lines[i].content)) return i;
  }
  return end - 1;
}

/** Steps back over blank lines before `cut`. */
function backOverBlanks(lines: Line[], cut: number): number {
  let i = cut;
  while (i > 0 && isBlank(lines[i - 1])) i--;
  return i;
}

/** Splits a mail's text into the part shown and the folded tail of quoted messages and signature. */
export function foldQuotedText(text: string): FoldedText {
  const lines = linesOf(text);
  let cut = lines.length;
  let hasQuote = false;
  const header = firstReplyHeader(lines);
  if (header !== -1) {
    cut = header;
    hasQuote = true;
  }
  // Grow the tail backwards while what stands before it is quoted lines, a signature or a phone's sign-off.
  for (let grew = true; grew; ) {
    grew = false;
    const end = backOverBlanks(lines, cut);
    if (end > 0 && isQuoted(lines[end - 1])) {
      let start = end - 1;
      while (start > 0 && (isQuoted(lines[start - 1]) || isBlank(lines[start - 1]))) start--;
      // The line saying who wrote it ("On Mon, 5 Jan 2026, Rina <…> wrote:") goes with the quote.
      const above = backOverBlanks(lines, start);
      const attribution = attributionBefore(lines, above);
      cut = attribution < above ? attribution : start;
      hasQuote = true;
      grew = true;
      continue;
    }
    if (end > 0 && SIGN_OFF.test(lines[end - 1].content)) {
      cut = end - 1;
      grew = true;
      continue;
    }
    const signature = lines.slice(0, end).findIndex((l, i) => i > 0 && SIGNATURE.test(l.content));
    if (signature > 0) {
      cut = signature;
      grew = true;
    }
  }
  if (cut === lines.length) return { shown: text, folded: '', kind: null };
  cut = backOverBlanks(lines, cut);
  const at = lines[cut]?.start ?? text.length;
  // A mail that is all quote (a forward without a word) shows as it is: there would be nothing to read.
  if (text.slice(0, at).trim() === '') return { shown: text, folded: '', kind: null };
  return { shown: text.slice(0, at), folded: text.slice(at), kind: hasQuote ? 'quote' : 'signature' };
}
