import type { Config } from './config.ts';
import { checkHost } from './ssrf-guard.ts';

/**
 * Whether admins may send the server to loopback and private addresses (a webhook on this
 * machine, an IMAP server on the office network). The operator decides; unset, it follows the
 * trust model: yes while sign-up is closed (the admins are the business running it), no when it is
 * open (anyone can make a workspace, and would reach the host's network from it).
 */
export const privateTargetsAllowed = (config: Pick<Config, 'CAREDESK_ALLOW_PRIVATE_TARGETS' | 'CAREDESK_SIGNUP'>): boolean =>
  config.CAREDESK_ALLOW_PRIVATE_TARGETS ?? config.CAREDESK_SIGNUP !== 'open';

export const privateTargetsRefused =
  'this server does not let workspaces reach private or loopback addresses (the operator allows it with CAREDESK_ALLOW_PRIVATE_TARGETS=true)';

/** Why the server may not connect to this IMAP host, or null (a name that does not resolve now is the poller's to report). */
export async function imapHostRefusal(config: Pick<Config, 'CAREDESK_ALLOW_PRIVATE_TARGETS' | 'CAREDESK_SIGNUP'>, host: string): Promise<string | null> {
  const allowed = privateTargetsAllowed(config);
  const refused = await checkHost(host, allowed, 'allow');
  if (!refused) return null;
  return allowed ? refused.replace(/ \(allow_private[^)]*\)/, '') : `${refused.replace(/ \(allow_private[^)]*\)/, '')}; ${privateTargetsRefused}`;
}
