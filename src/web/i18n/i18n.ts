import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStored, writeStored } from '../lib/storage.ts';
import { currentLanguage, isLanguage, type Language } from './languages.ts';
import { resources } from './resources.ts';

export { currentLanguage, currentLocale, type Language, languageNames, languages } from './languages.ts';

const deviceKey = 'caredesk:language';
const agentKey = (agentId: number) => `caredesk:language:agent:${agentId}`;

function stored(key: string): Language | null {
  const v = readStored(key);
  return isLanguage(v) ? v : null;
}

/** Before anyone signs in: the language last used on this device, else the browser's. */
function deviceLanguage(): Language {
  return stored(deviceKey) ?? (navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en');
}

export function startI18n(): void {
  void i18next.use(initReactI18next).init({
    resources,
    lng: deviceLanguage(),
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes what it renders
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
}

/** Switches the app's language and remembers it for this agent (and as this device's default). */
export function setLanguage(language: Language, agentId?: number): void {
  writeStored(deviceKey, language);
  if (agentId !== undefined) writeStored(agentKey(agentId), language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/**
 * When an agent signs in: the language they chose (kept on the server, so it follows them to any
 * device), else the one they last used in this browser, else the workspace's default.
 */
export function applyAgentLanguage(agentId: number, chosen: Language | null, workspaceDefault: Language): void {
  const language = chosen ?? stored(agentKey(agentId)) ?? workspaceDefault;
  if (language !== currentLanguage()) setLanguage(language, agentId);
}
