import type { ApiClient } from './client.ts';

export interface EventStream {
  status: number;
  /** The next event's data, or null when none arrives within `timeoutMs`. */
  next(timeoutMs?: number): Promise<Record<string, unknown> | null>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens GET /api/v1/events (or the portal's stream at `path`) with the client's credentials and parses the server-sent events. */
export async function openEventStream(client: ApiClient, path = '/api/v1/events'): Promise<EventStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
  const response = await fetch(`${client.baseUrl}${path}`, { headers, signal: abort.signal });
  const queue: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let endedResolve: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) queue.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
            waiters.splice(0).forEach((wake) => wake());
          }
        }
      } catch {
        // aborted by close()
      }
      endedResolve();
      waiters.splice(0).forEach((wake) => wake());
    })();
  } else {
    endedResolve();
  }
  return {
    status: response.status,
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0 && Date.now() < deadline) {
        let done = false;
        await Promise.race([ended.then(() => (done = true)), new Promise<void>((wake) => waiters.push(wake)), new Promise((r) => setTimeout(r, deadline - Date.now()))]);
        if (done && queue.length === 0) return null;
      }
      return queue.shift() ?? null;
    },
    ended,
    close: () => abort.abort(),
  };
}
