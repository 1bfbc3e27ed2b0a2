import i18next from 'i18next';
import { type EscalationLevel, type EscalationLevelsBody, escalationLevelsBody, escalationLimits } from '../../../contract/escalation.ts';
import type { priorities } from '../../../contract/tickets.ts';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { validate } from '../../lib/validation.ts';
import { type DurationText, describeDurationProblem, formatDuration, parseDuration, secondsToDuration } from './duration.ts';

type Priority = (typeof priorities)[number];

/** One escalation level as its form holds it; selects hold '' for "none". */
export interface LevelForm {
  key: number;
  delay: DurationText;
  notify_agent_ids: number[];
  notify_department_id: string;
  reassign_department_id: string;
  reassign_agent_id: string;
  raise_priority_to: Priority | '';
}

let lastKey = 0;
const idText = (ref: { id: number } | null) => (ref ? String(ref.id) : '');

export function levelsToForm(levels: readonly EscalationLevel[]): LevelForm[] {
  return levels.map((l) => ({
    key: ++lastKey,
    delay: secondsToDuration(l.delay_seconds),
    notify_agent_ids: l.notify_agents.map((a) => a.id),
    notify_department_id: idText(l.notify_department),
    reassign_department_id: idText(l.reassign_department),
    reassign_agent_id: idText(l.reassign_agent),
    raise_priority_to: l.raise_priority_to ?? '',
  }));
}

const delayRules = { isRequired: true, allowsZero: true, maxSeconds: escalationLimits.delaySecondsMax };

/** A level to add after the others: an hour later than the last one (the first right at the due time), telling no one in particular. */
export function newLevel(levels: readonly LevelForm[]): LevelForm {
  const last = levels.at(-1);
  const lastSeconds = last ? parseDuration(last.delay, delayRules).seconds : null;
  const seconds = last ? (lastSeconds ?? 0) + 3600 : 0;
  return { key: ++lastKey, delay: secondsToDuration(seconds), notify_agent_ids: [], notify_department_id: '', reassign_department_id: '', reassign_agent_id: '', raise_priority_to: '' };
}

const orNull = (id: string): number | null => (id === '' ? null : Number(id));

/**
 * The PUT body, or the problems keyed as the server names them (`levels.1.delay_seconds`): each
 * delay is read as typed and must be longer than the one before, the rest is checked by the contract.
 */
export function checkLevels(levels: readonly LevelForm[]): { body: EscalationLevelsBody; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const delays = levels.map((level, index) => {
    const parsed = parseDuration(level.delay, delayRules);
    if (parsed.problem) errors[`levels.${index}.delay_seconds`] = describeDurationProblem(parsed.problem, delayRules.maxSeconds);
    return parsed.seconds;
  });
  delays.forEach((seconds, index) => {
    const previous = delays[index - 1];
    if (index > 0 && seconds !== null && previous != null && seconds <= previous) {
      errors[`levels.${index}.delay_seconds`] = i18next.t('admin:escalation.error.order', { level: index, delay: formatDuration(previous) });
    }
  });
  const body = {
    levels: levels.map((level, index) => ({
      delay_seconds: delays[index] ?? 0,
      notify_agent_ids: level.notify_agent_ids,
      notify_department_id: orNull(level.notify_department_id),
      reassign_department_id: orNull(level.reassign_department_id),
      reassign_agent_id: orNull(level.reassign_agent_id),
      raise_priority_to: level.raise_priority_to === '' ? null : level.raise_priority_to,
    })),
  };
  const checked = validate(escalationLevelsBody, body);
  const all = { ...(checked.errors ?? {}), ...errors };
  if (Object.keys(all).length > 0) return { body: null, errors: all };
  return { body: checked.data as EscalationLevelsBody, errors: null };
}

/**
 * The problems of a refused save, keyed as checkLevels keys them; a delay out of order is worded
 * as the form words it, an agent named at `notify_agent_ids.2` is told at the list.
 */
export function levelSaveErrors(error: unknown, levels: readonly LevelForm[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const key = field.replace(/^(levels\.\d+\.notify_agent_ids)\.\d+$/, '$1');
    out[key] ??= message;
  }
  if (error instanceof ApiError && error.status === 400) {
    // The server's wording of the order rule is English; the form's own check says it in the agent's language.
    const own = checkLevels(levels).errors ?? {};
    for (const key of Object.keys(out)) if (own[key]) out[key] = own[key];
  }
  return out;
}
