import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../auth/api/get-session.ts';
import './admin.css';
import { AdminOnly } from './admin-only.tsx';

// In groups, in the order an admin sets a workspace up: who works, how tickets arrive, how soon they are answered, what talks to it, how it runs.
const groups = [
  [
    { to: '/admin/settings', label: 'nav.settings' },
    { to: '/admin/agents', label: 'nav.agents' },
    { to: '/admin/departments', label: 'nav.departments' },
    { to: '/admin/categories', label: 'nav.categories' },
    { to: '/admin/ticket-fields', label: 'nav.fields' },
  ],
  [
    { to: '/admin/channels', label: 'nav.channels' },
    { to: '/admin/imap-mailboxes', label: 'nav.imap' },
    { to: '/admin/inbound-mail', label: 'nav.inbound' },
    { to: '/admin/mail-templates', label: 'nav.templates' },
    { to: '/admin/outbox', label: 'nav.outbox' },
  ],
  [
    { to: '/admin/calendars', label: 'nav.calendars' },
    { to: '/admin/sla-policies', label: 'nav.policies' },
    { to: '/admin/escalation', label: 'nav.escalation' },
    { to: '/admin/routing', label: 'nav.routing' },
  ],
  [
    { to: '/admin/api-keys', label: 'nav.apiKeys' },
    { to: '/admin/webhooks', label: 'nav.webhooks' },
  ],
  [
    { to: '/admin/jobs', label: 'nav.jobs' },
    { to: '/admin/system', label: 'nav.system' },
    { to: '/admin/audit-log', label: 'nav.auditLog' },
  ],
] as const;

/** The admin pages, for admins only: their own navigation above the page. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { agent } = useSession();
  if (agent.role !== 'admin') return <AdminOnly />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('nav.label')}>
        {groups.map((links, index) => (
          <div key={links[0].to} className={index === 0 ? 'admin-nav-group' : 'admin-nav-group admin-nav-group-next'}>
            {links.map((link) => (
              <NavLink key={link.to} to={link.to} className="admin-nav-link">
                {t(link.label)}
              </NavLink>
            ))}
          </div>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
