// The outbox half of `npm run bench:live`: a local SMTP server that counts and discards what it
// receives (keeping each message's Message-ID and time of arrival), and the baseline, nodemailer
// sending the same messages straight to it from the benchmark process.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { senderOf, type SenderWorkspace } from '../src/server/mail/addresses.ts';
import { buildMessage } from '../src/server/mail/mail-message.ts';
import type { OutboxRow } from '../src/server/mail/outbox.repository.ts';
import { smtpTransport, workerDefaults } from '../src/server/mail/outbox-worker.ts';

export interface Arrival {
  messageId: string;
  to: string[];
  /** performance.now() when the whole message had arrived. */
  at: number;
}

export interface CountingSmtp {
  url: string;
  arrivals: Arrival[];
  /** Called after each arrival (the benchmark waits for its Nth message here). */
  onArrival: ((a: Arrival) => void) | null;
  close(): Promise<void>;
}

/** On 127.0.0.1, a free port, no TLS, no authentication; bodies are read and dropped, not parsed. */
export async function startCountingSmtp(): Promise<CountingSmtp> {
  const sink: CountingSmtp = { url: '', arrivals: [], onArrival: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      let head = '';
      let inHead = true;
      stream.on('data', (chunk: Buffer) => {
        if (!inHead) return;
        head += chunk.toString('latin1');
        const cut = head.indexOf('\r\n\r\n');
        if (cut >= 0) {
          head = head.slice(0, cut);
          inHead = false;
        }
      });
      stream.on('end', () => {
        const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
        const messageId = /^message-id:\s*(\S+)/im.exec(unfolded)?.[1] ?? '';
        const arrival = { messageId, to: session.envelope.rcptTo.map((r) => r.address), at: performance.now() };
        sink.arrivals.push(arrival);
        sink.onArrival?.(arrival);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** Resolves once `count` arrivals from now on match `isOurs` (null if the timeout passes first); answers when the last came. */
export function waitForArrivals(sink: CountingSmtp, isOurs: (a: Arrival) => boolean, count: number, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    let seen = 0;
    const timer = setTimeout(() => {
      sink.onArrival = null;
      resolve(null);
    }, timeoutMs);
    const check = (a: Arrival) => {
      if (seen < count) return;
      clearTimeout(timer);
      sink.onArrival = null;
      resolve(a.at);
    };
    sink.onArrival = (a) => {
      if (isOurs(a)) seen += 1;
      check(a);
    };
  });
}

/** The worker's own transport and concurrency, so the baseline sends as the outbox does. */
export const WORKER_CONCURRENCY = workerDefaults.concurrency;
const workerTransport = (url: string) => smtpTransport(url);

/** Sends the rows' messages (built as the worker builds them) with `WORKER_CONCURRENCY` sends at once; no database involved. */
export async function sendDirectly(url: string, rows: OutboxRow[], workspace: SenderWorkspace, config: Parameters<typeof senderOf>[0]): Promise<{ errors: number; firstError: string | null }> {
  const transport = workerTransport(url);
  const from = senderOf(config, workspace);
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  try {
    await Promise.all(
      Array.from({ length: WORKER_CONCURRENCY }, async () => {
        while (next < rows.length) {
          const row = rows[next++];
          await transport.sendMail(buildMessage(row, from)).catch((error: unknown) => {
            errors += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          });
        }
      }),
    );
  } finally {
    transport.close();
  }
  return { errors, firstError };
}
