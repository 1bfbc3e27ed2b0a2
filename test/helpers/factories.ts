import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ApiClient } from './client.ts';

const unique = () => randomBytes(4).toString('hex');
export const PASSWORD = 'correct-horse-battery';

/** Runs first-run setup (or sign-up) and returns a signed-in admin client of the new workspace. */
export async function createWorkspace(baseUrl: string, slug = `ws-${unique()}`, via: 'setup' | 'signup' = 'setup'): Promise<{ admin: ApiClient; orgId: number; slug: string; adminEmail: string }> {
  const admin = new ApiClient(baseUrl);
  const adminEmail = `admin-${unique()}@example.com`;
  const res = await admin.post(via === 'setup' ? '/api/v1/setup' : '/api/v1/workspaces', {
    name: `Shop ${slug}`,
    slug,
    admin: { name: 'Ada Admin', email: adminEmail, password: PASSWORD },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { admin, orgId: res.body.workspace.id, slug, adminEmail };
}

/** Adds an agent as the admin and returns a client signed in as that agent. */
export async function createAgent(admin: ApiClient, overrides: Record<string, unknown> = {}): Promise<{ client: ApiClient; id: number; email: string }> {
  const email = `agent-${unique()}@example.com`;
  const res = await admin.post('/api/v1/agents', { name: `Agent ${unique()}`, email, password: PASSWORD, ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const client = new ApiClient(admin.baseUrl);
  const login = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return { client, id: res.body.id, email };
}

export async function createApiKey(admin: ApiClient): Promise<ApiClient> {
  const res = await admin.post('/api/v1/api-keys', { name: `key ${unique()}` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return new ApiClient(admin.baseUrl, { bearer: res.body.key });
}

export function buildTicket(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'The blender arrived cracked',
    description: 'Ordered a blender, the jug was cracked on arrival. I want a replacement.',
    priority: 'medium',
    category: 'Damage',
    customer: { name: 'Budi Santoso', email: `budi-${unique()}@example.com`, phone: '+62 812 3456 7890' },
    ...overrides,
  };
}

export async function createTicket(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/tickets', buildTicket(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
