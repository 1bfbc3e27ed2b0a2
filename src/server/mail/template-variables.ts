import type { MailTemplate } from './mail-request.ts';

const everyMail = ['workspace.name', 'recipient.name', 'link'] as const;
const ticket = ['ticket.number', 'ticket.subject'] as const;
const resolution = ['resolution', 'ready_for_collection'] as const;
const notification = ['notification.text', 'notification.actor'] as const;

/**
 * The {{names}} each template may use: exactly what the code that enqueues it passes in
 * MailValues. An admin's template naming anything else is refused when saved, so a typo shows
 * at once instead of as a blank in a customer's mail.
 */
export const templateVariables: Record<MailTemplate, readonly string[]> = {
  sign_in_link: [...everyMail, 'expires_minutes'],
  ticket_created: [...everyMail, ...ticket],
  ticket_opened: [...everyMail, ...ticket],
  ticket_held: [...everyMail, ...ticket, 'reason'],
  agent_replied: [...everyMail, ...ticket, 'reply.body', 'reply.author'],
  ticket_resolved: [...everyMail, ...ticket, ...resolution],
  ticket_closed: [...everyMail, ...ticket, ...resolution],
  ticket_reopened: [...everyMail, ...ticket],
  agent_notification: [...everyMail, ...ticket, ...notification],
  department_new_ticket: [...everyMail, ...ticket, ...notification],
  agent_invitation: [...everyMail, 'expires_hours', 'sent_by'],
  password_reset: [...everyMail, 'expires_hours', 'sent_by'],
};

