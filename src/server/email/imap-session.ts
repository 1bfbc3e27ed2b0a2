import { imapHostRefusal } from '../platform/private-targets.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { ImapFlow } from 'imapflow';
import type { Deps } from '../platform/deps.ts';
import { describeImapError, imapClient } from './imap-connect.ts';
import { moveReadPosition, recordPoll, type PolledMailbox } from './imap.repository.ts';
import { receiveMail } from './receive-mail.ts';

export interface MailboxSession {
  readonly mailbox: PolledMailbox;
  /** Whether it ended by itself: its lease or settings were taken from it. */
  readonly ended: boolean;
  /** Reads the folder now (after the read under way); resolves at once while it is not connected. */
  pollNow(): Promise<void>;
  /** Lets the message under way commit, logs out, and stops reconnecting. */
  stop(): Promise<void>;
}

export interface SessionOptions {
  pollerId: string;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Reads the folder this often besides IDLE (and instead of it where the server has none). */
  intervalMs: number;
  connectTimeoutMs: number;
  /** Messages larger than this are left unread in the folder (as the SMTP listener refuses them). */
  maxBytes: number;
  /** A message was stored: read it into its ticket soon. */
  onStored(): void;
  /** Pauses before reconnecting after the 1st, 2nd, … failure in a row; the last repeats. */
  backoffMs?: readonly number[];
}

export const sessionDefaults = { backoffMs: [1_000, 5_000, 15_000, 60_000, 300_000] };
/** Messages whose size is asked at once; each is then fetched, stored and marked \Seen. */
const chunkSize = 20;

/** The poller's lease on the mailbox, or its settings, changed: this session stores nothing more. */
class SessionTakenOver extends Error {}

/** The envelope sender as the delivering server recorded it, when it did. */
function returnPathOf(raw: Buffer): string {
  const head = raw.subarray(0, 64 * 1024).toString('latin1').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const line = /^return-path:[ \t]*<?([^<>\s]*)>?/im.exec(head);
  return line?.[1] ?? '';
}

/**
 * One connection to one mailbox (issue 7): opens the folder, reads its unread messages with a UID
 * above the last one read, stores each through receiveMail in a transaction that also records the
 * UID, and marks it \Seen only after that commit. Then it waits in IDLE, reading again when the
 * server announces a new message, and every `intervalMs` in any case. A failure is recorded for
 * admins (last_error) and the connection made again after a pause that grows with each failure.
 */
