import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../platform/config.ts';

export interface Mailbox {
  name: string | null;
  address: string;
}

/** `Name <address>` or a bare address (MAIL_FROM, already checked by the config's pattern). */
export function parseMailbox(value: string): Mailbox | null {
  const angled = /^\s*"?([^<>"]*?)"?\s*<([^\s<>@]+@[^\s<>@]+)>\s*$/.exec(value);
  if (angled) return { name: angled[1].trim() || null, address: angled[2] };
  const bare = /^\s*([^\s<>@]+@[^\s<>@]+)\s*$/.exec(value);
  return bare ? { name: null, address: bare[1] } : null;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const isHostName = (host: string) => HOST_NAME.test(host) && !/^[\d.]+$/.test(host);

export interface SenderWorkspace {
  name: string;
  sender_name: string | null;
  sender_email: string | null;
  public_url: string | null;
}

/**
 * The domain that names this workspace's mails (right of the @ in Message-IDs): its sender
 * address's, else MAIL_FROM's, else its public URL's host; a test machine's `localhost` or an IP
 * would make ids that look forged to spam filters, so those fall back to `caredesk.localhost`.
 */
export function mailDomain(config: Pick<Config, 'MAIL_FROM' | 'PUBLIC_URL'>, workspace: SenderWorkspace): string {
  const address = workspace.sender_email ?? (config.MAIL_FROM ? parseMailbox(config.MAIL_FROM)?.address : undefined);
  const fromAddress = address?.split('@').pop()?.toLowerCase();
  if (fromAddress && isHostName(fromAddress)) return fromAddress;
  const url = workspace.public_url ?? config.PUBLIC_URL;
  if (url) {
    try {
      const host = new URL(url).hostname.toLowerCase();
      if (isHostName(host)) return host;
    } catch {
      // not a URL: fall through
    }
  }
  return 'caredesk.localhost';
}

/**
 * Who a workspace's mail is from: its own sender if set, else MAIL_FROM, else no-reply at its
 * mail domain. The display name is the workspace's sender name, else MAIL_FROM's, else the
 * workspace's name (customers know the shop, not Caredesk).
 */
export function senderOf(config: Pick<Config, 'MAIL_FROM' | 'PUBLIC_URL'>, workspace: SenderWorkspace): Mailbox {
  const fallback = config.MAIL_FROM ? parseMailbox(config.MAIL_FROM) : null;
  const address = workspace.sender_email ?? fallback?.address ?? `no-reply@${mailDomain(config, workspace)}`;
  const name = workspace.sender_name ?? (workspace.sender_email ? null : fallback?.name) ?? workspace.name;
  return { name: name.replace(/[\r\n]+/g, ' ').trim() || null, address };
}

/** A new mail's Message-ID, fixed when it is queued; a mail about a ticket carries the ticket's id. */
export const newMessageId = (domain: string, ticketId: number | null): string =>
  `<${randomBytes(12).toString('hex')}${ticketId === null ? '' : `.t${ticketId}`}@${domain}>`;

const threadSignature = (secret: string, orgId: number, ticketId: number) => createHmac('sha256', secret).update(`${orgId}.${ticketId}`).digest('base64url').slice(0, 16);

/**
 * The id every mail of a ticket refers to (References, In-Reply-To): never sent itself, it is
 * the thread's root, so a customer's mail client files all mails of one ticket together. It is
 * signed with the workspace's mail secret: a reply that names it is about that ticket, and an id
 * made up by someone else names none.
 */
export const threadRootId = (domain: string, orgId: number, ticketId: number, secret: string): string =>
  `<ticket.${orgId}.${ticketId}.${threadSignature(secret, orgId, ticketId)}@${domain}>`;

/** The workspace and ticket a thread id of ours names, before its signature is checked; null for any other id. */
export function parseThreadRootId(id: string): { orgId: number; ticketId: number; signature: string } | null {
  const m = /^<ticket\.(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{16})@[^<>@\s]+>$/.exec(id);
  return m ? { orgId: Number(m[1]), ticketId: Number(m[2]), signature: m[3] } : null;
}

/**
 * The reference our mails about a ticket carry in their body too (text and, hidden, HTML), for
 * mail systems that rewrite Message-IDs: a reply that quotes it names the ticket, signed as the
 * thread id is.
 */
export const threadMarker = (orgId: number, ticketId: number, secret: string): string => `[caredesk-ref:${orgId}.${ticketId}.${threadSignature(secret, orgId, ticketId)}]`;

/** The ticket references in a mail's text, before their signatures are checked. */
export function parseThreadMarkers(text: string): { orgId: number; ticketId: number; signature: string }[] {
  return [...text.matchAll(/\[caredesk-ref:(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{16})\]/g)].map((m) => ({ orgId: Number(m[1]), ticketId: Number(m[2]), signature: m[3] }));
}

/** The X-Loop value on every mail Caredesk sends: a mail that comes back with it is ours. */
export const LOOP_TAG = 'caredesk';

/** Whether a parsed thread id was signed with this workspace's secret. */
export function isSignedThreadId(parsed: { orgId: number; ticketId: number; signature: string }, secret: string): boolean {
  const expected = Buffer.from(threadSignature(secret, parsed.orgId, parsed.ticketId));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
