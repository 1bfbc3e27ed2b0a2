import { ApiError } from '../../lib/api-client.ts';

export type TemplateField = 'subject' | 'body';
export interface TemplateText {
  subject: string;
  body: string;
}

/** Rules of the server's template check that the app words itself (src/server/mail/template-check.ts). */
export const templateRules = ['unknown_variable', 'raw_value', 'partial', 'template_syntax'] as const;
export type TemplateRule = (typeof templateRules)[number];

export interface TemplateIssue {
  rule: TemplateRule;
  /** The name inside the braces, for the rules about one variable. */
  variable?: string;
}

const isRule = (v: unknown): v is TemplateRule => typeof v === 'string' && (templateRules as readonly string[]).includes(v);

/** The first template problem per field in a 400 from PUT /mail-templates (`body.subject`, `body.body`). */
export function templateIssues(error: unknown): Partial<Record<TemplateField, TemplateIssue>> {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return {};
  const out: Partial<Record<TemplateField, TemplateIssue>> = {};
  for (const issue of error.details as { field?: unknown; rule?: unknown; variable?: unknown }[]) {
    const field = typeof issue?.field === 'string' ? issue.field.replace(/^body\./, '') : null;
    if ((field !== 'subject' && field !== 'body') || out[field] || !isRule(issue.rule)) continue;
    out[field] = { rule: issue.rule, ...(typeof issue.variable === 'string' ? { variable: issue.variable } : {}) };
  }
  return out;
}

/**
 * A draft as the browser keeps it (see useDraft): the subject and body together, or '' when they
 * are the saved wording, so an unchanged template leaves nothing behind.
 */
export const encodeDraft = (text: TemplateText, saved: TemplateText): string =>
  text.subject === saved.subject && text.body === saved.body ? '' : JSON.stringify({ subject: text.subject, body: text.body });

/** The draft kept in the browser, or null when there is none (or it is not one of ours). */
export function decodeDraft(stored: string): TemplateText | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as TemplateText).subject === 'string' && typeof (value as TemplateText).body === 'string') {
      return { subject: (value as TemplateText).subject, body: (value as TemplateText).body };
    }
  } catch {
    // Not JSON: not a draft of this editor.
  }
  return null;
}

/** Whether two texts are the same wording (a preview still shows what is typed). */
export const isSameText = (a: TemplateText, b: TemplateText): boolean => a.subject === b.subject && a.body === b.body;

/** `{{name}}` put in place of the selection (or at the cursor); `caret` is where the cursor goes after it. */
export function insertVariable(value: string, start: number | null, end: number | null, name: string): { value: string; caret: number } {
  const from = Math.min(start ?? value.length, value.length);
  const to = Math.max(from, Math.min(end ?? from, value.length));
  const tag = `{{${name}}}`;
  return { value: value.slice(0, from) + tag + value.slice(to), caret: from + tag.length };
}
