import { mailTemplateNames } from '../../../contract/mail.ts';

export type MailTemplateName = (typeof mailTemplateNames)[number];

export const isTemplateName = (v: string | undefined): v is MailTemplateName => (mailTemplateNames as readonly (string | undefined)[]).includes(v);

/** The mails by whom they go to, in the order things happen to a ticket. */
export const templateGroups = {
  customer: ['sign_in_link', 'ticket_created', 'ticket_opened', 'ticket_held', 'agent_replied', 'ticket_resolved', 'ticket_closed', 'ticket_reopened'],
  staff: ['agent_notification', 'department_new_ticket', 'agent_invitation', 'password_reset'],
} as const satisfies Record<string, readonly MailTemplateName[]>;

/** The key of a variable's description: i18next reads dots as nesting. */
export const variableKey = (name: string): string => name.replace(/\./g, '_');
