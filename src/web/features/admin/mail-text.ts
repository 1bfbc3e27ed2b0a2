/** A run of a plain-text mail: words, or a web address to show as a link. */
export type TextRun = { text: string; href?: string };

// Punctuation right after an address ends the sentence, not the address.
const address = /https?:\/\/[^\s<>"]+/g;
const trailing = /[.,;:!?'")\]]+$/;

/**
 * Splits a mail's text into runs, so its web addresses (a sign-in link, the portal) can be links
 * while everything else stays text: nothing in the mail is ever read as HTML.
 */
export function splitLinks(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(address)) {
    const href = match[0].replace(trailing, '');
    const start = match.index;
    if (start > at) runs.push({ text: text.slice(at, start) });
    runs.push({ text: href, href });
    at = start + href.length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
