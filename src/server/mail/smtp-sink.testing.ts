import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it: parsed, with the envelope it came with. */
export interface Received {
  mail: ParsedMail;
  envelopeFrom: string | null;
  envelopeTo: string[];
}

export interface SmtpSink {
  port: number;
  url: string;
  received: Received[];
  /** Recipients whose RCPT TO is refused (450, "try again later"), by address. */
  refused: Set<string>;
  /** From the nth message on (0 = all), take the message but never answer: the sender cannot tell whether it was kept. */
  stallFrom: number | null;
  /** Messages taken in and not answered (stallFrom). */
  stalled: number;
  /** Message-IDs of all received messages (stalled ones too), in order. */
  messageIds(): string[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for tests: what Caredesk's outbox sends arrives here over a
 * socket, parsed with mailparser. No TLS (STARTTLS is not offered) and no authentication.
 */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const stalledCallbacks: Array<(err?: Error | null) => void> = [];
  const sink: SmtpSink = {
    port: 0,
    url: '',
    received: [],
    refused: new Set(),
    stallFrom: null,
    stalled: 0,
    messageIds: () => sink.received.map((r) => r.mail.messageId ?? ''),
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      if (sink.refused.has(address.address)) {
        return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const count = sink.received.length;
          sink.received.push({
            mail,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          });
          if (sink.stallFrom !== null && count >= sink.stallFrom) {
            sink.stalled += 1;
            stalledCallbacks.push(callback);
          } else callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      for (const cb of stalledCallbacks.splice(0)) cb(new Error('closing'));
      server.close(() => resolve());
    });
  return sink;
}
