import { z } from 'zod';
import { email, nonEmpty, password, slug, timestamp } from './common.ts';
import { channels } from './channels.ts';
import { limits } from './limits.ts';
import { verificationChannels } from './verification.ts';

export const adminInput = z.strictObject({
  name: nonEmpty(limits.nameMax),
  email,
  password,
});

export const createWorkspaceBody = z.strictObject({
  name: nonEmpty(limits.nameMax),
  slug,
  admin: adminInput,
});
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBody>;

export const setupBody = createWorkspaceBody.extend({
  name: nonEmpty(limits.nameMax).default('Default'),
  slug: slug.default('default'),
});

export const languages = ['en', 'id'] as const;
export type Language = (typeof languages)[number];
/** A stored language (text in the database) as one the app speaks; anything else is English. */
export const toLanguage = (value: string | null | undefined): Language => (value === 'id' ? 'id' : 'en');

export const settings = z
  .object({
    slug: z.string(),
    name: z.string(),
    logo_url: z.string().nullable().describe('Shown in the agent app and the portal; null: the name alone'),
    time_zone: z.string(),
    default_language: z.enum(languages),
    public_url: z.string().nullable(),
    auto_close_after_seconds: z.number().int(),
    ticket_number_prefix: z.string(),
    ticket_number_padding: z.number().int(),
    sender_name: z.string().nullable(),
    sender_email: z.string().nullable(),
    default_country: z.string().nullable(),
    verification_channels: z.array(z.enum(channels)),
    channels_enabled: z.array(z.enum(channels)).describe('Channels that take new tickets; replies to existing tickets arrive on any'),
    created_at: timestamp,
  })
  .meta({ id: 'WorkspaceSettings' });
export type Settings = z.infer<typeof settings>;

/**
 * An IANA zone name (Asia/Jakarta, UTC). Offsets like +07:00 are refused: PostgreSQL reads
 * them with the opposite sign (POSIX), so Node and SQL would disagree on every day boundary.
 */
export const isTimeZone = (tz: string): boolean => {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The canonical spelling of a zone (asia/jakarta → Asia/Jakarta). */
export const canonicalTimeZone = (tz: string): string => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;

export const patchSettingsBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  time_zone: z.string().max(64).refine(isTimeZone, 'not an IANA time zone name such as Asia/Jakarta').transform(canonicalTimeZone).optional(),
  default_language: z.enum(languages).optional(),
  public_url: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  logo_url: z.url({ protocol: /^https$/ }).max(500).nullable().optional().describe('An https address of the logo image'),
  auto_close_after_seconds: z.number().int().min(0).max(365 * 24 * 3600).optional(),
  ticket_number_prefix: z
    .string()
    .max(20)
    .regex(/^[A-Za-z0-9{}-]*$/, 'letters, digits, dashes and the {YYYY} token')
    .optional(),
  ticket_number_padding: z.number().int().min(1).max(12).optional(),
  sender_name: z.string().max(limits.nameMax).nullable().optional(),
  sender_email: email.nullable().optional(),
  default_country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code in capitals, such as ID')
    .nullable()
    .optional()
    .describe('Phone numbers typed without a country code are read as numbers of this country'),
  verification_channels: verificationChannels.optional(),
  channels_enabled: z
    .array(z.enum(channels))
    .min(1, 'keep at least one channel on')
    .max(channels.length)
    .transform((list) => channels.filter((c) => list.includes(c)))
    .optional()
    .describe('The channels that take new tickets; the others refuse them (409), mail to a turned-off email channel is set aside'),
});
export type PatchSettingsBody = z.infer<typeof patchSettingsBody>;
