import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/api/get-session.ts';

/** What an agent without the admin role sees on an admin page, whether the app or the API said no. */
export function AdminOnly() {
  const { t } = useTranslation(['admin', 'common']);
  const { workspace } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="empty-state admin-only">
      <title>{t('common:app.titleSuffix', { title: t('only.title') })}</title>
      <svg className="admin-only-icon" viewBox="0 0 24 24" width="36" height="36" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <rect x="4" y="11" width="16" height="10" rx="2" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
      <h1 ref={heading} tabIndex={-1}>
        {t('only.title')}
      </h1>
      <p>{t('only.text', { workspace: workspace.name })}</p>
      <Link to="/tickets">{t('only.back')}</Link>
    </div>
  );
}
