import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ImapTestResult, ImapTlsMode } from '../../contract/imap.ts';

export interface ImapSettings {
  host: string;
  port: number;
  tlsMode: ImapTlsMode;
  username: string;
  password: string;
  folder: string;
}

/** A client for one connection: TLS as the mode says (STARTTLS required, not merely tried), no auto-IDLE, no logging of its own. */
export function imapClient(s: ImapSettings, timeouts: { connectMs: number; socketMs?: number; maxIdleMs?: number }): ImapFlow {
  const options: ImapFlowOptions = {
    host: s.host,
    port: s.port,
    secure: s.tlsMode === 'implicit',
    doSTARTTLS: s.tlsMode === 'starttls' ? true : s.tlsMode === 'none' ? false : undefined,
    auth: { user: s.username, pass: s.password },
    clientInfo: { name: 'Caredesk' },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    ...(timeouts.socketMs ? { socketTimeout: timeouts.socketMs } : {}),
    ...(timeouts.maxIdleMs ? { maxIdleTime: timeouts.maxIdleMs } : {}),
  };
  const client = new ImapFlow(options);
  // An 'error' nobody listens to would end the process; whoever uses the client reads it from close.
  client.on('error', () => undefined);
  return client;
}

/** What the server (or the network) said, as one short line: the server's own text where there is one. */
export function describeImapError(error: unknown): string {
  const e = (error ?? {}) as { responseText?: unknown; response?: unknown; serverResponseCode?: unknown; message?: unknown; code?: unknown; reason?: unknown };
  const serverText =
    typeof e.responseText === 'string' && e.responseText ? e.responseText : typeof e.response === 'string' && e.response ? e.response : typeof e.reason === 'string' && e.reason ? e.reason : null;
  const code = typeof e.serverResponseCode === 'string' && e.serverResponseCode && serverText && !serverText.includes(e.serverResponseCode) ? `[${e.serverResponseCode}] ` : '';
  const text = serverText ? `${code}${serverText}` : `${typeof e.code === 'string' ? `${e.code}: ` : ''}${String(e.message ?? error)}`;
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

const capabilityList = (client: ImapFlow) => [...client.capabilities.keys()].sort();

/**
 * Connects, logs in and opens the folder, within `timeoutMs`, and reports what the server answered
 * at each step: its greeting and capabilities and the folder's message counts, or the error text
 * of the step that failed. Nothing in the folder is changed.
 */
export async function testImapConnection(s: ImapSettings, timeoutMs: number): Promise<ImapTestResult> {
  const started = Date.now();
  const client = imapClient(s, { connectMs: timeoutMs });
  let stage: ImapTestResult['stage'] = 'connect';
  const result = (ok: boolean, error: string | null, counts: { exists: number | null; unseen: number | null } = { exists: null, unseen: null }): ImapTestResult => ({
    ok,
    // A server that greeted stood the connection: what failed (or took too long) was the login.
    stage: stage === 'connect' && client.greeting !== undefined ? 'login' : stage,
    greeting: client.greeting?.trim() || null,
    capabilities: capabilityList(client),
    idle: client.capabilities.has('IDLE'),
    message_count: counts.exists,
    unseen_count: counts.unseen,
    error,
    elapsed_ms: Date.now() - started,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    const counts = await Promise.race([
      (async () => {
        try {
          await client.connect();
        } catch (error) {
          if ((error as { authenticationFailed?: boolean }).authenticationFailed) stage = 'login';
          throw error;
        }
        stage = 'folder';
        const mailbox = await client.mailboxOpen(s.folder, { readOnly: true });
        const status = await client.status(s.folder, { unseen: true }).catch(() => false as const);
        stage = 'done';
        return { exists: mailbox.exists, unseen: status && typeof status.unseen === 'number' ? status.unseen : null };
      })(),
      timeout,
    ]);
    return result(true, null, counts);
  } catch (error) {
    return result(false, describeImapError(error));
  } finally {
    clearTimeout(timer);
    if (client.usable) await Promise.race([client.logout().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    client.close();
  }
}
