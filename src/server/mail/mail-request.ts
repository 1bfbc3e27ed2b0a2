import { mailTemplateNames } from '../../contract/mail.ts';
import type { Language } from '../../contract/workspaces.ts';

/**
 * The mails Caredesk sends (DESIGN.md §2 "Notifications"), each with built-in wording in every
 * language, which admins may override per workspace. The contract holds the one list.
 */
export const mailTemplates = mailTemplateNames;
export type MailTemplate = (typeof mailTemplates)[number];

/**
 * What a template may say. Values are data, never template text: whatever a customer wrote is
 * inserted as written (escaped in the HTML part) and never read as a template.
 */
export interface MailValues {
  workspace: { name: string };
  recipient: { name: string };
  ticket?: { number: string; subject: string };
  /** The portal's "Go to dashboard" link, the sign-in link itself, or for agents the ticket in the app. */
  link?: string;
  /** sign_in_link: minutes until the link expires. */
  expires_minutes?: number;
  /** agent_invitation, password_reset: hours until the link expires. */
  expires_hours?: number;
  /** agent_invitation, password_reset: the admin who sent it. */
  sent_by?: string;
  /** agent_replied: the reply as the agent wrote it. */
  reply?: { body: string; author: string };
  /** ticket_held: why the ticket waits. */
  reason?: string;
  /** ticket_resolved, ticket_closed: the resolution's words. */
  resolution?: string;
  /** ticket_resolved, ticket_closed: the resolution says the product is ready to collect. */
  ready_for_collection?: boolean;
  /** agent_notification: what happened, in the agent's language, and who did it. */
  notification?: { text: string; actor: string };
}

export interface MailRequest {
  orgId: number;
  template: MailTemplate;
  language: Language;
  to: { address: string; name: string | null };
  /** The ticket the mail is about: it threads the mail (Message-ID, References) with the ticket's others. */
  ticketId: number | null;
  /** Sent from this address (the ticket's department's) instead of the workspace's sender, under the same name. */
  fromAddress?: string | null;
  values: MailValues;
  /** A draft wording to send instead of the workspace's (the template editor's "send me a test"). */
  wording?: { subject: string; body: string };
}
