import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../auth/api/get-session.ts';
import './admin.css';
import { AdminOnly } from './admin-only.tsx';

const links = [
  { to: '/admin/settings', label: 'nav.settings' },
  { to: '/admin/agents', label: 'nav.agents' },
  { to: '/admin/categories', label: 'nav.categories' },
  { to: '/admin/ticket-fields', label: 'nav.fields' },
  { to: '/admin/channels', label: 'nav.channels' },
  { to: '/admin/departments', label: 'nav.departments' },
  { to: '/admin/outbox', label: 'nav.outbox' },
  { to: '/admin/inbound-mail', label: 'nav.inbound' },
  { to: '/admin/imap-mailboxes', label: 'nav.imap' },
  { to: '/admin/mail-templates', label: 'nav.templates' },
  { to: '/admin/calendars', label: 'nav.calendars' },
  { to: '/admin/sla-policies', label: 'nav.policies' },
  { to: '/admin/escalation', label: 'nav.escalation' },
  { to: '/admin/routing', label: 'nav.routing' },
  { to: '/admin/api-keys', label: 'nav.apiKeys' },
  { to: '/admin/webhooks', label: 'nav.webhooks' },
  { to: '/admin/jobs', label: 'nav.jobs' },
  { to: '/admin/system', label: 'nav.system' },
  { to: '/admin/audit-log', label: 'nav.auditLog' },
] as const;

/** The admin pages, for admins only: their own navigation above the page. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { agent } = useSession();
  if (agent.role !== 'admin') return <AdminOnly />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('nav.label')}>
        {links.map((link) => (
          <NavLink key={link.to} to={link.to} className="admin-nav-link">
            {t(link.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
