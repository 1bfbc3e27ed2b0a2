import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingScreen } from '../components/ui/spinner.tsx';
import { useSessionQuery } from '../features/auth/api/get-session.ts';
import type { SignInState } from '../features/auth/components/return-path.ts';
import { useSetupStatus } from '../features/setup/api/get-setup-status.ts';
import { ErrorScreen } from './error-screen.tsx';

/** The signed-in part of the app: sends visitors to setup on a fresh install, otherwise to sign in. */
export function RequireAgent({ children }: { children: ReactNode }) {
  const location = useLocation();
  const setup = useSetupStatus();
  const session = useSessionQuery();
  if (session.data) return children;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (session.data === null) {
    // Wait for the setup status, so a fresh install goes straight to setup rather than via sign-in.
    if (setup.isPending) return <LoadingScreen />;
    const state: SignInState = { from: { pathname: location.pathname, search: location.search } };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (session.isError) return <ErrorScreen error={session.error} onRetry={() => void session.refetch()} />;
  return <LoadingScreen />;
}

/** The sign-in page, which has no use before the first workspace exists. */
export function RequireSetupDone({ children }: { children: ReactNode }) {
  const setup = useSetupStatus();
  if (setup.isError && !setup.data) return <ErrorScreen error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.isPending) return <LoadingScreen />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  return children;
}

/** The setup page, which only applies while no workspace exists. */
export function RequireSetupNeeded({ children }: { children: ReactNode }) {
  const setup = useSetupStatus();
  if (setup.isError && !setup.data) return <ErrorScreen error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.isPending) return <LoadingScreen />;
  // Once set up, the signed-in app (or, for a visitor, its guard) takes over.
  if (!setup.data?.needed) return <Navigate to="/" replace />;
  return children;
}
