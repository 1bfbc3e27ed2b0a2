import { ensureWebBuild } from './web-build.ts';

/** Builds the web app once, before any browser test file runs: parallel files must not build it twice at once. */
export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
