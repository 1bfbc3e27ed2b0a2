import i18next from 'i18next';
import type { z } from 'zod';
import { putReviewRulesBody, type reviewRules } from '../../../contract/channel-intake.ts';
import { ApiError } from '../../lib/api-client.ts';
import { describeIssue, type RuleIssue } from '../../lib/validation.ts';

type ReviewRules = z.infer<typeof reviewRules>;
export type PutReviewRulesBody = z.infer<typeof putReviewRulesBody>;

/** A location typed in the form; `key` keeps each row's inputs when one above is removed. */
export interface LocationRow {
  key: number;
  location: string;
  /** A department id as the select holds it; empty until one is chosen. */
  department: string;
}

/** The review rules as the form holds them: the keywords as text, a line each. */
export interface ReviewRulesForm {
  max_rating: number;
  keywords: string;
  locations: LocationRow[];
}

let lastKey = 0;
export const newLocationRow = (): LocationRow => ({ key: ++lastKey, location: '', department: '' });

export function reviewRulesToForm(rules: ReviewRules): ReviewRulesForm {
  return {
    max_rating: rules.max_rating,
    keywords: rules.keywords.join('\n'),
    locations: rules.locations.map((l) => ({ key: ++lastKey, location: l.location, department: String(l.department.id) })),
  };
}

/** The keywords of the text: a line (or comma) each, trimmed, each once whatever its case. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,]/)
    .map((k) => k.trim())
    .filter((k) => {
      const key = k.toLowerCase();
      if (k === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The body of PUT /channels/review-rules; a row with neither a location nor a department is left out. */
export function reviewRulesBody(form: ReviewRulesForm): { body: PutReviewRulesBody; rows: LocationRow[] } {
  const rows = form.locations.filter((l) => l.location.trim() !== '' || l.department !== '');
  return {
    body: {
      max_rating: form.max_rating,
      keywords: parseKeywords(form.keywords),
      locations: rows.map((l) => ({ location: l.location.trim(), department: Number(l.department) })),
    },
    rows,
  };
}

/**
 * Where a problem shows: `keywords.3` at the keywords, `locations.2.department` at that row's
 * department (by the row's key, as the rows sent may skip empty ones).
 */
function fieldOf(field: string, rows: readonly LocationRow[]): string {
  if (field.startsWith('keywords')) return 'keywords';
  const location = /^locations\.(\d+)\.(location|department)$/.exec(field);
  if (location) {
    const row = rows[Number(location[1])];
    return row ? `location.${row.key}.${location[2]}` : 'locations';
  }
  return field;
}

function describe(path: string, field: string, issue: RuleIssue): string {
  if (field.endsWith('.department')) return i18next.t(issue.code === 'invalid_type' || issue.code === 'too_small' ? 'admin:reviewRules.error.department' : 'admin:reviewRules.error.noDepartment');
  if (field.endsWith('.location') && issue.code === 'custom') return i18next.t('admin:reviewRules.error.locationTwice');
  if (field === 'keywords' && issue.code === 'too_big') return i18next.t(path === 'keywords' ? 'admin:reviewRules.error.keywordsMany' : 'admin:reviewRules.error.keywordLong');
  return describeIssue(issue);
}

type Checked = { body: PutReviewRulesBody; errors: null } | { body: null; errors: Record<string, string> };

/** Checks the form with the API's own schema and its one rule the schema cannot say: a location listed twice. */
export function checkReviewRules(form: ReviewRulesForm): Checked {
  const { body, rows } = reviewRulesBody(form);
  const errors: Record<string, string> = {};
  const add = (path: string, issue: RuleIssue) => {
    const field = fieldOf(path, rows);
    errors[field] ??= describe(path, field, issue);
  };
  const result = putReviewRulesBody.safeParse({ ...body, locations: body.locations.map((l) => ({ ...l, department: l.department || undefined })) });
  if (!result.success) for (const issue of result.error.issues) add(issue.path.join('.'), issue as unknown as RuleIssue);
  const seen = new Set<string>();
  body.locations.forEach((l, index) => {
    const key = l.location.toLowerCase();
    if (key && seen.has(key)) add(`locations.${index}.location`, { code: 'custom', message: 'listed twice' });
    seen.add(key);
  });
  return Object.keys(errors).length ? { body: null, errors } : { body, errors: null };
}

/** The field problems of a refused save (400, or 404 for a department deleted meanwhile), keyed as checkReviewRules keys them. */
export function reviewRulesSaveErrors(error: unknown, form: ReviewRulesForm): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const { rows } = reviewRulesBody(form);
  const out: Record<string, string> = {};
  for (const detail of error.details as unknown[]) {
    const issue = detail as { field?: unknown; message?: unknown; rule?: unknown };
    if (typeof issue.field !== 'string' || typeof issue.message !== 'string') continue;
    const path = issue.field.replace(/^body\.?/, '');
    const field = fieldOf(path, rows);
    const code = typeof issue.rule === 'string' ? issue.rule : error.status === 404 ? 'not_found' : 'custom';
    out[field] ??= describe(path, field, { ...(detail as object), code, message: issue.message });
  }
  return out;
}
