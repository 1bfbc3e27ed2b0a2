import { portalUrl } from '../platform/public-url.ts';
import type { Language } from '../../contract/workspaces.ts';
import type { MailTemplate, MailValues } from './mail-request.ts';

const samples: Record<Language, { subject: string; customer: string; reply: string; reason: string; resolution: string; notification: string }> = {
  en: {
    subject: 'Shoes arrived damaged',
    customer: 'Sari Wijaya',
    reply: 'We are sorry about the damaged pair. A courier collects it tomorrow between 9 and 12, and the new pair goes out the same day.',
    reason: 'Waiting for the courier to collect the parcel',
    resolution: 'A new pair was sent; the damaged one was collected.',
    notification: 'A ticket was assigned to you',
  },
  id: {
    subject: 'Sepatu rusak saat diterima',
    customer: 'Sari Wijaya',
    reply: 'Mohon maaf atas sepatu yang rusak. Kurir akan mengambilnya besok pukul 9–12, dan pasangan baru dikirim pada hari yang sama.',
    reason: 'Menunggu kurir mengambil paket',
    resolution: 'Pasangan baru telah dikirim; yang rusak sudah diambil.',
    notification: 'Sebuah tiket ditugaskan kepada Anda',
  },
};

/**
 * The values a preview or test of a template is rendered with: a sample ticket of the workspace,
 * in the template's language, with every variable the template may use filled in.
 */
export function sampleValues(template: MailTemplate, language: Language, context: { workspace: string; slug: string; number: string; baseUrl: string; admin: string }): MailValues {
  const s = samples[language];
  const forAgent = template === 'agent_notification' || template === 'department_new_ticket' || template === 'agent_invitation' || template === 'password_reset';
  const link =
    template === 'agent_invitation' || template === 'password_reset'
      ? `${context.baseUrl}/set-password#sample-link`
      : forAgent
        ? `${context.baseUrl}/tickets/${encodeURIComponent(context.number)}`
        : portalUrl(context.baseUrl, context.slug);
  return {
    workspace: { name: context.workspace },
    recipient: { name: forAgent ? context.admin : s.customer },
    ticket: { number: context.number, subject: s.subject },
    link,
    expires_minutes: 15,
    expires_hours: template === 'password_reset' ? 24 : 168,
    sent_by: context.admin,
    reply: { body: s.reply, author: context.admin },
    reason: s.reason,
    resolution: s.resolution,
    ready_for_collection: false,
    notification: { text: s.notification, actor: context.admin },
  };
}
