import { imapHostRefusal } from '../platform/private-targets.ts';
import { defaultImapPort, type CreateImapMailboxBody, type ImapConnectionBody, type ImapMailbox, type ImapTestResult, type ImapTlsMode, type PatchImapMailboxBody } from '../../contract/imap.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { iso, isoOrNull } from '../platform/dto.ts';
import { AppError, invalidFields, notFound, type FieldIssue } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { testImapConnection, type ImapSettings } from './imap-connect.ts';
import {
  deleteImapMailboxRow,
  departmentExists,
  findImapCredentials,
  findImapMailbox,
  insertImapMailbox,
  listImapMailboxes,
  updateImapMailbox,
  type ImapMailboxRow,
} from './imap.repository.ts';

const toImapMailbox = (r: ImapMailboxRow): ImapMailbox => ({
  id: r.id,
  department: { id: r.department_id, name: r.department_name },
  host: r.host,
  port: r.port,
  tls_mode: r.tls_mode,
  username: r.username,
  folder: r.folder,
  enabled: r.enabled,
  last_polled_at: isoOrNull(r.last_polled_at),
  last_error: r.last_error,
  last_error_at: isoOrNull(r.last_error_at),
  last_uid: Number(r.last_uid),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

const isLoopback = (host: string) => /^(?:localhost|127(?:\.\d{1,3}){3}|::1)$/i.test(host);

/** Cleartext IMAP sends the password as it is: only to this machine, or where the operator allowed it. */
function insecureIssues(deps: Deps, host: string, mode: ImapTlsMode): FieldIssue[] {
  if (mode !== 'none' || isLoopback(host) || deps.config.IMAP_ALLOW_INSECURE) return [];
  return [{ field: 'body.tls_mode', message: 'none (cleartext) is allowed only for a server on this machine, or with IMAP_ALLOW_INSECURE' }];
}

/** A host the server may not reach from this workspace (loopback or private while the operator forbids it, link-local always). */
async function hostIssues(deps: Deps, host: string): Promise<FieldIssue[]> {
  const refused = await imapHostRefusal(deps.config, host);
  return refused ? [{ field: 'body.host', message: refused }] : [];
}

async function assertDepartment(db: Db, orgId: number, departmentId: number): Promise<void> {
  if (!(await departmentExists(db, orgId, departmentId))) throw invalidFields([{ field: 'body.department_id', message: 'no such department in this workspace' }]);
}

const accountTaken = () => new AppError('conflict', 'This workspace reads that account and folder in another IMAP mailbox already');

export const getImapMailboxes = async (deps: Deps, orgId: number): Promise<ImapMailbox[]> => (await listImapMailboxes(deps.db, orgId)).map(toImapMailbox);

export async function getImapMailbox(deps: Deps, orgId: number, id: number): Promise<ImapMailbox> {
  const row = await findImapMailbox(deps.db, orgId, id);
  if (!row) throw notFound('IMAP mailbox');
  return toImapMailbox(row);
}

/** Adds a department's IMAP mailbox; the pollers of every process take it up at once. */
export async function createImapMailbox(deps: Deps, orgId: number, input: CreateImapMailboxBody): Promise<ImapMailbox> {
  const issues = [...insecureIssues(deps, input.host, input.tls_mode), ...(await hostIssues(deps, input.host))];
  if (issues.length) throw invalidFields(issues);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      await assertDepartment(trx, orgId, input.department_id);
      const now = deps.clock.now();
      return insertImapMailbox(trx, {
        org_id: orgId,
        department_id: input.department_id,
        host: input.host,
        port: input.port ?? defaultImapPort(input.tls_mode),
        tls_mode: input.tls_mode,
        username: input.username,
        password: input.password,
        folder: input.folder,
        enabled: input.enabled,
        created_at: now,
        updated_at: now,
      });
    });
    return getImapMailbox(deps, orgId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw accountTaken();
    throw error;
  }
}

/** Changes a mailbox; another server, account or folder is read from its unread messages on, as a new one. */
export async function changeImapMailbox(deps: Deps, orgId: number, id: number, input: PatchImapMailboxBody): Promise<ImapMailbox> {
  if (input.host !== undefined) {
    const issues = await hostIssues(deps, input.host);
    if (issues.length) throw invalidFields(issues);
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      const current = await findImapCredentials(trx, orgId, id);
      if (!current) throw notFound('IMAP mailbox');
      const issues = insecureIssues(deps, input.host ?? current.host, input.tls_mode ?? current.tls_mode);
      if (issues.length) throw invalidFields(issues);
      if (input.department_id !== undefined) await assertDepartment(trx, orgId, input.department_id);
      const elsewhere = (['host', 'port', 'username', 'folder'] as const).some((k) => input[k] !== undefined && input[k] !== current[k]);
      await updateImapMailbox(trx, orgId, id, { ...input, updated_at: deps.clock.now() }, elsewhere);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw accountTaken();
    throw error;
  }
  return getImapMailbox(deps, orgId, id);
}

export async function deleteImapMailbox(deps: Deps, orgId: number, id: number): Promise<void> {
  if (!(await deleteImapMailboxRow(deps.db, orgId, id))) throw notFound('IMAP mailbox');
}

/** Connects to unsaved settings and reports the server's answers (nothing is stored). */
export async function testImapSettings(deps: Deps, input: ImapConnectionBody): Promise<ImapTestResult> {
  const issues = [...insecureIssues(deps, input.host, input.tls_mode), ...(await hostIssues(deps, input.host))];
  if (issues.length) throw invalidFields(issues);
  const settings: ImapSettings = { ...input, tlsMode: input.tls_mode, port: input.port ?? defaultImapPort(input.tls_mode) };
  return testImapConnection(settings, deps.config.IMAP_CONNECT_TIMEOUT_MS);
}

/** Connects with a saved mailbox's settings and reports the server's answers. */
export async function testImapMailbox(deps: Deps, orgId: number, id: number): Promise<ImapTestResult> {
  const row = await findImapCredentials(deps.db, orgId, id);
  if (!row) throw notFound('IMAP mailbox');
  const issues = await hostIssues(deps, row.host);
  if (issues.length) throw invalidFields(issues);
  return testImapConnection({ ...row, tlsMode: row.tls_mode }, deps.config.IMAP_CONNECT_TIMEOUT_MS);
}
