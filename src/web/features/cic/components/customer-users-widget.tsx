import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CicDashboard } from '../../../../contract/cic.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatCount } from '../../../lib/format.ts';

/** The ticket search of one customer user, open (new, open, pending) or closed (resolved, closed). */
const userSearch = (id: number, which: 'open' | 'closed') =>
  `/search?${new URLSearchParams({ status: which === 'open' ? 'new,open,pending' : 'resolved,closed', customer_user_id: String(id) }).toString()}`;

/** The create form, filled in with the customer user and the channel the complaint came by. */
const newTicket = (id: number, channel: 'phone' | 'email') => `/tickets/new?${new URLSearchParams({ customer_user_id: String(id), channel }).toString()}`;

/** The Customer users widget: each user with open and closed counts that open the ticket search. */
export function CustomerUsersBody({ rows, showDetails }: { rows: CicDashboard['customer_users']; showDetails: boolean }) {
  const { t } = useTranslation('cic');
  if (rows.length === 0) return <p className="muted">{t('users.none')}</p>;
  return (
    <table className="cic-users">
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.contact')}</th>
          <th scope="col" className="num">
            {t('users.open')}
          </th>
          <th scope="col" className="num">
            {t('users.closed')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('users.newTicket')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((u) => (
          <tr key={u.id} data-customer-user={u.id}>
            <td>
              {showDetails ? <Link to={`/customer-users/${u.id}`}>{u.name}</Link> : u.name} {!u.valid && <Badge tone="amber">{t('users.invalid')}</Badge>}
            </td>
            <td className="muted">{[u.email, u.phone].filter(Boolean).join(' · ')}</td>
            <td className="num">
              <Link to={userSearch(u.id, 'open')} aria-label={t('users.openTickets', { name: u.name, count: u.open_tickets })}>
                {formatCount(u.open_tickets)}
              </Link>
            </td>
            <td className="num">
              <Link to={userSearch(u.id, 'closed')} aria-label={t('users.closedTickets', { name: u.name, count: u.closed_tickets })}>
                {formatCount(u.closed_tickets)}
              </Link>
            </td>
            <td className="cic-user-actions">
              {u.valid && (
                <>
                  <Link to={newTicket(u.id, 'phone')} aria-label={t('users.phoneTicketFor', { name: u.name })}>
                    {t('users.phoneTicket')}
                  </Link>
                  {u.email && (
                    <Link to={newTicket(u.id, 'email')} aria-label={t('users.emailTicketFor', { name: u.name })}>
                      {t('users.emailTicket')}
                    </Link>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
