import { z } from 'zod';
import { idSchema, ref, timestamp } from './common.ts';

/** implicit: TLS from the first byte (usually port 993); starttls: upgraded before login, required (143); none: cleartext. */
export const imapTlsModes = ['implicit', 'starttls', 'none'] as const;
export type ImapTlsMode = (typeof imapTlsModes)[number];

export const imapLimits = { hostMax: 253, usernameMax: 320, passwordMax: 1000, folderMax: 500 } as const;

/** The port a TLS mode usually has, for a form that leaves it empty. */
export const defaultImapPort = (mode: ImapTlsMode): number => (mode === 'implicit' ? 993 : 143);

// A DNS name (letters, digits, dashes, dots) or an IPv4 or bracket-less IPv6 address.
const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;
const noControl = /^[^\u0000-\u001f\u007f]*$/;

export const imapHost = z.string().trim().min(1, 'must not be empty').max(imapLimits.hostMax).regex(hostPattern, 'must be a host name or an IP address');
export const imapPort = z.number().int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535');
const username = z.string().min(1, 'must not be empty').max(imapLimits.usernameMax).regex(noControl, 'must not contain control characters');
const password = z.string().min(1, 'must not be empty').max(imapLimits.passwordMax).regex(noControl, 'must not contain control characters');
const folder = z.string().trim().min(1, 'must not be empty').max(imapLimits.folderMax).regex(noControl, 'must not contain control characters');

/** What connecting needs: also the body of a test of unsaved settings. */
export const imapConnectionBody = z.strictObject({
  host: imapHost,
  port: imapPort.optional().describe('Default: 993 with implicit TLS, 143 otherwise'),
  tls_mode: z.enum(imapTlsModes).default('implicit').describe('none is allowed for a server on this machine (127.0.0.1, ::1, localhost) or with IMAP_ALLOW_INSECURE'),
  username,
  password,
  folder: folder.default('INBOX'),
});
export type ImapConnectionBody = z.infer<typeof imapConnectionBody>;

export const createImapMailboxBody = imapConnectionBody.extend({
  department_id: idSchema.describe('The department its mail goes to'),
  enabled: z.boolean().default(true),
});
export type CreateImapMailboxBody = z.infer<typeof createImapMailboxBody>;

export const patchImapMailboxBody = z.strictObject({
  department_id: idSchema.optional(),
  host: imapHost.optional(),
  port: imapPort.optional(),
  tls_mode: z.enum(imapTlsModes).optional(),
  username: username.optional(),
  password: password.optional().describe('Omitted: the stored password is kept'),
  folder: folder.optional(),
  enabled: z.boolean().optional(),
});
export type PatchImapMailboxBody = z.infer<typeof patchImapMailboxBody>;

export const imapMailbox = z
  .object({
    id: z.number(),
    department: ref,
    host: z.string(),
    port: z.number(),
    tls_mode: z.enum(imapTlsModes),
    username: z.string(),
    folder: z.string(),
    enabled: z.boolean(),
    last_polled_at: timestamp.nullable().describe('When the folder was last read without an error'),
    last_error: z.string().nullable().describe("What the server (or the network) answered when polling last failed; null once a poll succeeds"),
    last_error_at: timestamp.nullable(),
    last_uid: z.number().describe('The highest UID read into Caredesk'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'ImapMailbox', description: 'A department mailbox on an IMAP server; its password is never answered' });
export type ImapMailbox = z.infer<typeof imapMailbox>;

export const imapMailboxList = z.object({ items: z.array(imapMailbox), next_cursor: z.null() });

export const imapTestStages = ['connect', 'login', 'folder', 'done'] as const;

export const imapTestResult = z
  .object({
    ok: z.boolean().describe('true: connected, logged in and opened the folder'),
    stage: z.enum(imapTestStages).describe('The step that failed, or done'),
    greeting: z.string().nullable().describe("The server's greeting"),
    capabilities: z.array(z.string()).describe('What the server offers (after login when that succeeded)'),
    idle: z.boolean().describe('Whether the server has IDLE (new mail is then read at once, otherwise at each poll)'),
    message_count: z.number().nullable().describe('Messages in the folder'),
    unseen_count: z.number().nullable().describe('Unread messages in the folder: those Caredesk would read in'),
    error: z.string().nullable().describe("The server's answer (or the network's error) at the failed step"),
    elapsed_ms: z.number(),
  })
  .meta({ id: 'ImapTestResult' });
export type ImapTestResult = z.infer<typeof imapTestResult>;
