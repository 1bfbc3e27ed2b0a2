import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { useChannelLabel } from './ticket-badges.tsx';

/** The order (with its items), the loyalty purchase and the review a ticket is about, in the customer panel. */
export function OrderFacts({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticket');
  const channelLabel = useChannelLabel();
  const { order_number, order_items, purchase, review } = ticket;
  const hasOrder = order_number !== null || order_items.length > 0;
  const hasPurchase = ticket.transaction_ref !== null || purchase !== null;
  if (!hasOrder && !hasPurchase && !review && !ticket.review_ref) return <p className="muted order-facts-none">{t('order.nothing')}</p>;
  return (
    <div className="order-facts">
      {hasOrder && (
        <section aria-label={t('order.title')}>
          <dl className="facts">
            <div>
              <dt>{t('order.number')}</dt>
              <dd>{order_number ?? <span className="muted">—</span>}</dd>
            </div>
            {ticket.channel === 'marketplace' && ticket.source && (
              <div>
                <dt>{t('order.source')}</dt>
                <dd>{channelLabel(ticket).name}</dd>
              </div>
            )}
          </dl>
          {order_items.length > 0 && (
            <table className="order-items">
              <caption>{t('order.items')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('order.item')}</th>
                  <th scope="col" className="num">
                    {t('order.quantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('order.price')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order_items.map((item, i) => (
                  <tr key={i}>
                    <td>
                      <div className="cell-main">{item.name}</div>
                      {item.sku && <div className="cell-sub">{t('order.sku')} {item.sku}</div>}
                    </td>
                    <td className="num">{item.quantity}</td>
                    <td className="num">{item.price === undefined ? '—' : formatMoney(item.price, purchase?.currency ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {hasPurchase && (
        <section aria-label={t('order.purchase')}>
          <h3 className="side-subtitle">{t('order.purchase')}</h3>
          <dl className="facts">
            <div>
              <dt>{t('order.transaction')}</dt>
              <dd>{ticket.transaction_ref ?? <span className="muted">—</span>}</dd>
            </div>
            {purchase?.store && (
              <div>
                <dt>{t('order.store')}</dt>
                <dd>{purchase.store}</dd>
              </div>
            )}
            {purchase?.amount && (
              <div>
                <dt>{t('order.amount')}</dt>
                <dd>{formatMoney(purchase.amount, purchase.currency)}</dd>
              </div>
            )}
            {purchase?.purchased_at && (
              <div>
                <dt>{t('order.purchasedAt')}</dt>
                <dd>
                  <time dateTime={purchase.purchased_at}>{formatDateTime(purchase.purchased_at)}</time>
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}
      {(review || ticket.review_ref) && (
        <section aria-label={t('order.review')}>
          <h3 className="side-subtitle">{t('order.review')}</h3>
          <dl className="facts">
            {review && (
              <div>
                <dt>{t('order.rating')}</dt>
                <dd>
                  <span className="rating-stars" role="img" aria-label={t('order.ratingValue', { rating: review.rating })}>
                    {'★'.repeat(review.rating)}
                    <span className="rating-stars-off">{'★'.repeat(5 - review.rating)}</span>
                  </span>{' '}
                  {review.url && (
                    <a href={review.url} target="_blank" rel="noopener noreferrer nofollow">
                      {t('order.openReview')}
                    </a>
                  )}
                </dd>
              </div>
            )}
            {ticket.review_ref && (
              <div>
                <dt>{t('order.reviewRef')}</dt>
                <dd>{ticket.review_ref}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
