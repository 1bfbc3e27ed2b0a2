import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../../../contract/tickets.ts';
import { formatDay } from '../../../lib/format.ts';
import { BounceBadge } from '../../customers/components/bounce-badge.tsx';
import { getTickets } from '../api/get-tickets.ts';
import { OrderFacts } from './order-facts.tsx';
import { StatusBadge } from './ticket-badges.tsx';

/** Who complained, how to reach them, their other tickets and the order and purchase this is about. */
export function CustomerPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['ticket', 'common']);
  const cu = ticket.customer_user;
  const others = useQuery({
    queryKey: ['tickets', 'list', { customer_user_id: cu?.id, limit: 11 }],
    queryFn: ({ signal }) => getTickets({ customer_user_id: cu?.id, limit: 11 }, null, signal),
    enabled: cu !== null,
  });
  const otherTickets = (others.data?.items ?? []).filter((t) => t.id !== ticket.id).slice(0, 10);

  return (
    <section className="panel side-panel" aria-labelledby="customer-panel-title">
      <h2 id="customer-panel-title" className="panel-title">
        {t('customer.title')}
      </h2>
      {cu ? (
        <dl className="facts">
          <div>
            <dt>{t('customer.name')}</dt>
            <dd>{cu.name}</dd>
          </div>
          {ticket.customer && (
            <div>
              <dt>{t('customer.company')}</dt>
              <dd>{ticket.customer.name}</dd>
            </div>
          )}
          <div>
            <dt>{t('customer.email')}</dt>
            <dd>
              {cu.email ? <a href={`mailto:${cu.email}`}>{cu.email}</a> : <span className="muted">—</span>} <BounceBadge user={cu} />
            </dd>
          </div>
          <div>
            <dt>{t('customer.phone')}</dt>
            <dd>{cu.phone ? <a href={`tel:${cu.phone.replace(/[^\d+]/g, '')}`}>{cu.phone}</a> : <span className="muted">—</span>}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('customer.none')}</p>
      )}
      <OrderFacts ticket={ticket} />
      {cu && (
        <>
          <h3 className="side-subtitle">{t('customer.others', { name: cu.name })}</h3>
          {others.isError ? (
            <p className="field-error">{t('customer.othersFailed', { message: others.error.message })}</p>
          ) : others.isPending ? (
            <p className="muted">{t('common:app.loading')}</p>
          ) : otherTickets.length === 0 ? (
            <p className="muted">{t('customer.noOthers')}</p>
          ) : (
            <ul className="other-tickets">
              {otherTickets.map((t) => (
                <li key={t.id}>
                  <Link to={`/tickets/${t.number}`}>
                    <span className="ticket-number">{t.number}</span> {t.subject}
                  </Link>
                  <span className="other-ticket-meta">
                    <StatusBadge ticket={t} /> {formatDay(t.created_at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
