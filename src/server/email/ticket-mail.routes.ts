import { z } from 'zod';
import { errors, idSchema } from '../../contract/common.ts';
import { numberParams } from '../../contract/tickets.ts';
import { requireActor } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { rawBytes } from './read-mail.ts';
import { findTicketMailRaw } from './ticket-mail.repository.ts';

const ticketMailParams = numberParams.extend({ id: idSchema });

/**
 * The original of a mail a ticket came from or was added to (issue 7), for whoever may see the
 * ticket: what agents open when a mail could not be read completely. `raw_url` of a ticket's or
 * message's `mail` points here.
 */
export function ticketMailRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/tickets/:number/mails/:id/raw', {
    schema: {
      tags: ['tickets'],
      summary: 'Download the mail a ticket or message came in, exactly as received (message/rfc822)',
      params: ticketMailParams,
      response: {
        200: { description: 'The raw message', content: { 'message/rfc822': { schema: z.string().meta({ format: 'binary' }) } } },
        ...errors(400, 401, 404),
      },
    },
    handler: async (request, reply) => {
      const { number, id } = request.params;
      const row = await findTicketMailRaw(deps.db, requireActor(request).orgId, number, id);
      if (!row) throw notFound('Mail');
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="ticket-${number}-mail-${id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(rawBytes(row.raw) as unknown as string);
    },
  });
}
