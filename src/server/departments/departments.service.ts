import { sql } from 'kysely';
import type { z } from 'zod';
import type { Department, createDepartmentBody, patchDepartmentBody } from '../../contract/admin.ts';
import type { AssignmentMode } from '../../contract/routing.ts';
import { existingAgentIds } from '../agents/agents.repository.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { forgetNames } from '../tickets/staff-names.ts';
import { iso } from '../platform/dto.ts';
import { AppError, assertAllFound, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { forgetSlaSetup } from '../sla/sla-setup.ts';
import { deleteDepartmentRow, findDepartmentUses, ticketsCountedMax, type DepartmentUses } from './department-uses.repository.ts';
import { findDepartment, insertDepartment, listDepartments, setDepartmentMembers, updateDepartment } from './departments.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findDepartment>>>;
const toDepartment = (d: Row): Department => ({ id: d.id, name: d.name, email: d.email, member_ids: d.member_ids, assignment_mode: d.assignment_mode, created_at: iso(d.created_at) });

async function assertAgentsExist(db: Db, orgId: number, ids: number[]): Promise<void> {
  assertAllFound(ids, await existingAgentIds(db, orgId, ids), 'agent', 'member_ids');
}

const nameTaken = (name: string) => new AppError('conflict', `A department named "${name}" exists already`, [{ field: 'body.name', message: 'this name is taken' }]);

/**
 * Inbound mail finds its department by the address it was sent to, across every workspace of
 * this server, so an address can belong to one department only.
 */
async function assertAddressFree(db: Db, orgId: number, id: number | null, email: string | null | undefined): Promise<void> {
  if (!email) return;
  const other = await db
    .selectFrom('departments')
    .select(['org_id', 'id', 'name'])
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .$if(id !== null, (q) => q.where((eb) => eb.not(eb.and([eb('org_id', '=', orgId), eb('id', '=', id!)]))))
    .executeTakeFirst();
  if (!other) return;
  const where = other.org_id === orgId ? `the department "${other.name}"` : 'a department of another workspace on this server';
  throw new AppError('conflict', `${email} receives mail for ${where} already`, [{ field: 'body.email', message: 'this address belongs to another department' }]);
}

export const getDepartments = async (deps: Deps, orgId: number) => (await listDepartments(deps.db, orgId)).map(toDepartment);

export async function getDepartment(deps: Deps, orgId: number, id: number): Promise<Department> {
  const d = await findDepartment(deps.db, orgId, id);
  if (!d) throw notFound('Department');
  return toDepartment(d);
}

/** Adds a department with its members (their "my departments"). */
export async function createDepartment(deps: Deps, orgId: number, input: Omit<z.infer<typeof createDepartmentBody>, 'assignment_mode'> & { assignment_mode?: AssignmentMode }): Promise<Department> {
  const members = [...new Set(input.member_ids)];
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      await assertAgentsExist(trx, orgId, members);
      await assertAddressFree(trx, orgId, null, input.email);
      const now = deps.clock.now();
      const departmentId = await insertDepartment(trx, orgId, { name: input.name, email: input.email ?? null, assignment_mode: input.assignment_mode ?? 'manual', created_at: now, updated_at: now });
      await setDepartmentMembers(trx, orgId, departmentId, members);
      return departmentId;
    });
    forgetNames(deps.db, orgId);
    return getDepartment(deps, orgId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function changeDepartment(deps: Deps, orgId: number, id: number, input: z.infer<typeof patchDepartmentBody>): Promise<Department> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const { member_ids, ...changes } = input;
      await assertAddressFree(trx, orgId, id, input.email);
      if (!(await updateDepartment(trx, orgId, id, changes, deps.clock.now()))) throw notFound('Department');
      if (member_ids) {
        const members = [...new Set(member_ids)];
        await assertAgentsExist(trx, orgId, members);
        await setDepartmentMembers(trx, orgId, id, members);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
    throw error;
  }
  forgetNames(deps.db, orgId);
  return getDepartment(deps, orgId, id);
}

const quoted = (items: Array<{ name: string }>) => items.map((i) => `"${i.name}"`).join(', ');

/** What uses a department, as a sentence's parts. */
function describeUses(uses: DepartmentUses): string[] {
  const said: string[] = [];
  if (uses.tickets) said.push(`${uses.tickets >= ticketsCountedMax ? `${ticketsCountedMax} or more` : uses.tickets} ticket${uses.tickets === 1 ? '' : 's'}`);
  if (uses.sla_policies.length) said.push(`SLA polic${uses.sla_policies.length === 1 ? 'y' : 'ies'} ${quoted(uses.sla_policies)}`);
  if (uses.routing_rules.length) said.push(`routing rule${uses.routing_rules.length === 1 ? '' : 's'} ${quoted(uses.routing_rules)}`);
  for (const l of uses.escalation_levels) said.push(`escalation level ${l.level} of "${l.department_name}"`);
  if (uses.imap_mailboxes.length) said.push(`IMAP mailbox${uses.imap_mailboxes.length === 1 ? '' : 'es'} ${quoted(uses.imap_mailboxes)}`);
  if (uses.review_locations.length) said.push(`the review rule${uses.review_locations.length === 1 ? '' : 's'} of ${uses.review_locations.map((l) => `"${l}"`).join(', ')}`);
  return said;
}

/**
 * Deletes a department nothing refers to, with its members (their "my departments") and its own
 * escalation levels. One in use — by tickets, SLA policies, routing rules, another department's
 * escalation levels, an IMAP mailbox or a review location rule — is 409 naming what uses it
 * (deleting it would have silently taken the mailbox or the rule with it).
 */
export async function deleteDepartment(deps: Deps, orgId: number, id: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const department = await trx.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!department) throw notFound('Department');
    const uses = await findDepartmentUses(trx, orgId, id);
    const inUse = (said: string[]) =>
      new AppError('conflict', `The department "${department.name}" is used by ${said.join('; ') || 'a ticket'}; move those elsewhere first`, {
        used_by: {
          tickets: uses.tickets,
          sla_policies: uses.sla_policies,
          routing_rules: uses.routing_rules,
          escalation_levels: uses.escalation_levels.map((l) => ({ department: { id: l.department_id, name: l.department_name }, level: l.level })),
          imap_mailboxes: uses.imap_mailboxes,
          review_locations: uses.review_locations,
        },
      });
    const said = describeUses(uses);
    if (said.length) throw inUse(said);
    try {
      await deleteDepartmentRow(trx, orgId, id);
    } catch (error) {
      // A ticket made for it between the check and the delete.
      if (isForeignKeyViolation(error)) throw inUse([]);
      throw error;
    }
  });
  forgetNames(deps.db, orgId);
  forgetSlaSetup(deps.db, orgId);
}
