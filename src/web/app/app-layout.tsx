import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { Button } from '../components/ui/button.tsx';
import { Logo } from '../components/ui/logo.tsx';
import { useSession } from '../features/auth/api/get-session.ts';
import { CicSearchDialog } from '../features/cic/components/cic-search-dialog.tsx';
import { useChangeMe } from '../features/auth/api/change-me.ts';
import { useSignOut } from '../features/auth/api/sign-out.ts';
import { useLiveUpdates } from '../features/live/use-live-updates.ts';
import { NotificationsBell } from '../features/notifications/components/notifications-bell.tsx';
import { applyAgentLanguage, currentLanguage, type Language, setLanguage } from '../i18n/i18n.ts';
import { LanguagePicker } from '../components/ui/language-picker.tsx';
import { type ThemeChoice, useTheme } from '../lib/theme.ts';
import { Shortcuts } from './shortcuts.tsx';

/** The frame of every signed-in page: workspace, navigation, who is signed in, their language and theme. */
export function AppLayout() {
  const { t } = useTranslation();
  const { t: tAdmin } = useTranslation('admin');
  const { t: tCic } = useTranslation('cic');
  const { t: tReports } = useTranslation('reports');
  const [isCicSearchOpen, setCicSearchOpen] = useState(false);
  const { agent, workspace } = useSession();
  useLiveUpdates();
  useEffect(() => applyAgentLanguage(agent.id, agent.language, workspace.default_language), [agent.id, agent.language, workspace.default_language]);
  const changeMe = useChangeMe();
  const chooseLanguage = (language: Language) => {
    setLanguage(language, agent.id);
    changeMe.mutate({ language });
  };
  const [theme, setTheme] = useTheme();
  const signOut = useSignOut();
  const initials = agent.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-start">
          <Logo withName={false} />
          <span className="app-workspace" title={t('app.workspace', { slug: workspace.slug })}>
            {workspace.logo_url && <img className="app-workspace-logo" src={workspace.logo_url} alt="" referrerPolicy="no-referrer" />}
            {workspace.name}
          </span>
          <nav className="app-nav" aria-label={t('app.mainNav')}>
            <NavLink to="/tickets" className="app-nav-link">
              {t('app.tickets')}
            </NavLink>
            <NavLink to="/search" className="app-nav-link">
              {t('app.search')}
            </NavLink>
            <button type="button" className="app-nav-link app-nav-button" aria-haspopup="dialog" onClick={() => setCicSearchOpen(true)}>
              {tCic('nav')}
            </button>
            <NavLink to="/reports" className="app-nav-link">
              {tReports('nav')}
            </NavLink>
            {agent.role === 'admin' && (
              <NavLink to="/admin" className="app-nav-link">
                {tAdmin('nav.link')}
              </NavLink>
            )}
          </nav>
        </div>
        <div className="app-header-end">
          <LanguagePicker label={t('app.language')} value={currentLanguage()} onChange={chooseLanguage} />
          <label className="header-picker">
            <span className="visually-hidden">{t('app.theme')}</span>
            <select className="field-input" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
              <option value="system">{t('app.themeSystem')}</option>
              <option value="light">{t('app.themeLight')}</option>
              <option value="dark">{t('app.themeDark')}</option>
            </select>
          </label>
          <NotificationsBell />
          <Link to="/tickets/new" className="btn btn-primary btn-md">
            {t('app.createTicket')}
          </Link>
          {signOut.isError && (
            <span className="app-header-error" role="alert">
              {t('app.signOutFailed', { message: signOut.error.message })}
            </span>
          )}
          <span className="app-agent" title={agent.email}>
            <span className="avatar" aria-hidden="true">
              {initials}
            </span>
            <span className="app-agent-text">
              <span className="app-agent-name">{agent.name}</span>
              <span className="app-agent-role">{agent.role === 'admin' ? t('app.administrator') : t('app.agent')}</span>
            </span>
          </span>
          <Button variant="secondary" isBusy={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('app.signOut')}
          </Button>
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
      <Shortcuts />
      {isCicSearchOpen && <CicSearchDialog onClose={() => setCicSearchOpen(false)} />}
    </div>
  );
}
