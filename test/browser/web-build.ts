import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const builtIndex = path.join(root, 'dist/web/index.html');
// The web app's inputs: its own source, the contract it imports, and the build config.
const sources = ['src/web', 'src/contract', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));

function newestChange(p: string): number {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(p).map((name) => newestChange(path.join(p, name))));
}

/**
 * Builds dist/web when it is missing or older than its sources, so the browser tests never
 * drive a stale bundle (the server serves whatever dist/web holds when it starts).
 */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  // Vitest sets NODE_ENV=test, which would otherwise give the bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
