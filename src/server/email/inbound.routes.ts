import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { inboundMailPage, inboundMailQuery, type InboundMail } from '../../contract/inbound-mail.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { findInboundRaw, listInboundMails } from './inbound.repository.ts';
import { rawBytes } from './read-mail.ts';

type Row = Awaited<ReturnType<typeof listInboundMails>>[number];

const toInboundMail = (r: Row): InboundMail => ({
  id: r.id,
  message_id: r.message_id,
  mail_from: r.mail_from,
  rcpt_to: r.rcpt_to,
  size_bytes: r.size_bytes,
  received_at: r.received_at.toISOString(),
  processed_at: r.processed_at?.toISOString() ?? null,
  kind: r.kind,
  outcome: r.outcome,
  reason: r.reason,
  readable: r.readable,
  ticket_number: r.ticket_number,
});

/** The admin's log of received mail (issue 7): what each became and why, and the raw message for audit. */
export function inboundMailRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/admin/inbound-mails', {
    schema: {
      tags: ['inbound mail'],
      summary: 'Mails received by the SMTP listener, newest first, each with its outcome and reason (admin)',
      querystring: inboundMailQuery,
      response: { 200: inboundMailPage, ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const { orgId } = requireAdmin(request);
      const { outcome, limit, cursor } = request.query;
      const rows = await listInboundMails(deps.db, orgId, { outcome, limit, beforeId: cursor ? decodeCursor(cursor)[1] : null });
      return pageById(rows, limit, toInboundMail);
    },
  });
  app.get('/api/v1/admin/inbound-mails/:id/raw', {
    schema: {
      tags: ['inbound mail'],
      summary: 'The received mail exactly as it arrived, as message/rfc822 (admin)',
      params: idParams,
      response: {
        200: { description: 'The raw message', content: { 'message/rfc822': { schema: z.string().meta({ format: 'binary' }) } } },
        ...errors(400, 401, 403, 404),
      },
    },
    handler: async (request, reply) => {
      const row = await findInboundRaw(deps.db, requireAdmin(request).orgId, request.params.id);
      if (!row) throw notFound('Inbound mail');
      const raw = rawBytes(row.raw);
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="mail-${request.params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .send(raw as unknown as string);
    },
  });
}
