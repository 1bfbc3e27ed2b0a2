import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CicDashboard } from '../../../../contract/cic.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { BounceBadge } from '../../customers/components/bounce-badge.tsx';
import { formatCount } from '../../../lib/format.ts';
import { CustomerUserDialog } from './customer-user-dialog.tsx';
import { EditCustomerUser } from './edit-customer-user.tsx';

/** The ticket search of one customer user, open (new, open, pending) or closed (resolved, closed). */
const userSearch = (id: number, which: 'open' | 'closed') =>
  `/search?${new URLSearchParams({ status: which === 'open' ? 'new,open,pending' : 'resolved,closed', customer_user_id: String(id) }).toString()}`;

/** The create form, filled in with the customer user and the channel the complaint came by. */
const newTicket = (id: number, channel: 'phone' | 'email') => `/tickets/new?${new URLSearchParams({ customer_user_id: String(id), channel }).toString()}`;

interface CustomerUsersBodyProps {
  rows: CicDashboard['customer_users'];
  /** The customer whose users these are: they can be added to it and opened on their own dashboard. */
  customer: { id: number; name: string } | null;
}

/**
 * The Customer users widget: each user with open and closed counts that open the ticket search,
 * the pencil that edits them, phone and email tickets for them, and Add customer user.
 */
export function CustomerUsersBody({ rows, customer }: CustomerUsersBodyProps) {
  const { t } = useTranslation('cic');
  const [editing, setEditing] = useState<number | null>(null);
  const [isAdding, setAdding] = useState(false);
  return (
    <div className="cic-widget-body">
      {rows.length === 0 ? <p className="muted">{t('users.none')}</p> : <UsersTable rows={rows} showDetails={customer !== null} onEdit={setEditing} />}
      {customer && (
        <button type="button" className="btn btn-secondary btn-md" onClick={() => setAdding(true)}>
          {t('users.add')}
        </button>
      )}
      {isAdding && <CustomerUserDialog customer={customer} onClose={() => setAdding(false)} />}
      {editing !== null && <EditCustomerUser id={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function UsersTable({ rows, showDetails, onEdit }: { rows: CicDashboard['customer_users']; showDetails: boolean; onEdit: (id: number) => void }) {
  const { t } = useTranslation('cic');
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
            <td className="muted">
              {[u.email, u.phone].filter(Boolean).join(' · ')} <BounceBadge user={u} />
            </td>
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
            <td>
              <div className="cic-user-actions">
                <button type="button" className="btn btn-ghost btn-md cic-tool" aria-label={t('users.edit', { name: u.name })} title={t('users.edit', { name: u.name })} onClick={() => onEdit(u.id)}>
                  <span aria-hidden="true">✎</span>
                </button>
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
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
