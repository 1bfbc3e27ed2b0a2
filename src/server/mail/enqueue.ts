import type { Config } from '../platform/config.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { mailDomain, newMessageId, threadMarker, threadRootId } from './addresses.ts';
import type { MailRequest } from './mail-request.ts';
import { findMailSetting, insertOutboxMails } from './outbox.repository.ts';
import { renderMail } from './render.ts';
import { builtInTemplate, layoutWords } from './templates/built-in.ts';

/**
 * Queues a mail in the caller's transaction: rendered now (the admin's wording if there is one,
 * else the built-in), sent by the outbox worker after the transaction commits, never if it rolls
 * back. Its Message-ID is fixed here, so a mail sent twice after a crash is the same mail; a
 * ticket's mails all refer to the ticket's thread root and show as one conversation.
 */
/** Queues one mail; its outbox id. */
export const enqueueMail = async (db: Db, deps: { config: Config }, mail: MailRequest, now: Date): Promise<number> => (await enqueueMails(db, deps, [mail], now))[0];

/** Queues many mails as `enqueueMail` does each: one read per workspace, template and language, and one insert. */
export async function enqueueMails(db: Db, deps: { config: Config }, mails: readonly MailRequest[], now: Date): Promise<number[]> {
  if (mails.length === 0) return [];
  const settings = new Map<string, NonNullable<Awaited<ReturnType<typeof findMailSetting>>>>();
  const rows = [];
  for (const mail of mails) {
    const key = `${mail.orgId}\u0000${mail.template}\u0000${mail.language}`;
    let setting = settings.get(key);
    if (!setting) {
      setting = await findMailSetting(db, mail.orgId, mail.template, mail.language);
      if (!setting) throw new Error(`enqueueMail: workspace ${mail.orgId} does not exist`);
      settings.set(key, setting);
    }
    const wording =
      mail.wording ??
      (setting.custom_subject !== null && setting.custom_body !== null
        ? { subject: setting.custom_subject, body: setting.custom_body }
        : builtInTemplate(mail.template, mail.language));
    const rendered = renderMail(wording, mail.values, layoutWords(mail.template, mail.language));
    const domain = mailDomain(deps.config, setting);
    const root = mail.ticketId === null ? null : threadRootId(domain, mail.orgId, mail.ticketId, setting.mail_secret);
    // A reply quoting the mail names its ticket even where the Message-IDs were rewritten.
    const marker = mail.ticketId === null ? null : threadMarker(mail.orgId, mail.ticketId, setting.mail_secret);
    const text = marker ? `${rendered.text}\n\n${marker}\n` : rendered.text;
    const hidden = marker ? `<div style="display:none;font-size:0;line-height:0;color:transparent;max-height:0;overflow:hidden">${marker}</div>` : '';
    const html = hidden && rendered.html.includes('</body>') ? rendered.html.replace('</body>', `${hidden}</body>`) : rendered.html + hidden;
    rows.push({
      org_id: mail.orgId,
      template: mail.template,
      language: mail.language,
      ticket_id: mail.ticketId,
      to_address: mail.to.address,
      to_name: mail.to.name,
      from_address: mail.fromAddress ?? null,
      subject: rendered.subject,
      text_body: text,
      html_body: html,
      message_id: newMessageId(domain, mail.ticketId),
      in_reply_to: root,
      references: root ? [root] : [],
      status: 'queued' as const,
      next_attempt_at: now,
      created_at: now,
    });
  }
  return insertOutboxMails(db, rows);
}
