import { readStored, writeStored } from '../../lib/storage.ts';

// A customer who opens a ticket's address while signed out comes back there once signed in, even
// though the sign-in link opens in another tab and lands on the portal's home.
const key = (ws: string) => `caredesk:portal:return:${ws}`;
const keptFor = 60 * 60_000;

export function rememberReturnPath(ws: string, path: string, now = Date.now()): void {
  writeStored(key(ws), JSON.stringify({ path, at: now }));
}

/** The page remembered within the last hour, once; only a page of this workspace's portal. */
export function takeReturnPath(ws: string, now = Date.now()): string | null {
  const raw = readStored(key(ws));
  if (raw === null) return null;
  writeStored(key(ws), null);
  try {
    const { path, at } = JSON.parse(raw) as { path?: unknown; at?: unknown };
    const base = `/portal/${ws}/`;
    if (typeof path !== 'string' || typeof at !== 'number' || now - at > keptFor || now < at) return null;
    return path.startsWith(base) && !path.startsWith('//') ? path : null;
  } catch {
    return null;
  }
}
