/**
 * Debug-only flood for the portal browser test (tests/e2e/portalQueue.spec.ts): this page, on a portal's
 * request page, writes many well-formed requests sealed to the portal — all from its one document, as
 * one hostile peer would; and sets the in-clear `closed` marks of other customers' requests. `window.asistePortalFlood`.
 */
import type * as Y from 'yjs'
import { closeRequest, isClosed, readRawRequests, writeRawRequest } from '../../doc/portalQueue'
import { createSealKeys, deriveRequestKey, sealJson } from '../../net/portalSeal'
import { randomId } from '../../net/roomKeys'
import { roomDocs } from '../shell/debugRegistry'
import { parseRoute } from '../shell/routes'
import { requestAad } from '../queue/requestState'

/** What `window.asistePortalFlood` offers. */
export interface PortalFloodHooks {
  /** Writes `count` sealed requests into this page's portal room; returns how many were written. */
  floodRequests(count: number): Promise<number>
  /** Sets the in-clear `closed` mark on every request of the room; returns how many. */
  closeAll(): number
  /** How many requests of the room carry no `closed` mark. */
  openCount(): number
}

declare global {
  interface Window {
    asistePortalFlood?: PortalFloodHooks
  }
}

/** Installs the hook (the caller checked `debug=1`). */
function room(): Y.Doc | undefined {
  const route = parseRoute(location.hash)
  return route.page === 'request' ? roomDocs.get(`queue:${route.portalId}`) : undefined
}

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
    closeAll() {
      const doc = room()
      if (!doc) return 0
      const ids = readRawRequests(doc).map((request) => request.requestId)
      for (const id of ids) closeRequest(doc, id, Date.now())
      return ids.length
    },
    openCount() {
      const doc = room()
      return doc ? readRawRequests(doc).filter((request) => !isClosed(doc, request.requestId)).length : 0
    },
  }
}
