import { useCallback, useSyncExternalStore } from 'react';
import { readStored, writeStored } from './storage.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';

const key = 'caredesk:theme';
const dark = () => window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

export function readThemeChoice(): ThemeChoice {
  const v = readStored(key);
  return v === 'light' || v === 'dark' ? v : 'system';
}

/** Puts the chosen (or the system's) theme on <html>, where the stylesheet's variables follow it. */
export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  document.documentElement.dataset.theme = choice === 'system' ? (dark().matches ? 'dark' : 'light') : choice;
}

/** Applies the theme before the first paint and follows the system while no choice is made. */
export function startTheme(): void {
  applyTheme();
  dark().addEventListener('change', () => applyTheme());
}

function setThemeChoice(choice: ThemeChoice): void {
  writeStored(key, choice === 'system' ? null : choice);
  applyTheme(choice);
  listeners.forEach((l) => l());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The agent's theme choice on this device, and a way to change it. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, readThemeChoice);
  return [choice, useCallback(setThemeChoice, [])];
}
