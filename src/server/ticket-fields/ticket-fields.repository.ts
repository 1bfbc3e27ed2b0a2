import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = ['id', 'key', 'type', 'labels', 'options', 'required', 'customer_visible', 'on_agent_form', 'on_portal_form', 'position', 'retired', 'created_at', 'updated_at'] as const;

export const listTicketFieldRows = (db: Db, orgId: number) =>
  db.selectFrom('ticket_fields').select(columns).where('org_id', '=', orgId).orderBy('position').orderBy('id').execute();

export type TicketFieldRow = Awaited<ReturnType<typeof listTicketFieldRows>>[number];

export const findTicketFieldRow = (db: Db, orgId: number, id: number, lock = false) =>
  db
    .selectFrom('ticket_fields')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();

export const countTicketFields = async (db: Db, orgId: number) =>
  Number((await db.selectFrom('ticket_fields').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);

export const insertTicketField = (db: Db, orgId: number, row: Omit<TicketFieldRow, 'id' | 'labels' | 'options' | 'position'> & { labels: string; options: string; position: number }) =>
  db.insertInto('ticket_fields').values({ org_id: orgId, ...row }).returning('id').executeTakeFirstOrThrow();

export const updateTicketField = (db: Db, orgId: number, id: number, changes: Record<string, unknown>) =>
  db.updateTable('ticket_fields').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute();

export const deleteTicketField = (db: Db, orgId: number, id: number) =>
  db.deleteFrom('ticket_fields').where('org_id', '=', orgId).where('id', '=', id).execute();

export const nextFieldPosition = async (db: Db, orgId: number) =>
  Number((await db.selectFrom('ticket_fields').select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.val(-1)).as('p')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).p) + 1;

/** How many of the workspace's tickets hold a value of the field. */
export const countTicketsWithField = async (db: Db, orgId: number, key: string) =>
  Number(
    (
      await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where(sql<boolean>`custom_fields ? ${key}`)
        .executeTakeFirstOrThrow()
    ).n,
  );
