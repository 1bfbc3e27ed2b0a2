import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSettings } from '../api/get-settings.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ReviewRulesPanel } from './review-rules-panel.tsx';
import { SourcesPanel } from './sources-panel.tsx';
import { ChannelsOnPanel, VerificationPanel } from './verification-panel.tsx';
import './service-levels.css';
import './workspace-admin.css';

/** Where the mail channel is set up: the IMAP mailboxes, and each department's own address. */
function MailPanel() {
  const { t } = useTranslation('admin');
  return (
    <section className="panel" aria-labelledby="channels-mail-title">
      <div className="panel-head">
        <h2 id="channels-mail-title" className="panel-title">
          {t('channels.mailTitle')}
        </h2>
      </div>
      <div className="panel-body form">
        <p className="field-hint">{t('channels.mailText')}</p>
        <div className="channel-links">
          <Link to="/admin/imap-mailboxes" className="btn btn-secondary btn-md">
            {t('channels.imapLink')}
          </Link>
          <Link to="/admin/departments" className="btn btn-secondary btn-md">
            {t('channels.departmentsLink')}
          </Link>
        </div>
      </div>
    </section>
  );
}

/** Channels (DESIGN.md §3, Admin): verification, review rules, the marketplace and review sources, and where mail comes in. */
export function ChannelsPage() {
  const { t } = useTranslation('admin');
  // The verification panel reads the settings, which only admins may (their role may have changed since they signed in).
  const settings = useSettings();
  if (isForbidden(settings.error)) return <AdminOnly />;
  return (
    <AdminPage title={t('channels.title')} intro={t('channels.intro')}>
      <ChannelsOnPanel />
      <VerificationPanel />
      <ReviewRulesPanel />
      <SourcesPanel />
      <MailPanel />
    </AdminPage>
  );
}
