// A small closed-loop load generator: N clients, each sending its next request when the last
// one is answered, bounded by a request count and a time limit.
import http from 'node:http';

export interface LoadSpec {
  concurrency: number;
  /** Requests sent first and not measured (connections, caches, JIT). */
  warmup: number;
  /** Measured requests: at least this many, unless hardSeconds runs out first. */
  minRequests: number;
  maxRequests: number;
  /** Stop once this long has passed and minRequests are done. */
  maxSeconds: number;
  hardSeconds: number;
}

export interface LoadResult {
  count: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Share of the machine's CPU used meanwhile by processes outside the benchmark (and PostgreSQL). */
  othersCpu?: number;
  /** CPU milliseconds per measured request: load generator or SQL client, child process (server), PostgreSQL. */
  cpuMs?: { client: number; children: number; postgres: number };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

export async function runLoad(spec: LoadSpec, op: (i: number) => Promise<void>): Promise<LoadResult> {
  let issued = 0;
  let errors = 0;
  let firstError: string | null = null;
  const fail = (error: unknown) => {
    errors += 1;
    firstError ??= error instanceof Error ? error.message : String(error);
  };
  // Warm-up, at the same concurrency.
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (issued < spec.warmup) await op(issued++).catch(fail);
    }),
  );
  errors = 0;
  firstError = null;
  const latencies: number[] = [];
  let n = 0;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const more = () => {
    const t = elapsed();
    if (t >= spec.hardSeconds) return false;
    if (n < spec.minRequests) return true;
    return n < spec.maxRequests && t < spec.maxSeconds;
  };
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (more()) {
        const i = issued++;
        n += 1;
        const t0 = performance.now();
        try {
          await op(i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          fail(error);
        }
      }
    }),
  );
  const seconds = elapsed();
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    firstError,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Keep-alive HTTP/1.1 to 127.0.0.1 only, one socket per client. */
export class HttpClient {
  readonly #base: URL;
  readonly #agent: http.Agent;
  headers: Record<string, string>;

  constructor(baseUrl: string, concurrency: number, headers: Record<string, string> = {}) {
    this.#base = new URL(baseUrl);
    if (this.#base.hostname !== '127.0.0.1') throw new Error(`the benchmark only talks to 127.0.0.1, not ${this.#base.hostname}`);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    this.headers = headers;
  }

  request(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          method,
          path,
          agent: this.#agent,
          headers: { ...this.headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A request that must answer `expected`; anything else is an error of the run. */
  async expect(method: string, path: string, body: unknown, expected: number): Promise<HttpAnswer> {
    const answer = await this.request(method, path, body);
    if (answer.status !== expected) throw new Error(`${method} ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
    return answer;
  }

  close(): void {
    this.#agent.destroy();
  }
}
