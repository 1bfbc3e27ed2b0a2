import { type ReactNode, useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { RequestLinkPage } from '../components/request-link-page.tsx';
import { TicketsPage } from '../components/tickets-page.tsx';
import { rememberReturnPath, takeReturnPath } from '../lib/return-path.ts';
import { usePortal } from './portal-context.ts';

/**
 * The portal's home, where the sign-in link lands: the customer's tickets once signed in (or the
 * ticket they were sent to before signing in), otherwise the request-link form.
 */
export function HomePage() {
  const { ws, me } = usePortal();
  const navigate = useNavigate();
  const isSignedIn = me !== null;
  useLayoutEffect(() => {
    const back = isSignedIn ? takeReturnPath(ws) : null;
    if (back) navigate(back, { replace: true });
  }, [ws, isSignedIn, navigate]);
  return isSignedIn ? <TicketsPage /> : <RequestLinkPage />;
}

/** Pages of a signed-in customer; anyone else is sent home to request a link, and comes back here after. */
export function RequireCustomer({ children }: { children: ReactNode }) {
  const { me } = usePortal();
  if (!me) return <SendHome />;
  return children;
}

function SendHome() {
  const { ws, home } = usePortal();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    rememberReturnPath(ws, location.pathname + location.search);
    navigate(home, { replace: true });
  }, [ws, home, location.pathname, location.search, navigate]);
  return null;
}
