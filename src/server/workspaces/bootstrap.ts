import type { Deps } from '../platform/deps.ts';
import { createWorkspace, isSetupNeeded } from './workspaces.service.ts';

/** With CAREDESK_ADMIN_EMAIL/PASSWORD set, the first start creates the workspace `default` and that admin. */
export async function bootstrapAdmin(deps: Deps): Promise<void> {
  const { CAREDESK_ADMIN_EMAIL: email, CAREDESK_ADMIN_PASSWORD: password, CAREDESK_ADMIN_NAME: name } = deps.config;
  if (!email || !password || !(await isSetupNeeded(deps.db))) return;
  try {
    await createWorkspace(deps, { name: 'Default', slug: 'default', admin: { name, email, password } }, { onlyIfFirst: true });
  } catch (error) {
    // Another process started together with us and did it first.
    if (!(error instanceof Error && 'code' in error && error.code === 'conflict')) throw error;
  }
}
