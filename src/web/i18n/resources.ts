import * as admin from './locales/admin.ts';
import * as auth from './locales/auth.ts';
import * as cic from './locales/cic.ts';
import * as common from './locales/common.ts';
import * as create from './locales/create.ts';
import * as customers from './locales/customers.ts';
import * as dashboard from './locales/dashboard.ts';
import * as notifications from './locales/notifications.ts';
import * as reports from './locales/reports.ts';
import * as search from './locales/search.ts';
import * as ticket from './locales/ticket.ts';
// Types only: the customer portal loads its words in its own bundle (src/web/portal/i18n).
import type * as portal from '../portal/i18n/portal.ts';

/** One namespace per part of the app, so each file stays small and has one owner. */
const namespaces = { common, auth, ticket, dashboard, create, search, notifications, admin, cic, customers, reports };

type Namespaces = typeof namespaces;
type English = { [N in keyof Namespaces]: Namespaces[N]['en'] };

const pick = <L extends 'en' | 'id'>(language: L) =>
  Object.fromEntries(Object.entries(namespaces).map(([name, dictionaries]) => [name, dictionaries[language]])) as unknown as English;

export const resources = { en: pick('en'), id: pick('id') };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: English & { portal: typeof portal.en };
  }
}
