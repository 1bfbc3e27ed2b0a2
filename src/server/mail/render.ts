import Mustache from 'mustache';
import type { MailValues } from './mail-request.ts';
import { htmlLayout, type LayoutWords } from './html-layout.ts';
import type { TemplateText } from './templates/built-in.ts';

export interface RenderedMail {
  /** One line: a value's line break can never start a header line. */
  subject: string;
  text: string;
  html: string;
}

/** The link's own type, so the renderer knows which inserted value is the link, whatever it spells. */
class LinkValue {
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  toString(): string {
    return this.url;
  }
}

interface Slot {
  value: string;
  isLink: boolean;
}

// Each inserted value leaves a marker of two private-use characters around its slot number; the
// same characters are removed from every value and template first, so nothing else can forge one.
const MARK = /[\uE000\uE001]/g;
const SLOT = /\uE000(\d+)\uE001/g;
const ONLY_SLOT = /^\uE000(\d+)\uE001$/;

const writer = new Mustache.Writer();
const escapeHtml = (s: string): string => Mustache.escape(s);

/** The values as plain data: objects without a prototype (so {{constructor}} finds nothing), no functions. */
function toView(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(MARK, '').replace(/\r\n?/g, '\n');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      const converted = k === 'link' && typeof v === 'string' ? new LinkValue(v.replace(MARK, '')) : toView(v);
      if (converted !== undefined) out[k] = converted;
    }
    return out;
  }
  return undefined;
}

/**
 * Renders logic-less: every {{value}} becomes a numbered slot instead of text, so the output is
 * the template's own words plus slots. Each part then fills the slots its own way (raw in the
 * text, escaped in the HTML); no value is ever parsed as a template or as markup.
 */
function renderSlots(template: string, view: unknown): { out: string; slots: Slot[] } {
  const slots: Slot[] = [];
  const escape = (value: unknown) => {
    slots.push({ value: String(value), isLink: value instanceof LinkValue });
    return `\uE000${slots.length - 1}\uE001`;
  };
  const out = writer.render(template.replace(MARK, ''), view, {}, { escape });
  return { out: out.replace(/\r\n?/g, '\n'), slots };
}

const fill = (out: string, slots: Slot[], each: (slot: Slot) => string) => out.replace(SLOT, (_, n: string) => each(slots[Number(n)]));

/** Line breaks and other controls become spaces; the subject is a single header line. */
export function oneLine(s: string): string {
  const line = s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  // Whole characters only: a cut surrogate pair would be an encoding error in the header.
  return [...line].slice(0, 250).join('');
}

/** Tidy plain text: no trailing spaces, at most one blank line in a row (sections leave some). */
const tidy = (s: string) =>
  s
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const isWebUrl = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** Renders a mail's subject (one line), plain text (values as written) and HTML (every value escaped). */
export function renderMail(template: TemplateText, values: MailValues, words: LayoutWords): RenderedMail {
  const view = toView(values);
  const subjectSlots = renderSlots(template.subject, view);
  // A subject whose sections all came out empty still needs words: the workspace's name.
  const subject = oneLine(fill(subjectSlots.out, subjectSlots.slots, (s) => s.value)) || oneLine(values.workspace.name.replace(MARK, '')) || 'Caredesk';
  const body = renderSlots(template.body, view);
  // Tidied before the values go in, so a customer's text keeps every line as it was written.
  const text = fill(tidy(body.out), body.slots, (s) => s.value);

  const link = (s: Slot) => (isWebUrl(s.value) ? `<a href="${escapeHtml(s.value)}" style="color:#2563eb;">${escapeHtml(s.value)}</a>` : escapeHtml(s.value));
  const paragraphs = tidy(body.out)
    .split(/\n\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => {
      const only = ONLY_SLOT.exec(p.trim());
      const slot = only ? body.slots[Number(only[1])] : undefined;
      if (slot?.isLink && isWebUrl(slot.value)) return { button: slot.value };
      // The words of the template are escaped too: it is plain text, whoever wrote it.
      const html = fill(escapeHtml(p), body.slots, (s) => (s.isLink ? link(s) : escapeHtml(s.value)));
      return { html: html.replace(/\r?\n/g, '<br>\n') };
    });
  const html = htmlLayout({ subject, paragraphs, workspace: values.workspace.name.replace(MARK, ''), words });
  return { subject, text, html };
}
