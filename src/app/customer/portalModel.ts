/** The session-code portal's actions, as the portal page uses them. */
import type { NetworkHub } from '../shell/networkHub'
import { PORTAL_LOOKUP_TIMEOUT_MS, lookupPortalCode, openPortalSession, type PortalLookupResult } from './portalLookup'

/** Looks a code up and opens its session. */
export interface PortalModel {
  /** Longest a lookup takes before it answers (the progress bar's full width). */
  readonly timeoutMs: number
  /** Looks `code` up; on success the page moves to the session's customer page by itself. */
  connect(code: string, signal: AbortSignal): Promise<PortalLookupResult['status']>
}

/** Creates the portal model over the page's network hub. */
export function createPortalModel(hub: Pick<NetworkHub, 'connect' | 'release'>): PortalModel {
  return {
    timeoutMs: PORTAL_LOOKUP_TIMEOUT_MS,
    async connect(code, signal) {
      const result = await lookupPortalCode(hub, code, { signal }).catch(() => ({ status: 'offline' }) as const)
      if (result.status === 'found') openPortalSession(result.link)
      return result.status
    },
  }
}
