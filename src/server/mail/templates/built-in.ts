import type { Language } from '../../../contract/workspaces.ts';
import type { LayoutWords } from '../html-layout.ts';
import type { MailTemplate } from '../mail-request.ts';
import { en } from './en.ts';
import { id } from './id.ts';

export interface TemplateText {
  subject: string;
  body: string;
}

/** One language's built-in mails and the words of the HTML layout around them. */
export interface BuiltInWording {
  templates: Record<MailTemplate, TemplateText>;
  /** The label of the HTML part's button for {{link}}, by who reads the mail. */
  button: { customer: string; signIn: string; staff: string; password: string };
  fallbackLink: string;
  /** `{{workspace}}` stands for the workspace's name (inserted escaped; this is not a template). */
  footer: string;
}

const wording: Record<Language, BuiltInWording> = { en, id };

export const builtInTemplate = (template: MailTemplate, language: Language): TemplateText => wording[language].templates[template];

/** The layout's words for a mail: what its button says and the footer. */
export function layoutWords(template: MailTemplate, language: Language): LayoutWords {
  const w = wording[language];
  const button =
    template === 'sign_in_link' ? w.button.signIn
    : template === 'agent_invitation' || template === 'password_reset' ? w.button.password
    : template === 'agent_notification' || template === 'department_new_ticket' ? w.button.staff
    : w.button.customer;
  return { language, button, fallbackLink: w.fallbackLink, footer: w.footer };
}
