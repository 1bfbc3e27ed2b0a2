import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../auth/api/get-session.ts';
import './admin.css';
import { AdminOnly } from './admin-only.tsx';

/** The admin pages, for admins only: their own navigation above the page. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { agent } = useSession();
  if (agent.role !== 'admin') return <AdminOnly />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('nav.label')}>
        <NavLink to="/admin/outbox" className="admin-nav-link">
          {t('nav.outbox')}
        </NavLink>
        <NavLink to="/admin/mail-templates" className="admin-nav-link">
          {t('nav.templates')}
        </NavLink>
        <NavLink to="/admin/calendars" className="admin-nav-link">
          {t('nav.calendars')}
        </NavLink>
        <NavLink to="/admin/sla-policies" className="admin-nav-link">
          {t('nav.policies')}
        </NavLink>
        <NavLink to="/admin/escalation" className="admin-nav-link">
          {t('nav.escalation')}
        </NavLink>
        <NavLink to="/admin/routing" className="admin-nav-link">
          {t('nav.routing')}
        </NavLink>
        <NavLink to="/admin/jobs" className="admin-nav-link">
          {t('nav.jobs')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
