import type { OutboxMail, OutboxMailDetail, OutboxPage, OutboxStatusName } from '../../contract/mail.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { findOutboxMail, listOutboxMails, requeueMail, type OutboxListRow } from './outbox.repository.ts';

const toOutboxMail = (r: OutboxListRow): OutboxMail => ({
  id: r.id,
  template: r.template,
  language: r.language,
  to_address: r.to_address,
  to_name: r.to_name,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  next_attempt_at: r.next_attempt_at.toISOString(),
  last_error: r.last_error,
  message_id: r.message_id,
  ticket_number: r.ticket_number,
  created_at: r.created_at.toISOString(),
  sent_at: r.sent_at?.toISOString() ?? null,
});

/** The workspace's outgoing mails, newest first. */
export async function listOutbox(deps: Deps, orgId: number, query: { status?: OutboxStatusName; limit: number; cursor?: string }): Promise<OutboxPage> {
  const beforeId = query.cursor ? decodeCursor(query.cursor)[1] : null;
  const rows = await listOutboxMails(deps.db, orgId, { status: query.status, beforeId, limit: query.limit });
  return pageById(rows, query.limit, toOutboxMail);
}

/** One mail with its text and HTML, as it was (or will be) sent: the dev outbox's reader. */
export async function getOutboxMail(deps: Deps, orgId: number, id: number): Promise<OutboxMailDetail> {
  const row = await findOutboxMail(deps.db, orgId, id);
  if (!row) throw notFound('Mail');
  return { ...toOutboxMail(row), text_body: row.text_body, html_body: row.html_body, in_reply_to: row.in_reply_to, references: row.references };
}

/** Sends a failed (or dev-outbox) mail again now; one that is queued, being sent or sent is refused. */
export async function retryOutboxMail(deps: Deps, orgId: number, id: number): Promise<OutboxMailDetail> {
  if (!(await requeueMail(deps.db, orgId, id, deps.clock.now()))) {
    const row = await findOutboxMail(deps.db, orgId, id);
    if (!row) throw notFound('Mail');
    throw new AppError('conflict', `The mail is ${row.status}: only failed or kept mails can be sent again`, { status: row.status });
  }
  return getOutboxMail(deps, orgId, id);
}
