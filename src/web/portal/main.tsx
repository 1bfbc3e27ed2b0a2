import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/styles.css';
import { startTheme } from '../lib/theme.ts';
import { PortalApp } from './app/portal-app.tsx';
import './app/portal.css';
import { startPortalI18n } from './i18n/portal-i18n.ts';

// The customer portal's own entry (portal.html): customers never download the agent app.
startTheme();
startPortalI18n();

const root = document.getElementById('root');
if (!root) throw new Error('portal.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
