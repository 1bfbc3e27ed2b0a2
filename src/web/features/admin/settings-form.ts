import i18next from 'i18next';
import { type Language, type PatchSettingsBody, patchSettingsBody, type Settings } from '../../../contract/workspaces.ts';
import { ApiError } from '../../lib/api-client.ts';
import { describeIssue, type RuleIssue } from '../../lib/validation.ts';
import { describeDurationProblem, type DurationText, emptyDuration, parseDuration, secondsToDuration } from './duration.ts';
import { parsePadding } from './ticket-number.ts';

/** The workspace settings as the form holds them: text as typed (an empty text is "none"). */
export interface SettingsForm {
  name: string;
  logo_url: string;
  public_url: string;
  default_language: Language;
  time_zone: string;
  ticket_number_prefix: string;
  ticket_number_padding: string;
  auto_close: DurationText;
  sender_name: string;
  sender_email: string;
  default_country: string;
}

/** The fields the page sends (the channel lists are saved on the Channels page). */
export type SettingsField = Exclude<keyof PatchSettingsBody, 'verification_channels' | 'channels_enabled'>;

/** The longest auto-close period the API takes: a year. */
export const autoCloseMaxSeconds = 365 * 24 * 3600;

export function settingsToForm(s: Settings): SettingsForm {
  return {
    name: s.name,
    logo_url: s.logo_url ?? '',
    public_url: s.public_url ?? '',
    default_language: s.default_language,
    time_zone: s.time_zone,
    ticket_number_prefix: s.ticket_number_prefix,
    ticket_number_padding: String(s.ticket_number_padding),
    // 0 is "never": two empty fields say so better than 0 h 0 min.
    auto_close: s.auto_close_after_seconds > 0 ? secondsToDuration(s.auto_close_after_seconds) : emptyDuration,
    sender_name: s.sender_name ?? '',
    sender_email: s.sender_email ?? '',
    default_country: s.default_country ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

// Rules the contract words in English (a regex's or refinement's message) are worded here instead.
type OwnRule = 'logoUrl' | 'publicUrl' | 'timeZone' | 'prefix' | 'country';
const ownWording: Partial<Record<SettingsField, OwnRule>> = {
  logo_url: 'logoUrl',
  public_url: 'publicUrl',
  time_zone: 'timeZone',
  ticket_number_prefix: 'prefix',
  default_country: 'country',
};

/** One problem of a field in the agent's language; limits (too long, required) keep the shared wording. */
export function describeSettingsIssue(field: string, issue: RuleIssue): string {
  const own = ownWording[field as SettingsField];
  if (own && !['too_big', 'too_small', 'invalid_type'].includes(issue.code)) return i18next.t(`admin:settings.error.${own}`);
  return describeIssue(issue);
}

type Checked = { body: PatchSettingsBody; errors: null } | { body: null; errors: Record<string, string> };

/** Checks the form against the API's own schema; the errors are keyed by the body's field names, as a refusal's are. */
export function checkSettings(form: SettingsForm): Checked {
  const errors: Record<string, string> = {};
  const padding = parsePadding(form.ticket_number_padding);
  if (padding === null) errors.ticket_number_padding = i18next.t('admin:settings.error.padding');
  const autoClose = parseDuration(form.auto_close, { isRequired: false, allowsZero: true, maxSeconds: autoCloseMaxSeconds });
  if (autoClose.problem) errors.auto_close_after_seconds = describeDurationProblem(autoClose.problem, autoCloseMaxSeconds);
  const candidate = {
    name: form.name.trim(),
    logo_url: orNull(form.logo_url),
    public_url: orNull(form.public_url),
    default_language: form.default_language,
    time_zone: form.time_zone.trim(),
    ticket_number_prefix: form.ticket_number_prefix.trim(),
    ticket_number_padding: padding ?? 4,
    auto_close_after_seconds: autoClose.seconds ?? 0,
    sender_name: orNull(form.sender_name),
    sender_email: orNull(form.sender_email),
    default_country: orNull(form.default_country.toUpperCase()),
  };
  const parsed = patchSettingsBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      errors[field] ??= describeSettingsIssue(field, issue as unknown as RuleIssue);
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { body: null, errors };
  return { body: parsed.data, errors: null };
}

/** Only what differs from the saved settings: a save changes nothing another admin set meanwhile elsewhere. */
export function changedSettings(saved: Settings, body: PatchSettingsBody): PatchSettingsBody {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && saved[key as keyof Settings] !== value) changed[key] = value;
  }
  return changed as PatchSettingsBody;
}

/** The field problems of a refused save, keyed as checkSettings keys them. */
export function settingsSaveErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details as unknown[]) {
    const issue = detail as { field?: unknown; message?: unknown; rule?: unknown };
    if (typeof issue.field !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.field.replace(/^body\.?/, '');
    out[field] ??= describeSettingsIssue(field, { ...(detail as object), code: typeof issue.rule === 'string' ? issue.rule : 'custom', message: issue.message });
  }
  return out;
}

/** An auto-close period in whole days and the hours past them, for the line under the field. */
export function daysAndHours(seconds: number): { days: number; hours: number } {
  const hours = Math.round(seconds / 3600);
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/** Every IANA zone the browser knows, with UTC and the one in use kept even if it does not list them. */
export function timeZoneChoices(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}