export function startMailboxSession(deps: Deps, polled: PolledMailbox, options: SessionOptions): MailboxSession {
  const mailbox = { ...polled, seenPending: [...polled.seenPending] };
  const backoff = options.backoffMs ?? sessionDefaults.backoffMs;
  const log = options.log;
  let stopped = false;
  let ended = false;
  let client: ImapFlow | null = null;
  let reads: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  /** Why the current connection's read failed (it is closed then). */
  let readFailure: unknown = null;

  const fence = () => {
    ended = true;
    throw new SessionTakenOver('the mailbox was taken over or changed');
  };

  async function markSeen(c: ImapFlow, uids: number[]): Promise<void> {
    if (uids.length === 0) return;
    if (!(await c.messageFlagsAdd(uids.join(','), ['\\Seen'], { uid: true }))) throw new Error(`The server did not mark UIDs ${uids.join(',')} \\Seen`);
    if (!(await moveReadPosition(deps.db, mailbox, options.pollerId, { seenUids: uids }))) fence();
    mailbox.seenPending = mailbox.seenPending.filter((u) => !uids.includes(u));
  }

  async function store(uid: number, raw: Buffer): Promise<void> {
    const envelope = { mailFrom: returnPathOf(raw), rcptTo: [{ address: mailbox.address, mailbox: { orgId: mailbox.orgId, departmentId: mailbox.departmentId } }] };
    const { stored } = await receiveMail(deps, envelope, raw, {
      inTransaction: async (trx) => {
        if (!(await moveReadPosition(trx, mailbox, options.pollerId, { readUid: uid }))) fence();
      },
    });
    mailbox.lastUid = Math.max(mailbox.lastUid, uid);
    mailbox.seenPending.push(uid);
    if (stored) options.onStored();
  }

  /** One read of the folder: what an earlier connection stored but could not mark, then what is new. */
  async function readFolder(c: ImapFlow): Promise<void> {
    await markSeen(c, mailbox.seenPending);
    const found = (await c.search({ seen: false, uid: `${mailbox.lastUid + 1}:*` }, { uid: true })) || [];
    // "n:*" always includes the highest UID, even one below n.
    const uids = [...new Set(found)].filter((u) => u > mailbox.lastUid).sort((a, b) => a - b);
    let problem: string | null = null;
    for (let i = 0; i < uids.length && !stopped; i += chunkSize) {
      const chunk = uids.slice(i, i + chunkSize);
      const sizes = new Map((await c.fetchAll(chunk.join(','), { uid: true, size: true }, { uid: true })).map((m) => [m.uid, m.size ?? 0]));
      const read: number[] = [];
      for (const uid of chunk) {
        if (stopped) break;
        const size = sizes.get(uid);
        if (size === undefined) continue; // expunged meanwhile
        if (size > options.maxBytes) {
          if (!(await moveReadPosition(deps.db, mailbox, options.pollerId, { skippedUid: uid }))) fence();
          mailbox.lastUid = Math.max(mailbox.lastUid, uid);
          problem = `Message UID ${uid} has ${size} bytes, over SMTP_INBOUND_MAX_BYTES (${options.maxBytes}): left unread in the folder`;
          log.warn({ mailbox: mailbox.id, uid, size }, problem);
          continue;
        }
        const message = await c.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (!message || !message.source) continue;
        await store(uid, message.source);
        read.push(uid);
      }
      await markSeen(c, read);
    }
    // A message left unread stays the admin's to see until a read without one.
    await recordPoll(deps.db, mailbox, { at: deps.clock.now(), error: problem, read: true });
  }

  /** Reads the folder once the read under way is done; reads asked for meanwhile are one read. */
  function requestRead(): Promise<void> {
    const c = client;
    if (!c || stopped) return Promise.resolve();
    if (queued) return queued;
    const next = reads.then(async () => {
      queued = null;
      if (stopped || !c.usable) return;
      try {
        await readFolder(c);
        // Waits for the server to announce new mail; the next command (a read) breaks it off.
        if (!stopped && c.usable) c.idle().catch(() => undefined);
      } catch (error) {
        readFailure = error;
        c.close();
      }
    });
    queued = next;
    reads = next;
    return next;
  }

  async function connectOnce(): Promise<boolean> {
    const c = imapClient(mailbox, { connectMs: options.connectTimeoutMs, maxIdleMs: Math.min(options.intervalMs, 240_000) });
    client = c;
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    let lastError: unknown = null;
    c.on('error', (error) => {
      lastError = error;
    });
    readFailure = null;
    let up = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      // Checked at every connect: the name may resolve elsewhere now, or the operator's rule changed.
      const refused = await imapHostRefusal(deps.config, mailbox.host);
      if (refused) throw new Error(`not connecting: ${refused}`);
      await c.connect();
      const opened = await c.mailboxOpen(mailbox.folder);
      const validity = Number(opened.uidValidity);
      if (mailbox.uidValidity !== validity) {
        if (!(await moveReadPosition(deps.db, mailbox, options.pollerId, { uidValidity: validity }))) fence();
        Object.assign(mailbox, { uidValidity: validity, lastUid: 0, seenPending: [] });
      }
      c.on('exists', () => void requestRead());
      await requestRead();
      if (readFailure || !c.usable) throw readFailure ?? lastError ?? new Error('The connection closed while reading the folder');
      up = true;
      timer = setInterval(() => void requestRead(), options.intervalMs);
      await closed;
      if (stopped || ended) return true;
      throw readFailure ?? lastError ?? new Error(`The server closed the connection${c.byeReason ? `: ${c.byeReason}` : ''}`);
    } catch (error) {
      if (error instanceof SessionTakenOver || readFailure instanceof SessionTakenOver || stopped) return true;
      log.warn({ mailbox: mailbox.id, err: error }, 'IMAP mailbox: polling failed');
      await recordPoll(deps.db, mailbox, { at: deps.clock.now(), error: describeImapError(error) }).catch(() => undefined);
      return up;
    } finally {
      clearInterval(timer);
      c.close();
      client = null;
    }
  }

  const running = (async () => {
    let failures = 0;
    while (!stopped && !ended) {
      const wasUp = await connectOnce();
      if (stopped || ended) break;
      failures = wasUp ? 1 : failures + 1;
      const pause = backoff[Math.min(failures, backoff.length) - 1];
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pause);
        wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();

  return {
    mailbox: polled,
    get ended() {
      return ended;
    },
    pollNow: () => requestRead(),
    async stop() {
      stopped = true;
      wakeUp?.();
      await reads.catch(() => undefined);
      const c = client;
      if (c?.usable) await Promise.race([c.logout().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
      c?.close();
      await running;
    },
  };
}
