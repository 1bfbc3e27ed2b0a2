import { Readable } from 'node:stream';
import { limits } from '../../contract/limits.ts';
import { matchOrCreateCustomerUser } from '../customers/customers.service.ts';
import { isSignedThreadId, LOOP_TAG, parseThreadMarkers, parseThreadRootId } from '../mail/addresses.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { detectType, removeQuietly, sanitizeFilename, stageUpload, type StagedFile } from '../tickets/attachment-files.ts';
import { appendMessage } from '../tickets/messages.service.ts';
import { insertNewTicket, type AlongWithCreate } from '../tickets/tickets.service.ts';
import { lockTicketRow } from '../tickets/tickets.repository.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { classifyMail } from './classify-mail.ts';
import { findMailProblem } from './mail-problems.ts';
import { findTicketForThreading, findTicketsByMessageIds, recordBounce, type InboundMailRow, type InboundOutcome } from './inbound.repository.ts';
import { rawBytes, readMail, type InboundMail } from './read-mail.ts';
import { followUpSubject, maySendToTicket, ticketNumbersIn } from './thread-rules.ts';

type ThreadTicket = NonNullable<Awaited<ReturnType<typeof findTicketForThreading>>>;

/**
 * The ticket a mail answers, in the order of issue 7: a signed thread id of ours, then any stored
 * Message-ID (our outgoing mails', and mails read in before), in In-Reply-To/References; then the
 * signed reference in the body of our mails (quoted in the reply); then a ticket number in the
 * subject, only from the ticket's customer or someone on its opening CC.
 */
async function threadOf(trx: Db, orgId: number, secret: string, mail: InboundMail): Promise<{ ticket: ThreadTicket; by: string } | null | 'busy'> {
  const ids = [...mail.inReplyTo, ...mail.references];
  for (const id of ids) {
    const ours = parseThreadRootId(id);
    if (ours && ours.orgId === orgId && isSignedThreadId(ours, secret)) {
      const ticket = await findTicketForThreading(trx, orgId, { id: ours.ticketId });
      if (ticket) return { ticket, by: 'thread_id' };
    }
  }
  const stored = await findTicketsByMessageIds(trx, orgId, ids);
  if (stored === 'busy') return 'busy';
  for (const id of ids) {
    const hit = stored.find((s) => s.message_id === id);
    const ticket = hit && (await findTicketForThreading(trx, orgId, { id: hit.ticket_id }));
    if (ticket) return { ticket, by: 'message_id' };
  }
  for (const marker of parseThreadMarkers(`${mail.text}\n${mail.html ?? ''}`)) {
    if (marker.orgId !== orgId || !isSignedThreadId(marker, secret)) continue;
    const ticket = await findTicketForThreading(trx, orgId, { id: marker.ticketId });
    if (ticket) return { ticket, by: 'body_reference' };
  }
  for (const number of ticketNumbersIn(mail.subject)) {
    const ticket = await findTicketForThreading(trx, orgId, { number });
    if (ticket && maySendToTicket(mail.from?.address ?? null, { customerEmail: ticket.customer_email, cc: ticket.mail_cc })) return { ticket, by: 'subject_number' };
  }
  return null;
}

/** Text cut to a byte limit on a character boundary, saying so. */
function within(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note = '\n\n[…] The mail is longer; the whole message is kept with the ticket.';
  const bytes = Buffer.from(text, 'utf8').subarray(0, maxBytes - Buffer.byteLength(note, 'utf8'));
  return bytes.toString('utf8').replace(/\uFFFD+$/, '') + note;
}

