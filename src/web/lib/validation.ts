import i18next from 'i18next';
import type { z } from 'zod';

/** Validates a form against the server's own request schema; returns one readable message per field path. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    errors[issue.path.join('.')] ??= describeIssue(issue as RuleIssue);
  }
  return { data: null, errors };
}

/** A broken rule as the contract (zod) or the server's 400 describes it. */
export interface RuleIssue {
  code: string;
  message: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  /** Why a record key (e.g. an attribute's name) was refused. */
  issues?: RuleIssue[];
}

/** Words a broken rule in the agent's language; a rule without its own wording keeps the contract's. */
export function describeIssue(issue: RuleIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? i18next.t('validation.required') : i18next.t('validation.minChars', { count: Number(issue.minimum) });
      return issue.message;
    case 'too_big':
      return issue.origin === 'string' ? i18next.t('validation.maxChars', { count: Number(issue.maximum) }) : issue.message;
    case 'invalid_format':
      if (issue.format === 'email') return i18next.t('validation.email');
      // Regex rules carry their own wording in the contract, e.g. "lower-case letters, digits and dashes".
      return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    case 'invalid_type':
      // Forms send the types the contract wants; what arrives wrong is a value left out.
      return i18next.t('validation.required');
    case 'invalid_value':
      return i18next.t('validation.choose');
    case 'invalid_key':
      return issue.issues?.[0] ? describeIssue(issue.issues[0]) : issue.message;
    case 'unknown_field':
      return i18next.t('validation.unknownField');
    default:
      return issue.message;
  }
}
