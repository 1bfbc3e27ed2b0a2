import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from '../../i18n/locales/common.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { readStored, writeStored } from '../../lib/storage.ts';
import * as portal from './portal.ts';

// The shared words (statuses, errors, validation) worded for a customer where the agent's wording
// would not fit; the portal never loads the agent app's other namespaces.
const customerCommon = {
  en: { ...common.en, apiError: { ...common.en.apiError, forbidden: 'This is not possible for your account.', precondition_failed: 'This ticket changed in the meantime.' } },
  id: { ...common.id, apiError: { ...common.id.apiError, forbidden: 'Ini tidak dapat dilakukan dengan akun Anda.', precondition_failed: 'Tiket ini telah berubah sementara itu.' } },
};

const resources = {
  en: { common: customerCommon.en, portal: portal.en },
  id: { common: customerCommon.id, portal: portal.id },
};

const storedKey = 'caredesk:portal:language';

/** The language this browser last chose in the portal, if any. */
export function storedPortalLanguage(): Language | null {
  const v = readStored(storedKey);
  return isLanguage(v) ? v : null;
}

/** Starts in the language last chosen here, else the browser's; the workspace's default follows once known. */
export function startPortalI18n(): void {
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedPortalLanguage() ?? (navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en'),
    fallbackLng: 'en',
    ns: ['common', 'portal'],
    // As in the agent app (and its types): the shared ui pieces read `common` without naming it.
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes what it renders
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
}

/** Shows the portal in a language; `remember` keeps it as this browser's choice. */
export function showPortalIn(language: Language, remember = false): void {
  if (remember) writeStored(storedKey, language);
  document.documentElement.lang = language;
  if (i18next.language !== language) void i18next.changeLanguage(language);
}
