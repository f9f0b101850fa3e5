/**
 * The customer's side of session codes: join the code's portal room with an
 * empty doc and wait a bounded time for a rep's client to say the code is
 * open. Nobody answering within the wait means the code is wrong, spent or
 * expired — the page says so instead of hanging. Found, the page stays in
 * the room: the customer's intake waits there for the rep, who accepts it
 * (the join link arrives sealed to this page's key) or rejects it.
 */
import * as Y from 'yjs'
import { parsePortalLink, type PortalLink } from '../../doc/portal'
import { isPortalOpen, observePortal, readPortalAnswer, writePortalIntake } from '../../doc/portalIntake'
import { derivePortalRoom, normalizePortalCode } from '../../net/portalRoom'
import { randomId } from '../../net/roomKeys'
import { createSealingKeys, openSealed } from '../../net/sealedBox'
import { createDeviceSigningKeys } from '../../net/sessionAuthority'
import type { CustomerIdentity } from '../../store/profile'
import type { NetworkHub } from '../shell/networkHub'
import { joinHash, parseRoute } from '../shell/routes'
import type { IntakeForm } from './customerSession'

/** How long to wait for an answer: a rep in the room is found in 1–3 s (signaling, ICE, one sync round); past this nobody is announcing the code. */
export const PORTAL_LOOKUP_TIMEOUT_MS = 8_000
/** Extra wait once a peer link is up but its sync has not delivered yet (a slow network, not a wrong code). */
export const PORTAL_LOOKUP_GRACE_MS = 4_000

/** How a lookup ended. */
export type PortalLookupResult =
  /** A rep's client announces the code: the page is in its room, ready to send the intake. */
  | { status: 'found'; visit: PortalVisit }
  /** Not a possible code (length or symbols): said at once, no network used. */
  | { status: 'malformed' }
  /** Nobody answered (wrong, spent or expired code). */
  | { status: 'notFound' }
  /** The page never reached the signaling server nor any peer. */
  | { status: 'offline' }
  | { status: 'cancelled' }

/** How an intake sent through the portal ended. */
export type PortalOutcome =
  /** The rep accepted: the session's join link and the identity whose key the session is bound to. */
  | { status: 'accepted'; link: PortalLink; identity: CustomerIdentity }
  /** The rep rejected this intake. */
  | { status: 'rejected' }
  /** The rep accepted someone else's intake (the code is spent). */
  | { status: 'closed' }
  /** The code stopped being offered (expired, or the rep's client left) before an answer. */
  | { status: 'expired' }
  | { status: 'cancelled' }

/** A page in a code's portal room. */
export interface PortalVisit {
  /** Sends the intake and waits (as long as the rep takes) for the answer. Leaves the room once answered. */
  submit(form: IntakeForm, signal?: AbortSignal): Promise<PortalOutcome>
  leave(): void
}

/** How long the offer may be missing before the code counts as gone (a rep's client puts back an offer a peer deleted at once). */
export const PORTAL_CLOSED_GRACE_MS = 3_000

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
  const leave = (): void => {
    connection.destroy()
    hub.release(connection)
    doc.destroy()
  }
  const result = await new Promise<PortalLookupResult>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      let extended = false
      const finish = (result: PortalLookupResult): void => {
        clearTimeout(timer)
        doc.off('update', check)
        options.signal?.removeEventListener('abort', cancel)
        resolve(result)
      }
      function check(): void {
        if (isPortalOpen(doc)) finish({ status: 'found', visit: makeVisit(doc, leave) })
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
  if (result.status !== 'found') leave()
  return result
}

/** A visit of the portal doc `doc`; `leave` leaves its room. */
function makeVisit(doc: Y.Doc, leave: () => void): PortalVisit {
  let left = false
  const leaveOnce = (): void => {
    if (left) return
    left = true
    leave()
  }
  return {
    leave: leaveOnce,
    async submit(form, signal) {
      // The device key is made here: the rep binds the session to it on accept, before this page joins the session.
      const [signing, sealing] = await Promise.all([createDeviceSigningKeys(), createSealingKeys()])
      const identity: CustomerIdentity = { customerId: randomId(), name: form.name.trim(), signingKey: signing.privateKey, publicKey: signing.publicKey }
      const id = randomId()
      if (left) return { status: 'cancelled' }
      writePortalIntake(doc, { id, customerId: identity.customerId, customerName: identity.name, request: form.request, system: form.system, publicKey: signing.publicKey, sealKey: sealing.publicKey, at: Date.now() })
      const outcome = await new Promise<PortalOutcome>((resolve) => {
        let closedTimer: ReturnType<typeof setTimeout> | undefined
        let opening = false
        const finish = (result: PortalOutcome): void => {
          clearTimeout(closedTimer)
          stopObserving()
          signal?.removeEventListener('abort', cancel)
          resolve(result)
        }
        function cancel(): void {
          finish({ status: 'cancelled' })
        }
        const check = (): void => {
          const answer = readPortalAnswer(doc, id)
          if (answer?.state === 'rejected' || answer?.state === 'closed') return finish({ status: answer.state })
          if (answer?.state === 'accepted' && answer.sealed && !opening) {
            opening = true
            void openSealed(sealing.privateKey, answer.sealed, id).then((text) => {
              opening = false
              const link = text === undefined ? undefined : parsePortalLink(parseJson(text))
              // Sealed by anyone who saw this intake: at least it must open a session (the session page then names the verified rep).
              if (link && isJoinable(link)) finish({ status: 'accepted', link, identity })
            })
            return
          }
          if (isPortalOpen(doc)) {
            clearTimeout(closedTimer)
            closedTimer = undefined
          } else closedTimer ??= setTimeout(() => (isPortalOpen(doc) || readPortalAnswer(doc, id) ? undefined : finish({ status: 'expired' })), PORTAL_CLOSED_GRACE_MS)
        }
        const stopObserving = observePortal(doc, check)
        signal?.addEventListener('abort', cancel)
        check()
      })
      leaveOnce()
      return outcome
    },
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}


/** Opens the session found by a code, replacing the portal in history (Back does not return to a spent code). */
export function openPortalSession(link: PortalLink, target: Pick<Location, 'replace'> = location): void {
  target.replace(joinHash(link.sessionId, link.key, 'portal', link.authority))
}
