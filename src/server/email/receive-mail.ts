import type { Deps } from '../platform/deps.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { anyMailboxConfigured, findDefaultWorkspace, findMailboxes, storeInboundMail } from './inbound.repository.ts';
import { messageIdsIn } from './read-mail.ts';

/** Where mail to an address goes: a department's address, or — while no department has one — the first workspace. */
export interface Mailbox {
  orgId: number;
  departmentId: number | null;
}

/** The mailbox of a recipient address, or null: mail to it is refused (550) once departments have addresses. */
export async function mailboxOf(db: Db, address: string): Promise<Mailbox | null> {
  const [found] = await findMailboxes(db, [address]);
  if (found) return { orgId: found.org_id, departmentId: found.department_id };
  if (await anyMailboxConfigured(db)) return null;
  const workspace = await findDefaultWorkspace(db);
  return workspace ? { orgId: workspace.org_id, departmentId: null } : null;
}

/** The Message-ID from the header block alone: the listener stores before anything else reads the mail. */
function messageIdOf(raw: Buffer): string | null {
  const head = raw.subarray(0, 256 * 1024).toString('latin1').split(/\r?\n\r?\n|\r\r/, 1)[0] ?? '';
  const line = /^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(head);
  return line ? (messageIdsIn(line[1])[0] ?? null) : null;
}

/**
 * Stores a received mail for each workspace it is addressed to (one row per workspace, with the
 * department of its first address there), in one transaction: when this returns, the mail is
 * committed, and only then may the listener answer 250. A Message-ID stored before in a workspace
 * is not stored again (the same mail sent to two of its addresses, or delivered twice).
 * `inTransaction` runs in that transaction too (the IMAP poller records the message's UID there).
 */
export async function receiveMail(
  deps: Deps,
  envelope: { mailFrom: string; rcptTo: { address: string; mailbox: Mailbox }[] },
  raw: Buffer,
  options: { inTransaction?: (trx: Db) => Promise<void> } = {},
): Promise<{ stored: number; duplicates: number }> {
  const now = deps.clock.now();
  const messageId = messageIdOf(raw);
  const byWorkspace = new Map<number, { departmentId: number | null; addresses: string[] }>();
  for (const { address, mailbox } of envelope.rcptTo) {
    const entry = byWorkspace.get(mailbox.orgId) ?? { departmentId: mailbox.departmentId, addresses: [] };
    entry.addresses.push(address);
    byWorkspace.set(mailbox.orgId, entry);
  }
  let stored = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const [orgId, { departmentId, addresses }] of byWorkspace) {
      const fresh = await storeInboundMail(trx, {
        org_id: orgId,
        message_id: messageId,
        mail_from: envelope.mailFrom,
        rcpt_to: addresses,
        department_id: departmentId,
        raw,
        size_bytes: raw.length,
        received_at: now,
        process_at: now,
      });
      if (fresh) stored += 1;
    }
    await options.inTransaction?.(trx);
  });
  return { stored, duplicates: byWorkspace.size - stored };
}
