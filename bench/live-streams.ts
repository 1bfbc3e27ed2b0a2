// Live-event streams held open by `npm run bench:live`: real HTTP/1.1 connections from the
// benchmark process (node:http, one socket each, as a browser's EventSource holds one), their
// server-sent events parsed as they arrive and stamped with the time of receipt.
import http from 'node:http';

/** Who holds a stream: an agent (every ticket change of the workspace) or a portal customer (their own tickets only). */
export interface StreamSpec {
  kind: 'agent' | 'portal';
  path: string;
  cookie: string;
  /** The portal customer's customer user; null for an agent. */
  customerUserId: number | null;
}

export interface StreamEvent {
  /** performance.now() when the chunk holding the event arrived. */
  at: number;
  type: string;
  ticketId: number | null;
}

export class LiveStream {
  readonly spec: StreamSpec;
  readonly events: StreamEvent[] = [];
  ended = false;
  /** Called for every event as it is parsed (the latency run listens here). */
  onEvent: ((stream: LiveStream, event: StreamEvent) => void) | null = null;
  #request: http.ClientRequest | null = null;
  #buffer = '';

  constructor(spec: StreamSpec) {
    this.spec = spec;
  }

  /** Resolves once the server's first bytes (`retry:` and `: connected`) arrived: the stream is subscribed by then. */
  open(base: URL, agent: http.Agent): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path: this.spec.path,
          agent,
          headers: { accept: 'text/event-stream', cookie: this.spec.cookie },
        },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(new Error(`GET ${this.spec.path}: ${res.statusCode}`));
            return;
          }
          res.setEncoding('utf8');
          let first = true;
          res.on('data', (chunk: string) => {
            this.#receive(chunk, performance.now());
            if (first) {
              first = false;
              resolve();
            }
          });
          res.on('end', () => (this.ended = true));
          res.on('error', () => (this.ended = true));
        },
      );
      req.on('error', (error) => {
        this.ended = true;
        reject(error);
      });
      req.end();
      this.#request = req;
    });
  }

  #receive(chunk: string, at: number): void {
    this.#buffer += chunk;
    let cut: number;
    while ((cut = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, cut);
      this.#buffer = this.#buffer.slice(cut + 2);
      let type = '';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice(7);
        else if (line.startsWith('data: ')) data = line.slice(6);
      }
      if (!type) continue; // comments (": beat") and the retry hint
      const parsed = data ? (JSON.parse(data) as { ticket_id?: unknown }) : {};
      const event = { at, type, ticketId: typeof parsed.ticket_id === 'number' ? parsed.ticket_id : null };
      this.events.push(event);
      this.onEvent?.(this, event);
    }
  }

  close(): void {
    this.#request?.destroy();
    this.ended = true;
  }
}

/** Opens the streams, `parallel` at a time, over one keep-alive agent sized for all of them. */
export async function openStreams(baseUrl: string, specs: StreamSpec[], parallel = 50): Promise<{ streams: LiveStream[]; close(): void }> {
  const base = new URL(baseUrl);
  if (base.hostname !== '127.0.0.1') throw new Error(`the benchmark only talks to 127.0.0.1, not ${base.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: specs.length + 10, maxFreeSockets: 10 });
  const streams = specs.map((s) => new LiveStream(s));
  let next = 0;
  const close = () => {
    for (const s of streams) s.close();
    agent.destroy();
  };
  try {
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < streams.length) await streams[next++].open(base, agent);
      }),
    );
  } catch (error) {
    close();
    throw error;
  }
  return { streams, close };
}
