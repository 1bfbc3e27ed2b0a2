import i18next from 'i18next';
import { type CreateSlaPolicyBody, createSlaPolicyBody, type SlaPolicy, slaLimits } from '../../../contract/sla.ts';
import type { channels, priorities } from '../../../contract/tickets.ts';
import { validate } from '../../lib/validation.ts';
import { type DurationText, describeDurationProblem, parseDuration, secondsToDuration } from './duration.ts';
import { type MatchChoice, toChoice } from './match-choice.ts';

type Priority = (typeof priorities)[number];
type Channel = (typeof channels)[number];

export const targetFields = ['first_response_seconds', 'next_response_seconds', 'resolution_seconds'] as const;
export type TargetField = (typeof targetFields)[number];
export const matchFields = ['priorities', 'department_ids', 'channels', 'category_ids'] as const;
export type MatchField = (typeof matchFields)[number];

/** An SLA policy as its form holds it: targets as hours and minutes, the calendar as a select's value ('' = none of its own). */
export interface PolicyForm {
  name: string;
  priorities: MatchChoice<Priority>;
  department_ids: MatchChoice<number>;
  channels: MatchChoice<Channel>;
  category_ids: MatchChoice<number>;
  targets: Record<TargetField, DurationText>;
  warning_percent: string;
  calendar_id: string;
  is_active: boolean;
}

/** The form of a policy, or of a new one: matches every ticket, no targets yet, warns at 80 %. */
export function policyToForm(policy?: SlaPolicy): PolicyForm {
  return {
    name: policy?.name ?? '',
    priorities: toChoice(policy?.priorities ?? null),
    department_ids: toChoice(policy?.department_ids ?? null),
    channels: toChoice(policy?.channels ?? null),
    category_ids: toChoice(policy?.category_ids ?? null),
    targets: {
      first_response_seconds: secondsToDuration(policy?.first_response_seconds ?? null),
      next_response_seconds: secondsToDuration(policy?.next_response_seconds ?? null),
      resolution_seconds: secondsToDuration(policy?.resolution_seconds ?? null),
    },
    warning_percent: policy ? (policy.warning_percent === null ? '' : String(policy.warning_percent)) : '80',
    calendar_id: policy?.calendar_id == null ? '' : String(policy.calendar_id),
    is_active: policy?.is_active ?? true,
  };
}

const targetRules = { isRequired: false, allowsZero: false, maxSeconds: slaLimits.targetSecondsMax };

/**
 * The body of POST (and of PATCH, which gets every field) with the problems of the form keyed by
 * the body's field names, as the server's 400 names them: targets and the percentage are checked
 * here as typed, the rest against the contract.
 */
export function checkPolicy(form: PolicyForm): { body: CreateSlaPolicyBody; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const seconds = {} as Record<TargetField, number | null>;
  for (const field of targetFields) {
    const parsed = parseDuration(form.targets[field], targetRules);
    if (parsed.problem) errors[field] = describeDurationProblem(parsed.problem, targetRules.maxSeconds);
    seconds[field] = parsed.seconds;
  }
  const percent = form.warning_percent.trim();
  if (percent !== '' && !(/^\d{1,2}$/.test(percent) && Number(percent) >= 1)) errors.warning_percent = i18next.t('admin:policies.error.percent');
  for (const field of matchFields) {
    if (!form[field].isAny && form[field].chosen.length === 0) errors[field] = i18next.t('admin:policies.error.chooseSome');
  }
  const body = {
    name: form.name,
    priorities: form.priorities.isAny ? null : form.priorities.chosen,
    department_ids: form.department_ids.isAny ? null : form.department_ids.chosen,
    channels: form.channels.isAny ? null : form.channels.chosen,
    category_ids: form.category_ids.isAny ? null : form.category_ids.chosen,
    ...seconds,
    warning_percent: percent === '' ? null : Number(percent),
    calendar_id: form.calendar_id === '' ? null : Number(form.calendar_id),
    is_active: form.is_active,
  };
  const checked = validate(createSlaPolicyBody, body);
  // A field the form words itself keeps its own message.
  const all = { ...(checked.errors ?? {}), ...errors };
  if (Object.keys(all).length > 0) return { body: null, errors: all };
  return { body: checked.data as CreateSlaPolicyBody, errors: null };
}

/** The field of a server problem as the form shows it: an unknown department at `department_ids.2` is told at the list. */
export function policyErrorField(field: string): string {
  const [head] = field.split('.');
  return (matchFields as readonly string[]).includes(head) ? head : field;
}
