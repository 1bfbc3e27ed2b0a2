import { useLayoutEffect, useMemo } from 'react';
import { Outlet, useParams } from 'react-router';
import { LoadingScreen } from '../../components/ui/spinner.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { usePortalConfigQuery } from '../api/get-config.ts';
import { useMeQuery } from '../api/get-me.ts';
import { usePortalEvents } from '../api/use-portal-events.ts';
import { showPortalIn, storedPortalLanguage } from '../i18n/portal-i18n.ts';
import { PortalErrorScreen } from './not-found.tsx';
import { type Portal, PortalContext } from './portal-context.ts';
import { PortalHeader } from './portal-header.tsx';

/**
 * Every portal page: loads the workspace's portal config and the customer's session, speaks the
 * customer's language, keeps their tickets live, and frames the page with the header.
 */
export function PortalShell() {
  const { workspace: ws = '' } = useParams();
  const config = usePortalConfigQuery(ws);
  const me = useMeQuery(ws);
  const portal = useMemo<Portal | null>(
    () => (config.data && me.data !== undefined ? { ws, config: config.data, me: me.data, home: `/portal/${ws}` } : null),
    [ws, config.data, me.data],
  );
  // The customer's own choice (kept on the server when signed in), else this browser's, else the workspace's.
  const language = me.data?.language ?? storedPortalLanguage() ?? config.data?.default_language;
  useLayoutEffect(() => {
    if (language) showPortalIn(language);
  }, [language]);
  usePortalEvents(ws, Boolean(me.data));

  if (config.isError && !config.data) {
    const missing = config.error instanceof ApiError && (config.error.status === 404 || config.error.status === 400);
    return <PortalErrorScreen error={missing ? null : config.error} onRetry={() => void config.refetch()} />;
  }
  if (me.isError && me.data === undefined) return <PortalErrorScreen error={me.error} onRetry={() => void me.refetch()} />;
  if (!portal) return <LoadingScreen />;
  return (
    <PortalContext value={portal}>
      <div className="portal">
        <PortalHeader />
        <main id="portal-main" className="portal-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </PortalContext>
  );
}
