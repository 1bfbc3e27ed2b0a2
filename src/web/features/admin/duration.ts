import i18next from 'i18next';

/**
 * Service-level times as admins type them (hours and minutes) and as the API takes them
 * (seconds). Business time: "8 h" of a 09–17 calendar is one working day.
 */

export interface DurationText {
  hours: string;
  minutes: string;
}

export const emptyDuration: DurationText = { hours: '', minutes: '' };

/** Whole hours and the minutes past them; a stray second rounds up, so a target never shrinks to nothing. */
export function durationParts(seconds: number): { hours: number; minutes: number } {
  const minutes = Math.ceil(Math.max(0, seconds) / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** The fields of a stored duration; none shows as two empty fields. */
export function secondsToDuration(seconds: number | null): DurationText {
  if (seconds === null) return emptyDuration;
  const { hours, minutes } = durationParts(seconds);
  return { hours: String(hours), minutes: String(minutes) };
}

/** What is wrong with a typed duration, for the field to say. */
export type DurationProblem = 'number' | 'minutes' | 'required' | 'zero' | 'tooLong';

export interface DurationRules {
  /** Two empty fields are refused instead of meaning "none". */
  isRequired: boolean;
  /** 0 h 0 min is a duration (an escalation right at the due time), not a typing slip. */
  allowsZero: boolean;
  maxSeconds: number;
}

export type ParsedDuration = { seconds: number | null; problem: null } | { seconds: null; problem: DurationProblem };

const wholeNumber = /^\d{1,6}$/;

/** Seconds from typed hours and minutes (either may be empty, meaning 0); both empty means none. */
export function parseDuration(text: DurationText, rules: DurationRules): ParsedDuration {
  const hours = text.hours.trim();
  const minutes = text.minutes.trim();
  if (hours === '' && minutes === '') return rules.isRequired ? { seconds: null, problem: 'required' } : { seconds: null, problem: null };
  if ((hours !== '' && !wholeNumber.test(hours)) || (minutes !== '' && !wholeNumber.test(minutes))) return { seconds: null, problem: 'number' };
  const m = minutes === '' ? 0 : Number(minutes);
  if (m > 59) return { seconds: null, problem: 'minutes' };
  const seconds = (hours === '' ? 0 : Number(hours)) * 3600 + m * 60;
  if (seconds === 0 && !rules.allowsZero) return { seconds: null, problem: 'zero' };
  if (seconds > rules.maxSeconds) return { seconds: null, problem: 'tooLong' };
  return { seconds, problem: null };
}

/** A duration problem in the agent's language. */
export const describeDurationProblem = (problem: DurationProblem, maxSeconds: number): string =>
  i18next.t(`admin:duration.problem.${problem}`, { hours: Math.floor(maxSeconds / 3600) });

/** A duration for reading: "1 h 30 min", "8 h", "45 min", "0 min". */
export function formatDuration(seconds: number): string {
  const { hours, minutes } = durationParts(seconds);
  if (hours && minutes) return i18next.t('admin:duration.hoursMinutes', { hours, minutes });
  return hours ? i18next.t('admin:duration.hours', { hours }) : i18next.t('admin:duration.minutes', { minutes });
}
