import type { Db } from '../workspaces/workspaces.repository.ts';

/** A stored mail as received, when it was read into this ticket (opened it, or was added to it). */
export const findTicketMailRaw = (db: Db, orgId: number, number: string, id: number) =>
  db
    .selectFrom('inbound_mails as m')
    .innerJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'm.org_id').onRef('t.id', '=', 'm.ticket_id'))
    .select(['m.raw'])
    .where('m.org_id', '=', orgId)
    .where('m.id', '=', id)
    .where('t.number', '=', number)
    .executeTakeFirst();
