import type { NotificationKind } from '../../contract/notifications.ts';
import { toLanguage, type Language } from '../../contract/workspaces.ts';
import { enqueueMails } from '../mail/enqueue.ts';
import type { MailRequest, MailValues } from '../mail/mail-request.ts';
import type { Config } from '../platform/config.ts';
import { portalUrl, publicBaseUrl } from '../platform/public-url.ts';
import type { DomainEvent, EventActor } from '../tickets/ticket-events.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { agentMailTexts } from './agent-mail-texts.ts';
import { customerMailFor } from './customer-mail-rules.ts';
import { namedBy, plannedNotifications, recipients } from './notification-rules.ts';
import { findCandidates, findMessagesForMail, findTicketMailFacts, insertNotifications, type NewNotification, type TicketMailFacts } from './notifications.repository.ts';

/** One change of one ticket, as recorded: who made it and its events. */
export interface TicketChange {
  orgId: number;
  ticketId: number;
  actor: EventActor;
  events: readonly DomainEvent[];
  /** Set when the writer knows the ticket has no customer user (a review without a contact): no customer mail, so no read of the facts for one. */
  withoutCustomer?: boolean;
}

const keyOf = (orgId: number, id: number) => `${orgId}:${id}`;

/**
 * Tells everyone a ticket change concerns, in the change's own transaction (call it once the
 * ticket row holds its new state): agents in the app and, if they chose it, by mail; the
 * department's address of a new ticket; the customer by mail. A change that concerns nobody
 * costs no query; a rolled-back change tells nobody anything.
 */
export const notifyChange = (db: Db, config: Config, orgId: number, ticketId: number, actor: EventActor, events: readonly DomainEvent[], now: Date, withoutCustomer = false): Promise<void> =>
  notifyChanges(db, config, [{ orgId, ticketId, actor, events, withoutCustomer }], now);

/**
 * `notifyChange` for many changes at once (a sweeper's batch): one read of the tickets' facts,
 * one of the agents concerned, one insert of the notifications and one of the mails, whatever
 * their number. Each change is addressed by its ticket's state when this runs.
 */
export async function notifyChanges(db: Db, config: Config, changes: readonly TicketChange[], now: Date): Promise<void> {
  const plans = changes
    .map((change) => ({
      change,
      planned: plannedNotifications(change.events, change.actor.kind),
      customerTemplate: change.withoutCustomer ? null : customerMailFor(change.events, change.actor.kind),
      // New to its department: created there, or verified into it (a ticket waiting for verification has none).
      isNew: change.events.some((e) => (e.type === 'created' || e.type === 'verified') && e.after?.department),
    }))
    .filter((p) => p.planned.length > 0 || p.customerTemplate !== null || p.isNew);
  if (plans.length === 0) return;
  const factRows = await findTicketMailFacts(db, plans.map(({ change }) => change));
  const factsOf = new Map(factRows.map((f) => [keyOf(f.org_id, f.id), f]));
  const facts = plans.map(({ change }) => {
    const found = factsOf.get(keyOf(change.orgId, change.ticketId));
    if (!found) throw new Error(`notifyChanges: ticket ${change.ticketId} of workspace ${change.orgId} does not exist`);
    return found;
  });
  const toldAgents = plans.map((p) => p.planned.length > 0);
  const candidateLists = await findCandidates(
    db,
    plans.flatMap((p, i) => (toldAgents[i] ? [{ orgId: p.change.orgId, assigneeId: facts[i].assignee_id, departmentId: facts[i].department_id, named: namedBy(p.change.events) }] : [])),
  );
  const quoted = await quotedReplies(db, plans.map((p) => (p.customerTemplate === 'agent_replied' ? p.change : null)));

  const notifications: NewNotification[] = [];
  const mails: MailRequest[] = [];
  let nextCandidates = 0;
  plans.forEach(({ change, planned, customerTemplate, isNew }, i) => {
    const { orgId, ticketId, actor } = change;
    const f = facts[i];
    const base = publicBaseUrl(config, f);
    const send = (template: MailRequest['template'], language: Language, to: MailRequest['to'], values: Omit<MailValues, 'workspace' | 'ticket'>, fromAddress: string | null = null) =>
      mails.push({ orgId, template, language, to, ticketId, fromAddress, values: { workspace: { name: f.workspace_name }, ticket: { number: f.number, subject: f.subject }, ...values } });
    const agentLink = `${base}/tickets/${encodeURIComponent(f.number)}`;

    if (toldAgents[i]) {
      const candidates = candidateLists[nextCandidates++];
      const told = recipients(planned, candidates, actor.kind === 'agent' ? actor.id : null);
      for (const t of told) notifications.push({ org_id: orgId, agent_id: t.agentId, ticket_id: ticketId, kind: t.kind, actor_name: actor.name });
      const byId = new Map(candidates.map((c) => [c.agentId, c]));
      for (const { agentId, kind } of told) {
        const agent = byId.get(agentId);
        if (!agent?.emailNotifications) continue;
        const language = toLanguage(agent.language ?? f.default_language);
        send('agent_notification', language, { address: agent.email, name: agent.name }, {
          recipient: { name: agent.name },
          link: agentLink,
          notification: { text: agentMailTexts[language][kind as NotificationKind], actor: actor.name },
        });
      }
    }
    if (isNew && f.department_email) {
      send('department_new_ticket', toLanguage(f.default_language), { address: f.department_email, name: f.department_name }, {
        recipient: { name: f.department_name ?? '' },
        link: agentLink,
        notification: { text: agentMailTexts[toLanguage(f.default_language)].new_ticket, actor: actor.name },
      });
    }
    if (customerTemplate && f.customer_email) {
      send(customerTemplate, toLanguage(f.customer_language), { address: f.customer_email, name: f.customer_name }, {
        recipient: { name: f.customer_name ?? '' },
        // The ticket in the portal: opens at once with a session, else the request-link page with the address filled in.
        link: portalUrl(base, f.slug, `/tickets/${encodeURIComponent(f.number)}?email=${encodeURIComponent(f.customer_email)}`),
        ...customerDetails(customerTemplate, f, quoted[i]),
      }, f.department_email);
    }
  });
  await insertNotifications(db, notifications, now);
  await enqueueMails(db, { config }, mails, now);
}

type Quoted = MailValues['reply'] | undefined;

/** The public reply each `agent_replied` change quotes (the `replied` event's message), in one read. */
async function quotedReplies(db: Db, changes: readonly (TicketChange | null)[]): Promise<Quoted[]> {
  const wanted = changes.map((c) => {
    const id = Number(c?.events.find((e) => e.type === 'replied')?.after?.message_id);
    return c && Number.isSafeInteger(id) ? { orgId: c.orgId, messageId: id } : null;
  });
  const found = await findMessagesForMail(db, wanted.filter((w) => w !== null));
  const byKey = new Map(found.map((m) => [keyOf(m.org_id, m.id), m]));
  return wanted.map((w) => {
    const message = w && byKey.get(keyOf(w.orgId, w.messageId));
    return message && message.visibility === 'public' ? { body: message.body, author: message.author_name } : undefined;
  });
}

function customerDetails(template: string, facts: TicketMailFacts, reply: Quoted): Partial<MailValues> {
  switch (template) {
    case 'ticket_held':
      return { reason: facts.pending_reason ?? '' };
    case 'ticket_resolved':
    case 'ticket_closed':
      return { resolution: facts.resolution ?? '', ready_for_collection: facts.resolution_kind === 'collect' };
    case 'agent_replied':
      return reply ? { reply } : {};
    default:
      return {};
  }
}
