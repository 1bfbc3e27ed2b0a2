import type { OrderIssueBody } from '../../contract/channel-intake.ts';
import type { Ticket } from '../../contract/tickets.ts';
import { limits } from '../../contract/limits.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { runIdempotent, type Answer, type Idempotency } from '../platform/idempotency.ts';
import { findTicketIdByExternalId } from '../tickets/tickets.repository.ts';
import { assertTextSize, insertNewTicket, readBack } from '../tickets/tickets.service.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { assertMarketplaceSource } from './sources.service.ts';

const defaultSubject = (language: string, input: OrderIssueBody, category: string | null) =>
  language === 'id'
    ? `${category ?? 'Masalah pesanan'}: pesanan ${input.order_number}`
    : `${category ?? 'Order issue'}: order ${input.order_number}`;

/**
 * Takes a customer's issue about an order from a marketplace or shop and opens a marketplace
 * ticket with the order's number and items. The marketplace's own id of the issue makes a re-send
 * answer the first ticket (200) instead of opening another, also when two arrive at once.
 */
export async function receiveOrderIssue(deps: Deps, actor: TicketActor, input: OrderIssueBody, idempotency?: Idempotency): Promise<Answer<Ticket> & { replayed: boolean }> {
  assertTextSize('message', input.message, limits.descriptionMaxBytes);
  const orgId = actor.orgId;
  const workspace = await getWorkspace(deps, orgId);
  const now = deps.clock.now();
  await assertMarketplaceSource(deps.db, orgId, input.source, 'body.source');
  return runIdempotent<Ticket>(deps.db, orgId, idempotency, async (trx) => {
    if (input.external_id) {
      const existing = await findTicketIdByExternalId(trx, orgId, 'marketplace', input.source, input.external_id);
      if (existing) return { status: 200, body: await readBack(deps, trx, orgId, existing.id) };
    }
    const categoryName = typeof input.category === 'string' ? input.category : null;
    const ticket = await insertNewTicket(
      deps,
      trx,
      actor,
      {
        subject: input.subject ?? defaultSubject(workspace.default_language, input, categoryName),
        description: input.message,
        priority: input.priority ?? 'medium',
        channel: 'marketplace',
        source: input.source,
        customer: input.customer,
        order_number: input.order_number,
        order_items: input.items ?? [],
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.department !== undefined ? { department: input.department } : {}),
        ...(input.transaction_ref ? { transaction_ref: input.transaction_ref } : {}),
        ...(input.purchase ? { purchase: input.purchase } : {}),
      },
      workspace,
      now,
      { columns: { external_id: input.external_id ?? null }, created: input.external_id ? { external_id: input.external_id } : {} },
    );
    return { status: 201, body: ticket };
  });
}
