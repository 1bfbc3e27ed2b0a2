import { createBrowserRouter, Navigate } from 'react-router';
import { AdminLayout } from '../features/admin/components/admin-layout.tsx';
import { MailTemplatesPage } from '../features/admin/components/mail-templates-page.tsx';
import { OutboxMailPage } from '../features/admin/components/outbox-mail-page.tsx';
import { OutboxPage } from '../features/admin/components/outbox-page.tsx';
import { CicDashboardPage } from '../features/cic/components/cic-dashboard-page.tsx';
import { CustomerImportPage } from '../features/customers/components/customer-import-page.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { SearchPage } from '../features/search/components/search-page.tsx';
import { SetupPage } from '../features/setup/components/setup-page.tsx';
import { CreateTicketPage } from '../features/tickets/components/create-ticket-page.tsx';
import { TicketPage } from '../features/tickets/components/ticket-page.tsx';
import { TicketsPage } from '../features/tickets/components/tickets-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { RequireAgent, RequireSetupDone, RequireSetupNeeded } from './guards.tsx';
import { NotFoundPage } from './not-found-page.tsx';

export const router = createBrowserRouter([
  {
    path: '/setup',
    element: (
      <RequireSetupNeeded>
        <SetupPage />
      </RequireSetupNeeded>
    ),
  },
  {
    path: '/sign-in',
    element: (
      <RequireSetupDone>
        <SignInPage />
      </RequireSetupDone>
    ),
  },
  // Public: the one-time link mailed to an invited agent, or to one whose password is reset, opens here.
  { path: '/set-password', lazy: async () => ({ Component: (await import('../features/auth/components/set-password-page.tsx')).SetPasswordPage }) },
  {
    path: '/',
    element: (
      <RequireAgent>
        <AppLayout />
      </RequireAgent>
    ),
    children: [
      { index: true, element: <Navigate to="/tickets" replace /> },
      { path: 'tickets', element: <TicketsPage /> },
      { path: 'tickets/new', element: <CreateTicketPage /> },
      { path: 'tickets/:number', element: <TicketPage /> },
      { path: 'search', element: <SearchPage /> },
      {
        // Loaded when first opened: the charts bring their own library, which the ticket pages never need.
        path: 'reports',
        lazy: async () => ({ Component: (await import('../features/reports/components/reports-layout.tsx')).ReportsLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/reports/components/overview-page.tsx')).OverviewPage }) },
          { path: 'activity', lazy: async () => ({ Component: (await import('../features/reports/components/activity-page.tsx')).ActivityPage }) },
        ],
      },
      { path: 'customers/import', element: <CustomerImportPage /> },
      { path: 'customers/:id', element: <CicDashboardPage key="customer" kind="customer" /> },
      { path: 'customer-users/:id', element: <CicDashboardPage key="customer_user" kind="customer_user" /> },
      {
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <Navigate to="/admin/settings" replace /> },
          { path: 'outbox', element: <OutboxPage /> },
          { path: 'outbox/:id', element: <OutboxMailPage /> },
          { path: 'mail-templates', element: <MailTemplatesPage /> },
          { path: 'mail-templates/:template', element: <MailTemplatesPage /> },
          // Loaded when first opened: agents rarely need them, and the calendar rules bring their own time-zone library.
          { path: 'calendars', lazy: async () => ({ Component: (await import('../features/admin/components/calendars-page.tsx')).CalendarsPage }) },
          { path: 'sla-policies', lazy: async () => ({ Component: (await import('../features/admin/components/sla-policies-page.tsx')).SlaPoliciesPage }) },
          { path: 'escalation', lazy: async () => ({ Component: (await import('../features/admin/components/escalation-page.tsx')).EscalationPage }) },
          { path: 'routing', lazy: async () => ({ Component: (await import('../features/admin/components/routing-page.tsx')).RoutingPage }) },
          { path: 'inbound-mail', lazy: async () => ({ Component: (await import('../features/admin/components/inbound-mail-page.tsx')).InboundMailPage }) },
          { path: 'imap-mailboxes', lazy: async () => ({ Component: (await import('../features/admin/components/imap-mailboxes-page.tsx')).ImapMailboxesPage }) },
          { path: 'departments', lazy: async () => ({ Component: (await import('../features/admin/components/departments-page.tsx')).DepartmentsPage }) },
          { path: 'agents', lazy: async () => ({ Component: (await import('../features/admin/components/agents-page.tsx')).AgentsPage }) },
          { path: 'api-keys', lazy: async () => ({ Component: (await import('../features/admin/components/api-keys-page.tsx')).ApiKeysPage }) },
          { path: 'webhooks', lazy: async () => ({ Component: (await import('../features/admin/components/webhooks-page.tsx')).WebhooksPage }) },
          { path: 'jobs', lazy: async () => ({ Component: (await import('../features/admin/components/jobs-page.tsx')).JobsPage }) },
          { path: 'system', lazy: async () => ({ Component: (await import('../features/admin/components/system-page.tsx')).SystemPage }) },
          { path: 'audit-log', lazy: async () => ({ Component: (await import('../features/admin/components/audit-log-page.tsx')).AuditLogPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../features/admin/components/settings-page.tsx')).SettingsPage }) },
          { path: 'categories', lazy: async () => ({ Component: (await import('../features/admin/components/categories-page.tsx')).CategoriesPage }) },
          { path: 'ticket-fields', lazy: async () => ({ Component: (await import('../features/admin/components/ticket-fields-page.tsx')).TicketFieldsPage }) },
          { path: 'channels', lazy: async () => ({ Component: (await import('../features/admin/components/channels-page.tsx')).ChannelsPage }) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
