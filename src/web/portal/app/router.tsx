import { createBrowserRouter, Navigate } from 'react-router';
import { LinkExpiredPage } from '../components/link-expired-page.tsx';
import { NewRequestPage } from '../components/new-request-page.tsx';
import { TicketPage } from '../components/ticket-page.tsx';
import { HomePage, RequireCustomer } from './guards.tsx';
import { NoPortalPage, PortalNotFoundPage } from './not-found.tsx';
import { PortalShell } from './portal-shell.tsx';

/** The portal of one workspace lives under /portal/<workspace>; the server answers all of it with portal.html. */
export const portalRouter = createBrowserRouter([
  {
    path: '/portal/:workspace',
    element: <PortalShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'link-expired', element: <LinkExpiredPage /> },
      { path: 'new', element: <NewRequestPage /> },
      { path: 'tickets', element: <Navigate to=".." replace /> },
      {
        path: 'tickets/:number',
        element: (
          <RequireCustomer>
            <TicketPage />
          </RequireCustomer>
        ),
      },
      { path: '*', element: <PortalNotFoundPage /> },
    ],
  },
  { path: '*', element: <NoPortalPage /> },
]);
