import { readIntoTicket } from '../email/process-mail.ts';
import { finishInboundMail, type InboundMailRow } from '../email/inbound.repository.ts';
import { removeQuietly } from '../tickets/attachment-files.ts';
import type { Duty } from './duty.ts';

/**
 * Issue 7: each mail the SMTP listener stored (and answered 250) is read into a ticket once — a new
 * ticket, a reply added to one, a follow-up of a closed one — or recorded as a bounce or set aside,
 * in the transaction that marks it read. The listener asks for a sweep as soon as a mail is stored;
 * a process that dies first leaves the mail due for the next sweep of any process.
 */
/** How long a reply waits for the batch reading its original; the listener's next sweep usually comes sooner. */
export const waitForOriginalMs = 1_000;

export const inboundMailDuty: Duty<InboundMailRow> = {
  name: 'inbound_mail',
  async hasDue(db, now) {
    return (await db.selectFrom('inbound_mails').select('id').where('process_at', '<=', now).limit(1).executeTakeFirst()) !== undefined;
  },
  claim: (trx, now, limit) => trx.selectFrom('inbound_mails').selectAll().where('process_at', '<=', now).orderBy('process_at').limit(limit).forUpdate().skipLocked().execute(),
  async act(trx, row, { deps, now }) {
    const moved: string[] = [];
    try {
      const result = await readIntoTicket(deps, trx, row, now, moved);
      if (result === 'wait') {
        await inboundMailDuty.postpone(trx, row, new Date(now.getTime() + waitForOriginalMs));
        return 'skipped';
      }
      await finishInboundMail(trx, row, result, now);
      return result.outcome === 'ignored' ? 'skipped' : 'done';
    } catch (error) {
      await removeQuietly(moved);
      throw error;
    }
  },
  postpone: async (trx, row, until) => {
    await trx.updateTable('inbound_mails').set({ process_at: until }).where('org_id', '=', row.org_id).where('id', '=', row.id).execute();
  },
};
