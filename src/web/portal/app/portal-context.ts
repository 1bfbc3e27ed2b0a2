import { createContext, useContext } from 'react';
import type { PortalConfig, PortalMe } from '../../../contract/portal.ts';

export interface Portal {
  /** The workspace's slug, from the address. */
  ws: string;
  config: PortalConfig;
  /** The signed-in customer user, or null. */
  me: PortalMe | null;
  /** The portal's home: the ticket list when signed in, the request-link page otherwise. */
  home: string;
}

export const PortalContext = createContext<Portal | null>(null);

/** The portal around a page: inside the shell, its config and session are loaded. */
export function usePortal(): Portal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal is used outside the portal shell');
  return portal;
}
