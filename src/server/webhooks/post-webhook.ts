import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { RefusedAddressError, guardedLookup, hostOf, refusalOf } from '../platform/ssrf-guard.ts';

export interface PostOutcome {
  /** The HTTP status, or null when no answer came (refused, unreachable, timed out). */
  statusCode: number | null;
  /** The start of the answer's body. */
  excerpt: string | null;
  /** Why it did not arrive; null for a 2xx answer. */
  error: string | null;
}

const EXCERPT_BYTES = 1024;

/**
 * Posts one delivery: no redirect is followed (a 3xx is a failure), no connection is reused, and
 * the whole exchange, answer included, is cut at `timeoutMs`. Connects only to addresses the
 * SSRF guard allowed (see guardedLookup). Never throws.
 */
export async function postWebhook(rawUrl: string, body: string, headers: Record<string, string>, o: { allowPrivate: boolean; timeoutMs: number; signal?: AbortSignal }): Promise<PostOutcome> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { statusCode: null, excerpt: null, error: 'the URL is not valid' };
  }
  const host = hostOf(url);
  // An IP literal is connected to without a lookup: check it here.
  const refused = net.isIP(host) ? refusalOf(host, o.allowPrivate) : null;
  if (refused) return { statusCode: null, excerpt: null, error: `refused: ${refused}` };
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
  if (!client) return { statusCode: null, excerpt: null, error: 'only http:// and https:// URLs are posted to' };
  const payload = Buffer.from(body);
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(payload.length) },
        agent: false,
        lookup: guardedLookup(o.allowPrivate),
        signal: o.signal ? AbortSignal.any([AbortSignal.timeout(o.timeoutMs), o.signal]) : AbortSignal.timeout(o.timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const status = response.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8') || null;
          const error = status >= 200 && status < 300 ? null : status >= 300 && status < 400 ? `answered ${status}: redirects are not followed` : `answered ${status}`;
          finish({ statusCode: status, excerpt, error });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough to show the admin; the rest is not read.
          if (size >= EXCERPT_BYTES) done();
        });
        response.on('end', done);
        response.on('error', (error) => finish({ statusCode: response.statusCode ?? null, excerpt: null, error: describe(error, o.timeoutMs) }));
      },
    );
    request.on('error', (error) => finish({ statusCode: null, excerpt: null, error: describe(error, o.timeoutMs) }));
    request.end(payload);
  });
}

function describe(error: Error, timeoutMs: number): string {
  if (error instanceof RefusedAddressError) return `refused: ${error.message}`;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    const reason = (error as { cause?: unknown }).cause;
    return reason instanceof Error && reason.name !== 'TimeoutError' ? reason.message : `no answer within ${timeoutMs / 1000} s`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  return (code ? `${code}: ${error.message}` : error.message).replace(/\s+/g, ' ').slice(0, 500);
}
