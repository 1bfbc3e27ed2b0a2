import Mustache from 'mustache';
import type { MailTemplate } from './mail-request.ts';
import { templateVariables } from './template-variables.ts';

export interface TemplateProblem {
  field: 'subject' | 'body';
  message: string;
  rule: 'template_syntax' | 'unknown_variable' | 'raw_value' | 'partial';
  variable?: string;
}

type Span = [string, string, number, number, Span[]?, number?];

/**
 * Checks an admin's wording of a mail before it is stored: it must parse as mustache and name
 * only the variables of its template (leaves as values; leaves or their objects as sections).
 * Partials and unescaped tags are refused: there are no partials, and every value is inserted
 * escaped in the HTML part whatever the tag says, so a template should not pretend otherwise.
 */
export function checkTemplate(template: MailTemplate, text: { subject: string; body: string }): TemplateProblem[] {
  const known = new Set(templateVariables[template]);
  const objects = new Set([...known].flatMap((name) => name.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    let spans: Span[];
    try {
      spans = Mustache.parse(text[field]) as unknown as Span[];
    } catch (error) {
      problems.push({ field, rule: 'template_syntax', message: `The ${field} is not a valid template: ${(error as Error).message}` });
      continue;
    }
    walk(spans, [], field);
  }
  return problems;

  /** `sections` are the names of the enclosing sections: inside {{#reply}}, {{author}} means reply.author. */
  function walk(spans: Span[], sections: string[], field: 'subject' | 'body'): void {
    const resolve = (name: string, accept: (n: string) => boolean) =>
      name === '.' ? sections.length > 0 : accept(name) || sections.some((s) => accept(`${s}.${name}`));
    const unknown = (name: string) =>
      problems.push({ field, rule: 'unknown_variable', variable: name, message: `Unknown variable {{${name}}} in the ${field}; this template may use ${[...known].map((n) => `{{${n}}}`).join(', ')}` });
    for (const [kind, name, , , children] of spans) {
      switch (kind) {
        case 'name':
          if (!resolve(name, (n) => known.has(n))) unknown(name);
          break;
        case '&':
          problems.push({ field, rule: 'raw_value', variable: name, message: `{{{${name}}}} and {{&${name}}} are not allowed in the ${field}: write {{${name}}} (values are always inserted as written in the text part and escaped in the HTML part)` });
          break;
        case '#':
        case '^':
          if (!resolve(name, (n) => known.has(n) || objects.has(n))) unknown(name);
          walk(children ?? [], [...sections, ...sections.map((s) => `${s}.${name}`), name], field);
          break;
        case '>':
          problems.push({ field, rule: 'partial', variable: name, message: `Partials ({{>${name}}}) are not available in mail templates` });
          break;
        default:
          break; // text, comments, delimiter changes
      }
    }
  }
}
