// The workspace of `npm run bench:live`, made the way people make it: first-run setup, agents
// added by the admin and signed in, tickets logged with their customers. Portal sessions are then
// minted in the database by the portal's own `openPortalSession` (the sign-in flow is limited to 5
// links per IP in 15 minutes), while no server holds the database.
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { openPortalSession } from '../src/server/portal/portal-sessions.ts';
import { HttpClient } from './measure.ts';
import type { Location } from './sql.ts';

export const LIVE_ADMIN = { name: 'Live Admin', email: 'live-admin@bench.example', password: 'bench-password-2024' };

export interface LiveCustomer {
  customerUserId: number;
  ticketId: number;
  ticketNumber: string;
}

export interface LiveWorkspace {
  slug: string;
  orgId: number;
  adminCookie: string;
  /** One session cookie per agent (several browser tabs share one). */
  agentCookies: string[];
  /** Each customer user with the one ticket they brought. */
  customers: LiveCustomer[];
}

const cookieOf = (headers: Record<string, string | string[] | undefined>, name: string): string => {
  const set = headers['set-cookie'];
  const found = (Array.isArray(set) ? set : set ? [set] : []).find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie was set`);
  return found.split(';')[0];
};

/** Setup, `agents` agents signed in (logins are limited to 30 per IP in 15 minutes), `customers` tickets each from a new customer. */
export async function createLiveWorkspace(baseUrl: string, counts: { agents: number; customers: number }): Promise<LiveWorkspace> {
  const slug = 'live';
  const anonymous = new HttpClient(baseUrl, 1);
  const setup = await anonymous.expect('POST', '/api/v1/setup', { name: 'Live Shop', slug, admin: LIVE_ADMIN }, 201);
  const orgId = (JSON.parse(setup.body) as { workspace: { id: number } }).workspace.id;
  const login = async (email: string, password: string) =>
    cookieOf((await anonymous.expect('POST', '/api/v1/auth/login', { email, password }, 200)).headers, 'caredesk_session');
  const adminCookie = await login(LIVE_ADMIN.email, LIVE_ADMIN.password);
  const admin = new HttpClient(baseUrl, 1, { cookie: adminCookie });
  const agentCookies: string[] = [];
  for (let i = 0; i < counts.agents; i++) {
    const email = `live-agent-${i}@bench.example`;
    await admin.expect('POST', '/api/v1/agents', { name: `Live Agent ${i}`, email, password: LIVE_ADMIN.password }, 201);
    agentCookies.push(await login(email, LIVE_ADMIN.password));
  }
  const customers: LiveCustomer[] = [];
  for (let i = 0; i < counts.customers; i++) {
    const created = await admin.expect(
      'POST',
      '/api/v1/tickets',
      {
        subject: `Order ${10_000 + i}: the kettle leaks`,
        description: 'It leaks from the base after two days.',
        customer: { name: `Customer ${i}`, email: `live-customer-${i}@bench.example` },
      },
      201,
    );
    const ticket = JSON.parse(created.body) as { id: number; number: string; customer_user: { id: number } | null };
    if (!ticket.customer_user) throw new Error('the ticket has no customer user');
    customers.push({ customerUserId: ticket.customer_user.id, ticketId: ticket.id, ticketNumber: ticket.number });
  }
  anonymous.close();
  admin.close();
  return { slug, orgId, adminCookie, agentCookies, customers };
}

/** `perCustomer` portal sessions (devices) of each customer user, as `caredesk_portal=…` cookies. */
export async function mintPortalSessions(location: Location, orgId: number, customerUserIds: number[], perCustomer: number): Promise<{ customerUserId: number; cookie: string }[]> {
  const database = await openDatabase(
    location.engine === 'postgres' ? { databaseUrl: location.databaseUrl, poolSize: 2 } : { pgliteDir: path.join(location.dataDir as string, 'pglite'), fsync: true },
  );
  const deps = { config: loadConfig({}), database, db: database.db, clock: systemClock };
  try {
    const now = systemClock.now();
    return await database.db.transaction().execute(async (trx) => {
      const out: { customerUserId: number; cookie: string }[] = [];
      for (const customerUserId of customerUserIds) {
        for (let k = 0; k < perCustomer; k++) {
          const session = await openPortalSession(trx, deps, orgId, customerUserId, now);
          out.push({ customerUserId, cookie: `caredesk_portal=${session.cookie}` });
        }
      }
      return out;
    });
  } finally {
    await database.close();
  }
}

/** Creates a fresh, empty database beside the administrative one; dropped by `dropDatabase`. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const dropDatabase = (adminUrl: string, name: string) => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
