import { useDraft } from '../../lib/use-draft.ts';

// useDraft keeps its text under this prefix; the portal's drafts are the ones below `portal:<workspace>:`.
const draftPrefix = 'caredesk:draft:';
const portalDraft = (ws: string, what: string) => `portal:${ws}:${what}`;

/** A note or request being written, kept in this browser through reloads and lost connections. */
export const usePortalDraft = (ws: string, what: string) => useDraft(portalDraft(ws, what));

/** On logout: a shared computer keeps nothing the customer was writing. */
export function forgetPortalDrafts(ws: string): void {
  try {
    const prefix = draftPrefix + portalDraft(ws, '');
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k?.startsWith(prefix) ?? false);
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // Storage unavailable: there were no drafts kept either.
  }
}
