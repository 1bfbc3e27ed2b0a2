import type { NotificationKind } from '../../contract/notifications.ts';
import { toLanguage, type Language } from '../../contract/workspaces.ts';
import { enqueueMail } from '../mail/enqueue.ts';
import type { MailValues } from '../mail/mail-request.ts';
import type { Config } from '../platform/config.ts';
import { portalUrl, publicBaseUrl } from '../platform/public-url.ts';
import type { DomainEvent, EventActor } from '../tickets/ticket-events.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { agentMailTexts } from './agent-mail-texts.ts';
import { customerMailFor } from './customer-mail-rules.ts';
import { namedBy, plannedNotifications, recipients } from './notification-rules.ts';
import { findCandidates, findMessageForMail, findTicketMailFacts, insertNotifications } from './notifications.repository.ts';

type Facts = Awaited<ReturnType<typeof findTicketMailFacts>>;

/**
 * Tells everyone a ticket change concerns, in the change's own transaction (call it once the
 * ticket row holds its new state): agents in the app and, if they chose it, by mail; the
 * department's address of a new ticket; the customer by mail. A change that concerns nobody
 * costs no query; a rolled-back change tells nobody anything.
 */
export async function notifyChange(db: Db, config: Config, orgId: number, ticketId: number, actor: EventActor, events: readonly DomainEvent[], now: Date): Promise<void> {
  const planned = plannedNotifications(events, actor.kind);
  const customerTemplate = customerMailFor(events, actor.kind);
  // New to its department: created there, or verified into it (a ticket waiting for verification has none).
  const isNew = events.some((e) => (e.type === 'created' || e.type === 'verified') && e.after?.department);
  if (planned.length === 0 && customerTemplate === null && !isNew) return;
  const facts = await findTicketMailFacts(db, orgId, ticketId);
  const base = publicBaseUrl(config, facts);
  const ticket = { number: facts.number, subject: facts.subject };
  const send = (template: Parameters<typeof enqueueMail>[2]['template'], language: Language, to: { address: string; name: string | null }, values: Omit<MailValues, 'workspace' | 'ticket'>) =>
    enqueueMail(db, { config }, { orgId, template, language, to, ticketId, values: { workspace: { name: facts.workspace_name }, ticket, ...values } }, now);

  if (planned.length) {
    const candidates = await findCandidates(db, orgId, ticketId, namedBy(events));
    const told = recipients(planned, candidates, actor.kind === 'agent' ? actor.id : null);
    await insertNotifications(db, orgId, ticketId, told, actor.name, now);
    const byId = new Map(candidates.map((c) => [c.agentId, c]));
    for (const { agentId, kind } of told) {
      const agent = byId.get(agentId);
      if (!agent?.emailNotifications) continue;
      const language = toLanguage(agent.language ?? facts.default_language);
      await send('agent_notification', language, { address: agent.email, name: agent.name }, {
        recipient: { name: agent.name },
        link: `${base}/tickets/${encodeURIComponent(facts.number)}`,
        notification: { text: agentMailTexts[language][kind as NotificationKind], actor: actor.name },
      });
    }
  }
  if (isNew && facts.department_email) {
    await send('department_new_ticket', toLanguage(facts.default_language), { address: facts.department_email, name: facts.department_name }, {
      recipient: { name: facts.department_name ?? '' },
      link: `${base}/tickets/${encodeURIComponent(facts.number)}`,
      notification: { text: agentMailTexts[toLanguage(facts.default_language)].new_ticket, actor: actor.name },
    });
  }
  if (customerTemplate && facts.customer_email) {
    await send(customerTemplate, toLanguage(facts.customer_language), { address: facts.customer_email, name: facts.customer_name }, {
      recipient: { name: facts.customer_name ?? '' },
      // The ticket in the portal: opens at once with a session, else the request-link page with the address filled in.
      link: portalUrl(base, facts.slug, `/tickets/${encodeURIComponent(facts.number)}?email=${encodeURIComponent(facts.customer_email)}`),
      ...(await customerDetails(db, orgId, customerTemplate, events, facts)),
    });
  }
}

async function customerDetails(db: Db, orgId: number, template: string, events: readonly DomainEvent[], facts: Facts): Promise<Partial<MailValues>> {
  switch (template) {
    case 'ticket_held':
      return { reason: facts.pending_reason ?? '' };
    case 'ticket_resolved':
    case 'ticket_closed':
      return { resolution: facts.resolution ?? '', ready_for_collection: facts.resolution_kind === 'collect' };
    case 'agent_replied': {
      const id = Number(events.find((e) => e.type === 'replied')?.after?.message_id);
      const message = Number.isSafeInteger(id) ? await findMessageForMail(db, orgId, id) : undefined;
      return message && message.visibility === 'public' ? { reply: { body: message.body, author: message.author_name } } : {};
    }
    default:
      return {};
  }
}
