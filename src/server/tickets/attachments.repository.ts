import type { Insertable } from 'kysely';
import type { AttachmentsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = ['id', 'message_id', 'filename', 'content_type', 'size_bytes', 'storage_key'] as const;

export const insertAttachments = (db: Db, rows: Insertable<AttachmentsTable>[]) =>
  db.insertInto('attachments').values(rows).returning(columns).execute();

/** The attachments of a page of messages, in one query. */
export const listAttachmentsOfMessages = (db: Db, orgId: number, ticketId: number, messageIds: number[]) =>
  messageIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('attachments')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('ticket_id', '=', ticketId)
        .where('message_id', 'in', messageIds)
        .orderBy('id')
        .execute();

/**
 * One attachment, only if it belongs to the ticket of that number in the caller's workspace; for
 * a customer, only of their own ticket and of a public message.
 */
export const findTicketAttachment = (db: Db, orgId: number, number: string, id: number, customerUserId?: number) =>
  db
    .selectFrom('attachments as a')
    .innerJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'a.org_id').onRef('t.id', '=', 'a.ticket_id'))
    .select(['a.id', 'a.filename', 'a.content_type', 'a.size_bytes', 'a.storage_key'])
    .where('a.org_id', '=', orgId)
    .where('t.number', '=', number)
    .where('a.id', '=', id)
    .$if(customerUserId !== undefined, (q) =>
      q
        .where('t.customer_user_id', '=', customerUserId as number)
        .innerJoin('messages as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.message_id'))
        .where('m.visibility', '=', 'public'),
    )
    .executeTakeFirst();
export type AttachmentFile = NonNullable<Awaited<ReturnType<typeof findTicketAttachment>>>;

export type AttachmentRow = Awaited<ReturnType<typeof insertAttachments>>[number];