/** Stages the mail's attachments of accepted types; the others are named in the message, and kept in the raw mail. */
async function stageAttachments(deps: Deps, mail: InboundMail, staged: StagedFile[]): Promise<string[]> {
  const refused: string[] = [];
  for (const a of mail.attachments) {
    const filename = sanitizeFilename(a.filename);
    try {
      const file = await stageUpload(deps.config.dataDir, Readable.from(a.content), filename);
      try {
        staged.push({ ...file, contentType: await detectType(file) });
      } catch (error) {
        await removeQuietly([file.tempPath]);
        throw error;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push(`${filename} (${a.contentType})`);
    }
  }
  return refused;
}

const customerName = (mail: InboundMail) => (mail.from?.name || mail.from?.address.split('@')[0] || 'Unknown sender').slice(0, limits.nameMax);

/**
 * Reads one stored mail into Caredesk inside the caller's transaction: a bounce is recorded on the
 * customer users it names, an automatic reply or a mail of our own is set aside, and a mail opens a
 * ticket, joins the one it answers (reopening it if it waited or was resolved), or, answering a
 * closed one, opens a follow-up. Files move into place as the transaction runs; `moved` lists them,
 * so a caller whose transaction fails removes them.
 */
/**
 * Reads a stored mail into a ticket in the caller's transaction and answers what it became, or
 * 'wait' when a mail it answers is being read by another batch right now (read it again shortly).
 */
export async function readIntoTicket(deps: Deps, trx: Db, row: InboundMailRow, now: Date, moved: string[]): Promise<InboundOutcome | 'wait'> {
  const orgId = row.org_id;
  const mail = await readMail(row.raw);
  const cls = classifyMail(mail, LOOP_TAG);
  const readable = mail.readable;
  if (cls.kind === 'bounce') {
    const failed = failedRecipients(row.raw, mail);
    const marked = await recordBounce(trx, orgId, failed, `${cls.bounce}: ${cls.reason}`, now);
    return { kind: 'bounce', outcome: 'bounce_recorded', reason: `${cls.reason}; ${marked} customer user(s) of ${failed.length} address(es) marked`, ticketId: null, readable };
  }
  if (cls.kind === 'auto_reply') return { kind: 'auto_reply', outcome: 'ignored', reason: cls.reason, ticketId: null, readable };
  if (cls.fromUs) return { kind: 'mail', outcome: 'ignored', reason: 'a mail Caredesk sent came back (X-Loop)', ticketId: null, readable };

  const workspace = await getWorkspace(deps, orgId, trx);
  const secret = (await trx.selectFrom('workspaces').select('mail_secret').where('org_id', '=', orgId).executeTakeFirstOrThrow()).mail_secret;
  // Before anything is written: a mail whose original another batch is reading waits for it.
  const thread = await threadOf(trx, orgId, secret, mail);
  if (thread === 'busy') return 'wait';
  const sender = mail.from?.address ?? null;
  // A turned-off email channel still takes replies to open tickets; a new ticket it sets aside.
  if (workspace.channels_off.includes('email') && !(thread && thread.ticket.status !== 'closed' && sender)) {
    return { kind: 'mail', outcome: 'ignored', reason: 'the email channel is turned off (Admin › Channels)', ticketId: null, readable };
  }
  const customerUser = sender ? await matchOrCreateCustomerUser(trx, orgId, { name: customerName(mail), email: sender }, now, workspace.default_country) : null;
  const actor: TicketActor = customerUser
    ? { kind: 'customer', orgId, customerUserId: customerUser.id, name: customerName(mail) }
    : { kind: 'system', orgId, name: 'Email' };
  const staged: StagedFile[] = [];
  try {
    const refused = await stageAttachments(deps, mail, staged);
    const notKept = refused.length ? `\n\nNot kept (file type not accepted): ${refused.join(', ')}. The raw mail keeps them.` : '';
    const body = within((mail.text.trim() || '(no text)') + notKept, limits.messageMaxBytes);
    const description = within(mail.text.trim() || '(no text)', limits.descriptionMaxBytes);
    // Whatever could not be read (an unparseable mail among it) is flagged for agents beside the text, with the original to download.
    const problem = findMailProblem(mail, row.raw);

    if (thread && thread.ticket.status !== 'closed' && customerUser) {
      const locked = await lockTicketRow(trx, orgId, thread.ticket.number);
      if (!locked) throw new Error(`ticket ${thread.ticket.number} vanished`);
      await appendMessage(deps, trx, actor, locked, { body, visibility: 'public', mailMessageId: row.message_id, inboundMailId: row.id, mailUnreadable: problem }, staged, moved, now);
      return { kind: 'mail', outcome: 'added_to_ticket', reason: `a reply (${thread.by})`, ticketId: thread.ticket.id, readable };
    }
    const followUp = thread && thread.ticket.status === 'closed' ? thread.ticket : null;
    const subject = (followUp ? followUpSubject(mail.subject, followUp.number) : mail.subject).slice(0, limits.subjectMax) || '(no subject)';
    const along: AlongWithCreate = {
      columns: { mail_cc: mail.cc.map((c) => c.address.toLowerCase()), follow_up_of: followUp?.id ?? null, inbound_mail_id: row.id, mail_unreadable: problem },
      created: { via: 'email', ...(row.message_id ? { message_id: row.message_id } : {}), ...(followUp ? { follow_up_of: followUp.number } : {}), ...(cls.noAutoReply ? { no_auto_reply: true } : {}) },
    };
    const ticket = await insertNewTicket(
      deps,
      trx,
      actor,
      {
        subject,
        description,
        priority: 'medium',
        channel: 'email',
        ...(row.department_id !== null ? { department: row.department_id } : {}),
        ...(customerUser ? { customer_user_id: customerUser.id } : {}),
      },
      workspace,
      now,
      along,
    );
    // The files go with a first note of the customer's (tickets hold files on messages).
    if (staged.length || notKept) {
      const locked = await lockTicketRow(trx, orgId, ticket.number);
      if (!locked) throw new Error(`ticket ${ticket.number} vanished`);
      const note = staged.length ? `${staged.length === 1 ? 'File' : 'Files'} sent with the mail${notKept}` : notKept.trim();
      await appendMessage(deps, trx, actor, locked, { body: note, visibility: 'public' }, staged, moved, now);
    }
    const outcome = followUp ? 'follow_up_created' : readable ? 'ticket_created' : 'unreadable_ticket';
    return { kind: 'mail', outcome, reason: followUp ? `a reply to closed ticket ${followUp.number} (${thread?.by})` : cls.reason, ticketId: ticket.id, readable };
  } catch (error) {
    await removeQuietly(staged.map((f) => f.tempPath));
    throw error;
  }
}

/** The addresses a bounce reports as failed: Final-/Original-Recipient lines, X-Failed-Recipients, else the mail's To. */
function failedRecipients(raw: Uint8Array, mail: InboundMail): string[] {
  const text = rawBytes(raw).toString('latin1');
  const found = new Set<string>();
  for (const m of text.matchAll(/^(?:final|original)-recipient:\s*rfc822;\s*<?([^\s<>;]+@[^\s<>;]+)>?/gim)) found.add(m[1].toLowerCase());
  for (const v of mail.headers.get('x-failed-recipients') ?? []) for (const a of v.split(/[,\s]+/)) if (a.includes('@')) found.add(a.toLowerCase());
  return [...found];
}
