import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Deps } from '../platform/deps.ts';
import { hitRateLimit } from '../platform/http/rate-limit.ts';
import { mailboxOf, receiveMail, type Mailbox } from './receive-mail.ts';

export interface SmtpListener {
  port: number;
  /** Stops accepting connections and waits for those open to finish. */
  close(): Promise<void>;
}

/** An SMTP answer: the code is what the sending server acts on (4xx: try again later; 5xx: give up). */
const refusal = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/**
 * The built-in SMTP listener (issue 7): accepts mail for the departments' addresses (any address
 * while none is set), refuses mail over SMTP_INBOUND_MAX_BYTES (552) and senders over their rate
 * (451), and answers 250 only once the mail is committed to the database; `onStored` then asks for
 * it to be read into a ticket.
 */
export async function startSmtpListener(deps: Deps, options: { log: FastifyBaseLogger; onStored: () => void }): Promise<SmtpListener> {
  const { config } = deps;
  const tls = config.SMTP_INBOUND_TLS_KEY && config.SMTP_INBOUND_TLS_CERT ? { key: await readFile(config.SMTP_INBOUND_TLS_KEY), cert: await readFile(config.SMTP_INBOUND_TLS_CERT) } : null;
  const mailboxes = new WeakMap<SMTPServerSession, { address: string; mailbox: Mailbox }[]>();
  const log = options.log;

  const server = new SMTPServer({
    name: 'caredesk',
    banner: 'Caredesk inbound mail',
    logger: false,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    size: config.SMTP_INBOUND_MAX_BYTES,
    onMailFrom(address: SMTPServerAddress, session, callback) {
      mailboxes.set(session, []);
      // Bounces come from the empty sender: those are counted per connecting server instead.
      const sender = address.address.toLowerCase() || `<>@${session.remoteAddress}`;
      hitRateLimit(deps.db, { key: `smtp-inbound:${sender}`, max: config.SMTP_INBOUND_RATE_PER_MINUTE, windowSeconds: 60 }, deps.clock.now()).then(
        () => callback(),
        (error: unknown) => {
          log.warn({ sender, err: error }, 'inbound mail: sender over its rate');
          callback(refusal(451, 'Too many mails from this sender; try again later'));
        },
      );
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      mailboxOf(deps.db, address.address).then(
        (mailbox) => {
          if (!mailbox) return callback(refusal(550, `No mailbox here for ${address.address}`));
          mailboxes.get(session)?.push({ address: address.address, mailbox });
          callback();
        },
        (error: unknown) => {
          log.error({ err: error }, 'inbound mail: could not look up a recipient');
          callback(refusal(451, 'Cannot take mail now; try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(refusal(552, `Message exceeds the maximum size of ${config.SMTP_INBOUND_MAX_BYTES} bytes`));
        const raw = Buffer.concat(chunks);
        const envelope = { mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', rcptTo: mailboxes.get(session) ?? [] };
        receiveMail(deps, envelope, raw).then(
          ({ stored, duplicates }) => {
            log.info({ bytes: raw.length, stored, duplicates, from: envelope.mailFrom }, 'inbound mail stored');
            callback(null, stored ? 'Stored' : 'Already stored');
            if (stored) options.onStored();
          },
          (error: unknown) => {
            log.error({ err: error }, 'inbound mail: could not store');
            callback(refusal(451, 'Cannot store the mail now; try again later'));
          },
        );
      });
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'inbound mail: listener error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(config.SMTP_INBOUND_PORT, config.SMTP_INBOUND_HOST, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
