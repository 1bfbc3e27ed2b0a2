import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { Logo } from '../../components/ui/logo.tsx';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { LanguagePicker } from '../../components/ui/language-picker.tsx';
import { useChangeLanguage } from '../api/change-me.ts';
import { useSignOut } from '../api/sign-out.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { showPortalIn } from '../i18n/portal-i18n.ts';
import { usePortal } from './portal-context.ts';

/** The workspace's name, the language switch and, for a signed-in customer, their name and Logout. */
export function PortalHeader() {
  const { t, i18n } = useTranslation('portal');
  const { ws, config, me, home } = usePortal();
  const changeLanguage = useChangeLanguage(ws);
  const signOut = useSignOut(ws);
  const [isAsking, setIsAsking] = useState(false);

  const choose = (language: Language) => {
    showPortalIn(language, true);
    // Kept on the server too: the customer's mails follow their choice.
    if (me) changeLanguage.mutate(language);
  };

  return (
    <header className="portal-header">
      <a
        className="skip-link"
        href="#portal-main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('portal-main')?.focus();
        }}
      >
        {t('frame.skip')}
      </a>
      <Link to={home} className="portal-brand" aria-label={t('frame.home', { workspace: config.workspace.name })}>
        <Logo withName={false} />
        <span className="portal-brand-name">{config.workspace.name}</span>
      </Link>
      <div className="portal-header-end">
        <LanguagePicker label={t('frame.language')} value={isLanguage(i18n.language) ? i18n.language : 'en'} onChange={choose} />
        {me && (
          <>
            <span className="portal-me" title={me.email ?? undefined}>
              <span className="visually-hidden">{t('frame.signedInAs', { name: me.name })}</span>
              <span aria-hidden="true">{me.name}</span>
            </span>
            <Button variant="secondary" className="portal-logout" onClick={() => setIsAsking(true)}>
              <LogoutIcon />
              <span className="portal-logout-text">{t('frame.logout')}</span>
            </Button>
          </>
        )}
      </div>
      {isAsking && (
        <ConfirmDialog
          title={t('frame.logoutTitle')}
          confirmLabel={t('frame.logoutConfirm')}
          isBusy={signOut.isPending || signOut.isSuccess}
          error={signOut.error ? { title: t('frame.logoutFailed'), message: signOut.error.message } : null}
          onConfirm={() => signOut.mutate()}
          onCancel={() => {
            setIsAsking(false);
            signOut.reset();
          }}
        >
          <p>{t('frame.logoutText')}</p>
        </ConfirmDialog>
      )}
    </header>
  );
}

function LogoutIcon() {
  return (
    <svg className="portal-logout-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M13 14l4-4-4-4M17 10H8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
