import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** At most this many tickets are counted: enough to say "in use", without counting a million. */
export const ticketsCountedMax = 10_000;

/** What refers to a department, other than its own members and escalation levels (which go with it): its mail and review routing too. */
export async function findDepartmentUses(db: Db, orgId: number, departmentId: number) {
  const [tickets, policies, rules, levels, mailboxes, locations] = await Promise.all([
    sql<{ n: string | number }>`
      select count(*) as n from (
        select 1 from tickets where org_id = ${orgId} and (department_id = ${departmentId} or requested_department_id = ${departmentId}) limit ${ticketsCountedMax}
      ) t`.execute(db),
    db.selectFrom('sla_policies').select(['id', 'name']).where('org_id', '=', orgId).where(sql<boolean>`${departmentId} = any(department_ids)`).orderBy('position').execute(),
    db.selectFrom('routing_rules').select(['id', 'name']).where('org_id', '=', orgId).where('department_id', '=', departmentId).orderBy('position').execute(),
    db
      .selectFrom('escalation_levels as l')
      .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'l.org_id').onRef('d.id', '=', 'l.department_id'))
      .select(['d.id as department_id', 'd.name as department_name', 'l.level'])
      .where('l.org_id', '=', orgId)
      .where('l.department_id', '<>', departmentId)
      .where((eb) => eb.or([eb('l.notify_department_id', '=', departmentId), eb('l.reassign_department_id', '=', departmentId)]))
      .orderBy('d.name')
      .orderBy('l.level')
      .execute(),
    db.selectFrom('imap_mailboxes').select(['id', sql<string>`username || '@' || host`.as('name')]).where('org_id', '=', orgId).where('department_id', '=', departmentId).orderBy('id').execute(),
    db.selectFrom('review_locations').select(['location']).where('org_id', '=', orgId).where('department_id', '=', departmentId).orderBy('location').execute(),
  ]);
  return {
    tickets: Number(tickets.rows[0]?.n ?? 0),
    sla_policies: policies,
    routing_rules: rules,
    escalation_levels: levels,
    imap_mailboxes: mailboxes,
    review_locations: locations.map((l) => l.location),
  };
}

export type DepartmentUses = Awaited<ReturnType<typeof findDepartmentUses>>;

/** Deletes the department with its members and its own escalation levels. */
export async function deleteDepartmentRow(db: Db, orgId: number, departmentId: number): Promise<void> {
  await db.deleteFrom('escalation_levels').where('org_id', '=', orgId).where('department_id', '=', departmentId).execute();
  await db.deleteFrom('department_members').where('org_id', '=', orgId).where('department_id', '=', departmentId).execute();
  await db.deleteFrom('departments').where('org_id', '=', orgId).where('id', '=', departmentId).execute();
}
