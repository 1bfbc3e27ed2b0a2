import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CenteredPanel } from '../../components/ui/centered-panel.tsx';
import { PortalTitle } from '../components/portal-title.tsx';
import { usePortal } from './portal-context.ts';

/** No workspace by that name (or no workspace in the address at all). */
export function NoPortalPage() {
  const { t } = useTranslation('portal');
  return <PortalErrorScreen error={null} onRetry={() => undefined} title={t('frame.unavailable')} />;
}

/** The portal could not start: no such workspace (error null), or its config could not be loaded. */
export function PortalErrorScreen({ error, onRetry, title }: { error: Error | null; onRetry: () => void; title?: string }) {
  const { t } = useTranslation(['portal', 'common']);
  return (
    <CenteredPanel title={title ?? t('frame.unavailable')}>
      <title>{title ?? t('frame.unavailable')}</title>
      <div className="form">
        {error ? (
          <>
            <Alert>{error.message}</Alert>
            <Button type="button" variant="secondary" onClick={onRetry}>
              {t('common:action.tryAgain')}
            </Button>
          </>
        ) : (
          <p>{t('frame.noPortal')}</p>
        )}
      </div>
    </CenteredPanel>
  );
}

/** An address inside a workspace's portal that leads nowhere. */
export function PortalNotFoundPage() {
  const { t } = useTranslation('portal');
  const { home } = usePortal();
  return (
    <div className="portal-page empty-state">
      <PortalTitle title={t('frame.notFoundTitle')} />
      <h1>{t('frame.notFoundTitle')}</h1>
      <p>{t('frame.notFoundText')}</p>
      <Link to={home}>{t('frame.goHome')}</Link>
    </div>
  );
}
