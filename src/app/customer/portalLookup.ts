/**
 * The customer's side of session codes: join the code's portal room with an
 * empty doc, wait a bounded time for a rep's client to hand over the join
 * link, leave the room, and open the session on its strong key. Nobody
 * answering within the wait means the code is wrong, spent or expired — the
 * page says so instead of hanging.
 */
import * as Y from 'yjs'
import { readPortalLink, type PortalLink } from '../../doc/portal'
import { derivePortalRoom, normalizePortalCode } from '../../net/portalRoom'
import type { NetworkHub } from '../shell/networkHub'
import { joinHash, parseRoute } from '../shell/routes'

/** How long to wait for an answer: a rep in the room is found in 1–3 s (signaling, ICE, one sync round); past this nobody is announcing the code. */
export const PORTAL_LOOKUP_TIMEOUT_MS = 8_000
/** Extra wait once a peer link is up but its sync has not delivered yet (a slow network, not a wrong code). */
export const PORTAL_LOOKUP_GRACE_MS = 4_000

/** How a lookup ended. */
export type PortalLookupResult =
  | { status: 'found'; link: PortalLink }
  /** Not a possible code (length or symbols): said at once, no network used. */
  | { status: 'malformed' }
  /** Nobody answered (wrong, spent or expired code). */
  | { status: 'notFound' }
  /** The page never reached the signaling server nor any peer. */
  | { status: 'offline' }
  | { status: 'cancelled' }

/** Options of a lookup; the timings are for tests. */
export interface LookupOptions {
  signal?: AbortSignal
  timeoutMs?: number
  graceMs?: number
}

/** Whether a link read from the portal room opens a session (a peer could write anything there). */
function isJoinable(link: PortalLink): boolean {
  return parseRoute(joinHash(link.sessionId, link.key, 'link', link.authority)).page === 'join'
}

/** Looks a typed session code up in its portal room. Always settles within timeout + grace. */
export async function lookupPortalCode(hub: Pick<NetworkHub, 'connect' | 'release'>, input: string, options: LookupOptions = {}): Promise<PortalLookupResult> {
  const code = normalizePortalCode(input)
  if (!code) return { status: 'malformed' }
  const room = await derivePortalRoom(code)
  if (options.signal?.aborted) return { status: 'cancelled' }
  const doc = new Y.Doc()
  const connection = await hub.connect(doc, 'portal', room.id, room.key)
  try {
    return await new Promise<PortalLookupResult>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      let extended = false
      const finish = (result: PortalLookupResult): void => {
        clearTimeout(timer)
        doc.off('update', check)
        options.signal?.removeEventListener('abort', cancel)
        resolve(result)
      }
      function check(): void {
        const link = readPortalLink(doc)
        if (link && isJoinable(link)) finish({ status: 'found', link })
      }
      function cancel(): void {
        finish({ status: 'cancelled' })
      }
      const onTimeout = (): void => {
        const snapshot = connection.snapshot()
        if (!extended && snapshot.peers > 0) {
          extended = true
          timer = setTimeout(onTimeout, options.graceMs ?? PORTAL_LOOKUP_GRACE_MS)
          return
        }
        finish(snapshot.state === 'online' || snapshot.peers > 0 ? { status: 'notFound' } : { status: 'offline' })
      }
      doc.on('update', check)
      options.signal?.addEventListener('abort', cancel)
      timer = setTimeout(onTimeout, options.timeoutMs ?? PORTAL_LOOKUP_TIMEOUT_MS)
      check()
    })
  } finally {
    // Leave at once: a customer who stayed would keep serving the link to the next one who types the code.
    connection.destroy()
    hub.release(connection)
    doc.destroy()
  }
}

/** Opens the session found by a code, replacing the portal in history (Back does not return to a spent code). */
export function openPortalSession(link: PortalLink, target: Pick<Location, 'replace'> = location): void {
  target.replace(joinHash(link.sessionId, link.key, 'portal', link.authority))
}
