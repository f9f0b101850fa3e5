/**
 * Debug-only flood for the portal browser test (tests/e2e/portalQueue.spec.ts): this page, on a portal's
 * request page, writes many well-formed requests sealed to the portal — all from its one document, as
 * one hostile peer would. `window.asistePortalFlood`.
 */
import { writeRawRequest } from '../../doc/portalQueue'
import { createSealKeys, deriveRequestKey, sealJson } from '../../net/portalSeal'
import { randomId } from '../../net/roomKeys'
import { roomDocs } from '../shell/debugRegistry'
import { parseRoute } from '../shell/routes'
import { requestAad } from '../queue/requestState'

/** What `window.asistePortalFlood` offers. */
export interface PortalFloodHooks {
  /** Writes `count` sealed requests into this page's portal room; returns how many were written. */
  floodRequests(count: number): Promise<number>
}

declare global {
  interface Window {
    asistePortalFlood?: PortalFloodHooks
  }
}

/** Installs the hook (the caller checked `debug=1`). */
export function installPortalFlood(): void {
  window.asistePortalFlood = {
    async floodRequests(count) {
      const route = parseRoute(location.hash)
      const doc = route.page === 'request' ? roomDocs.get(`queue:${route.portalId}`) : undefined
      if (route.page !== 'request' || !doc) return 0
      let written = 0
      for (let i = 0; i < count; i++) {
        const keys = await createSealKeys()
        const requestId = randomId()
        const key = await deriveRequestKey(keys.privateKey, route.sealKey, route.portalId, requestId)
        if (!key) continue
        const sealed = await sealJson(key, { name: `Flood ${i}`, problem: 'buy cheap watches', fields: {}, system: {} }, requestAad(requestId))
        writeRawRequest(doc, { requestId, pub: keys.publicKey, at: Date.now() - 60_000, sealed })
        written += 1
      }
      return written
    },
  }
}
