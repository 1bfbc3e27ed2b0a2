import { Navigate } from 'react-router';
import { usePortal } from '../app/portal-context.ts';
import { RequestLinkPage } from './request-link-page.tsx';

/** Where a used, expired or unknown sign-in link lands; a customer still signed in goes on to their tickets. */
export function LinkExpiredPage() {
  const { me, home } = usePortal();
  if (me) return <Navigate to={home} replace />;
  return <RequestLinkPage expired />;
}
