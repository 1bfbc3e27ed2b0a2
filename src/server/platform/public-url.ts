import type { Config } from './config.ts';

/**
 * The address customers and agents reach this workspace at, for links in mail: the workspace's
 * own public URL, else PUBLIC_URL, else this machine. Never the request's Host or
 * X-Forwarded-Host, which a caller chooses.
 */
export function publicBaseUrl(config: Config, workspace: { public_url: string | null }): string {
  const base = workspace.public_url ?? config.PUBLIC_URL ?? `http://localhost:${config.PORT || 3000}`;
  return base.replace(/\/+$/, '');
}

/** Where the customer portal of a workspace lives. */
export const portalUrl = (base: string, slug: string, path = '') => `${base}/portal/${encodeURIComponent(slug)}${path}`;
