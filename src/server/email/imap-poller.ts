import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import { IMAP_CHANNEL, claimImapMailboxes, releaseImapMailboxes } from './imap.repository.ts';
import { startMailboxSession, type MailboxSession, type SessionOptions } from './imap-session.ts';

export interface ImapPoller {
  /** Takes up mailboxes added, changed, turned on or off since (a NOTIFY from any process asks for it too). */
  refresh(): Promise<void>;
  /** Refreshes, then reads every connected mailbox now and waits for that (tests). */
  pollNow(): Promise<void>;
  /** Stops every session (the message under way commits) and lets go of the leases. */
  stop(): Promise<void>;
}

export interface ImapPollerOptions {
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'> & { child?: unknown };
  /** IMAP_POLL_INTERVAL_MS: each mailbox is read this often besides IDLE. */
  intervalMs: number;
  onStored(): void;
  connectTimeoutMs?: number;
  backoffMs?: SessionOptions['backoffMs'];
}

/**
 * The IMAP poller of this process (issue 7): holds a lease on each enabled mailbox no other
 * process polls, and keeps one session (connection) per mailbox it holds. Leases are renewed at
 * every refresh; a process that dies leaves its mailboxes to whichever process refreshes after
 * the lease ran out.
 */
export async function startImapPoller(deps: Deps, options: ImapPollerOptions): Promise<ImapPoller> {
  const pollerId = randomUUID();
  const refreshMs = Math.min(options.intervalMs, 60_000);
  const leaseMs = Math.max(60_000, 3 * refreshMs);
  const sessions = new Map<string, MailboxSession>();
  let stopped = false;
  let refreshing: Promise<void> = Promise.resolve();
  let refreshQueued: Promise<void> | null = null;
  const sessionOptions: SessionOptions = {
    pollerId,
    log: options.log,
    intervalMs: options.intervalMs,
    connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
    maxBytes: deps.config.SMTP_INBOUND_MAX_BYTES,
    onStored: options.onStored,
    backoffMs: options.backoffMs,
  };

  async function refreshOnce(): Promise<void> {
    if (stopped) return;
    const now = deps.clock.now();
    const held = await claimImapMailboxes(deps.db, pollerId, now, new Date(now.getTime() + leaseMs));
    if (stopped) return;
    const keys = new Set<string>();
    for (const mailbox of held) {
      const key = `${mailbox.orgId}:${mailbox.id}`;
      keys.add(key);
      const running = sessions.get(key);
      if (running && running.mailbox.version === mailbox.version && !running.ended) continue;
      if (running) await running.stop();
      sessions.set(key, startMailboxSession(deps, mailbox, sessionOptions));
    }
    for (const [key, session] of sessions) {
      if (keys.has(key)) continue;
      sessions.delete(key);
      await session.stop();
    }
  }

  /** One refresh after the one under way; those asked for meanwhile are one. */
  function refresh(): Promise<void> {
    if (refreshQueued) return refreshQueued;
    const next = refreshing.then(async () => {
      refreshQueued = null;
      await refreshOnce();
    });
    refreshQueued = next;
    refreshing = next.catch((error: unknown) => options.log.error({ err: error }, 'IMAP poller: refresh failed'));
    return next;
  }
  const refreshSoon = () => void refresh().catch(() => undefined);

  const unlisten = await deps.database.listen(IMAP_CHANNEL, { onMessage: refreshSoon, onGap: refreshSoon });
  const timer = setInterval(refreshSoon, refreshMs);
  timer.unref();
  refreshSoon();

  return {
    refresh,
    async pollNow() {
      await refresh();
      await Promise.all([...sessions.values()].map((s) => s.pollNow()));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await unlisten();
      await refreshing;
      await Promise.all([...sessions.values()].map((s) => s.stop()));
      sessions.clear();
      await releaseImapMailboxes(deps.db, pollerId).catch((error: unknown) => options.log.error({ err: error }, 'IMAP poller: could not let go of its leases'));
    },
  };
}
