import { Link, NavLink, Outlet } from 'react-router';
import { Button } from '../components/ui/button.tsx';
import { Logo } from '../components/ui/logo.tsx';
import { useSession } from '../features/auth/api/get-session.ts';
import { useSignOut } from '../features/auth/api/sign-out.ts';
import { Shortcuts } from './shortcuts.tsx';
import { type ThemeChoice, useTheme } from '../lib/theme.ts';
import { useLiveUpdates } from '../features/live/use-live-updates.ts';

/** The frame of every signed-in page: workspace, navigation, who is signed in. */
export function AppLayout() {
  const { agent, workspace } = useSession();
  useLiveUpdates();
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
          <span className="app-workspace" title={`Workspace ${workspace.slug}`}>
            {workspace.name}
          </span>
          <nav className="app-nav" aria-label="Main">
            <NavLink to="/tickets" className="app-nav-link">
              Tickets
            </NavLink>
          </nav>
        </div>
        <div className="app-header-end">
          <label className="theme-picker">
            <span className="visually-hidden">Theme</span>
            <select className="field-input" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
              <option value="system">System theme</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <Link to="/tickets/new" className="btn btn-primary btn-md">
            Create ticket
          </Link>
          {signOut.isError && <span className="app-header-error" role="alert">Sign-out failed: {signOut.error.message}</span>}
          <span className="app-agent" title={agent.email}>
            <span className="avatar" aria-hidden="true">
              {initials}
            </span>
            <span className="app-agent-text">
              <span className="app-agent-name">{agent.name}</span>
              <span className="app-agent-role">{agent.role === 'admin' ? 'Administrator' : 'Agent'}</span>
            </span>
          </span>
          <Button variant="secondary" isBusy={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
      <Shortcuts />
    </div>
  );
}
