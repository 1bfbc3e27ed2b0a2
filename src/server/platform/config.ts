import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.string().url().optional(),
  // Outgoing mail: smtp://user:pass@host:587 or smtps://…:465; unset, mails stay in the dev outbox.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, 'must be an address, or Name <address>')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CAREDESK_ADMIN_EMAIL: z.string().email().optional(),
  CAREDESK_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  CAREDESK_ADMIN_NAME: z.string().min(1).default('Administrator'),
  CAREDESK_SIGNUP: z.enum(['open', 'closed']).default('closed'),
  CAREDESK_DEMO: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  PORTAL_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  PORTAL_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  CAPTCHA_VERIFY_URL: z.string().url().optional(),
  CAPTCHA_SECRET: z.string().min(1).optional(),
  CAPTCHA_SITE_KEY: z.string().min(1).optional(),
  CAPTCHA_PROVIDER: z.enum(['turnstile', 'hcaptcha', 'recaptcha']).default('turnstile'),
  TRUST_PROXY: bool.default(false),
  PGLITE_FSYNC: bool.default(true),
  PGLITE_VACUUM_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  // The background sweeper (auto-close, reminders, …); 0: this process does not sweep.
  CAREDESK_SWEEP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .refine((ms) => ms === 0 || ms >= 10, 'must be 0 (off) or at least 10')
    .default(15_000),
  // Batches of one duty the sweeper runs at once on PostgreSQL (each on its own connection, at most
  // DATABASE_POOL_SIZE − 1); PGlite has one connection and runs one.
  CAREDESK_SWEEP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Due rows a batch claims and commits at once; unset: 500 on PostgreSQL, 100 on PGlite (where a
  // batch holds the only connection, so requests wait for it).
  CAREDESK_SWEEP_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).optional(),
  // Inbound email: the built-in SMTP listener (port 0: any free port, for tests).
  SMTP_INBOUND: bool.default(true),
  SMTP_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_INBOUND_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_INBOUND_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(25 * 1024 * 1024),
  // STARTTLS is offered when both are set (PEM files).
  SMTP_INBOUND_TLS_KEY: z.string().min(1).optional(),
  SMTP_INBOUND_TLS_CERT: z.string().min(1).optional(),
  // Mails accepted per sender address and minute; more get a temporary refusal (451), which stops mail loops.
  SMTP_INBOUND_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  // Inbound email: the departments' IMAP mailboxes, read at once on IDLE and at least every interval.
  IMAP_POLL: bool.default(true),
  IMAP_POLL_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  // How long a connection test (and a poller's connect) waits for the server.
  IMAP_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  // Lets a mailbox use a cleartext connection (tls_mode none) to hosts other than this machine.
  IMAP_ALLOW_INSECURE: bool.default(false),
  // Webhooks out: how long an endpoint has to answer a delivery, and how many deliveries in a row
  // may be given up (each after a day of retries) before the endpoint is turned off.
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(3),
  // Whether workspace admins may point webhooks and IMAP mailboxes at this machine or its private
  // network. Unset: yes while sign-up is closed (one business self-hosting), no when it is open
  // (anyone can become an admin of a workspace, and must not reach the host's network).
  CAREDESK_ALLOW_PRIVATE_TARGETS: bool.optional(),
});

export type Config = Readonly<
  z.infer<typeof configSchema> & {
    dataDir: string;
    engine: 'pglite' | 'postgres';
  }
>;

/** Parses the environment once; every bad variable is named in one message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  if ((c.SMTP_INBOUND_TLS_KEY === undefined) !== (c.SMTP_INBOUND_TLS_CERT === undefined)) {
    throw new Error('Invalid configuration:\n  SMTP_INBOUND_TLS_KEY and SMTP_INBOUND_TLS_CERT must be set together');
  }
  if ((c.CAREDESK_ADMIN_EMAIL === undefined) !== (c.CAREDESK_ADMIN_PASSWORD === undefined)) {
    throw new Error('Invalid configuration:\n  CAREDESK_ADMIN_EMAIL and CAREDESK_ADMIN_PASSWORD must be set together');
  }
  return Object.freeze({
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    engine: c.DATABASE_URL ? 'postgres' : 'pglite',
  });
}
