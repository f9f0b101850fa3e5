/**
 * The rep's side of session codes. A new session gets a short code (kept in
 * the rep doc); while it is valid, every open rep client of the session sits
 * in the code's portal room, where customer pages that typed the code leave
 * their intake (src/doc/portalIntake.ts). The rep sees each one's name and
 * request and accepts or rejects it: an accepted intake gets the join link
 * sealed to its key, and the session is bound to that customer's device key
 * before they arrive; a rejected one gets nothing (no key, no session id) and
 * the code keeps working. The code is spent on accept — or when a customer
 * who had the join link itself arrives first, or after PORTAL_CODE_TTL_MS:
 * the client closes the offer, leaves the room and forgets the code. No server
 * keeps any state: an unanswered room is an expired code.
 */
import * as Y from 'yjs'
import { readIntake } from '../../doc/intake'
import { clearPortalCode, readIntakeVia, readPortalCode, setSessionPortal, writePortalCode, type PortalCodeRecord, type PortalLink } from '../../doc/portal'
import { clearPortalOffer, isPortalOpen, observePortal, readPortalIntake, readWaitingIntakes, setPortalOpen, writePortalAnswers, type PortalIntake } from '../../doc/portalIntake'
import { acceptCustomer, readCustomerBinding } from '../../doc/customerBinding'
import { RELAY } from '../../doc/schema'
import type { DocConnection } from '../../net/connectDoc'
import { derivePortalRoom, generatePortalCode } from '../../net/portalRoom'
import type { NetworkHub } from '../shell/networkHub'
import { relayDocs } from './relayDocs'

export { formatPortalCode } from '../../net/portalRoom'

/** How long a code works: time to read it out and type it over the phone, short enough that a noted or overheard code is soon useless. */
export const PORTAL_CODE_TTL_MS = 15 * 60_000

/** What announcing needs from the network hub. */
export type PortalHub = Pick<NetworkHub, 'connect' | 'release'>

/** The session an announcement is for. */
export interface PortalSession {
  repDoc: Y.Doc
  customerDoc: Y.Doc
  link: PortalLink
}

/** Intakes waiting for the rep's answer in the portal room. */
export interface WaitingIntakes {
  intakes: PortalIntake[]
  /** Valid intakes past the shown limit (a flood). */
  ignored: number
}

/** A running announcement. */
export interface PortalAnnouncement {
  /** The customer's intake reached the session: the code is spent (and a `portal` hint is adopted). */
  customerJoined(): void
  /** Leaves the room without spending the code (the session is closing on this device). */
  stop(): void
  /** Intakes waiting for an answer, as they change. Returns a stop function. */
  onWaiting(listener: (waiting: WaitingIntakes) => void): () => void
  /** Accepts intake `id`: binds the session to that customer, hands them the join link sealed to their key, spends the code. False when it cannot (gone, or the session is already bound). */
  accept(id: string): Promise<boolean>
  /** Rejects intake `id`: that page gets nothing of the session; the code keeps working. */
  reject(id: string): void
}

/** How long the room stays open after an accept for the answer to reach the customer's page (they leave as soon as they read it). */
export const ACCEPTED_GRACE_MS = 60_000

/** Gives a brand-new session its code, valid until `now + PORTAL_CODE_TTL_MS`. */
export function assignPortalCode(repDoc: Y.Doc, now: number = Date.now(), code: string = generatePortalCode()): PortalCodeRecord {
  const record = { code, expiresAt: now + PORTAL_CODE_TTL_MS }
  writePortalCode(repDoc, record)
  return record
}

/**
 * Copies the customer's `via: portal` hint into `meta.portal` of both docs
 * (the Details panel then says "Portal (session code)"). Only the two known
 * values are accepted: the hint is the customer's word, shown as such.
 */
export function adoptEntryWay(repDoc: Y.Doc, customerDoc: Y.Doc): void {
  if (readIntakeVia(customerDoc) !== 'portal') return
  setSessionPortal(repDoc, 'portal')
  setSessionPortal(customerDoc, 'portal')
}

/** Announces the session's code in its portal room until it is spent or expires. `now` is injectable for tests. */
export function announcePortalCode(hub: PortalHub, session: PortalSession, now: () => number = Date.now): PortalAnnouncement {
  const { repDoc, customerDoc, link } = session
  let stopped = false
  let accepted = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let room: { doc: Y.Doc; connection: DocConnection; stopObserving: () => void } | undefined
  const listeners = new Set<(waiting: WaitingIntakes) => void>()
  const waiting = (): WaitingIntakes => (room && !stopped ? readWaitingIntakes(room.doc) : { intakes: [], ignored: 0 })
  const tell = (): void => {
    const current = waiting()
    listeners.forEach((listener) => listener(current))
  }

  const leave = (): void => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (room) {
      room.stopObserving()
      clearPortalOffer(room.doc)
      room.connection.destroy()
      hub.release(room.connection)
      room.doc.destroy()
      room = undefined
    }
    tell()
  }
  const spend = (): void => {
    leave()
    clearPortalCode(repDoc)
  }
  const announcement: PortalAnnouncement = {
    customerJoined() {
      adoptEntryWay(repDoc, customerDoc)
      spend()
    },
    stop: leave,
    onWaiting(listener) {
      listeners.add(listener)
      listener(waiting())
      return () => listeners.delete(listener)
    },
    async accept(id) {
      const doc = room?.doc
      const intake = doc && readPortalIntake(doc, id)
      if (!doc || !intake || stopped) return false
      if (!acceptCustomer(repDoc, { customerId: intake.customerId, publicKey: intake.publicKey }, RELAY)) return false
      accepted = true
      setSessionPortal(repDoc, 'portal')
      setSessionPortal(customerDoc, 'portal', RELAY)
      clearPortalCode(repDoc) // spent: no one else can use it, whatever happens next
      // Sealing is needed only at an accept: its code is fetched then, not at the console's start (issue 20, bundles).
      const { seal } = await import('../../net/sealedBox')
      const sealed = await seal(intake.sealKey, intake.id, JSON.stringify(link))
      if (!room || room.doc !== doc) return true
      const others = readWaitingIntakes(doc).intakes.filter((other) => other.id !== id)
      writePortalAnswers(doc, [{ id, state: 'accepted', sealed }, ...others.map((other) => ({ id: other.id, state: 'closed' as const }))])
      clearPortalOffer(doc)
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(spend, ACCEPTED_GRACE_MS)
      return true
    },
    reject(id) {
      const doc = room?.doc
      if (!doc || stopped || !readPortalIntake(doc, id)) return
      writePortalAnswers(doc, [{ id, state: 'rejected' }])
    },
  }

  const record = readPortalCode(repDoc)
  if (!record) return announcement
  if (readIntake(customerDoc, 'customer') || readIntake(repDoc, 'rep') || readCustomerBinding(repDoc) || record.expiresAt <= now()) {
    announcement.customerJoined()
    return announcement
  }
  timer = setTimeout(spend, record.expiresAt - now())
  // A team mate accepted (the code left the rep doc): this client stops offering it too.
  const onRepMeta = (): void => {
    if (!stopped && !readPortalCode(repDoc) && readCustomerBinding(repDoc)) {
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(leave, ACCEPTED_GRACE_MS)
    }
  }
  repDoc.getMap('meta').observe(onRepMeta)
  void joinPortalRoom(hub, record.code, () => stopped)
    .then((joined) => {
      if (!joined) return
      if (stopped) {
        joined.connection.destroy()
        hub.release(joined.connection)
        joined.doc.destroy()
      } else {
        const { doc } = joined
        // Anyone with the code can write in the room: put the offer back after a peer's edit (in a later tick, not inside its transaction).
        const onPortal = (): void => {
          if (!accepted && !isPortalOpen(doc)) queueMicrotask(() => !stopped && !accepted && setPortalOpen(doc, true))
          tell()
        }
        room = { ...joined, stopObserving: observePortal(doc, onPortal) }
        tell()
      }
    })
    .catch((cause: unknown) => console.warn('could not announce the session code', cause))
  const stopAll = announcement.stop
  announcement.stop = () => {
    repDoc.getMap('meta').unobserve(onRepMeta)
    stopAll()
  }
  return announcement
}

/** Joins the code's room with a doc that says the code is open for intakes. */
async function joinPortalRoom(hub: PortalHub, code: string, stopped: () => boolean): Promise<{ doc: Y.Doc; connection: DocConnection } | undefined> {
  const portalRoom = await derivePortalRoom(code)
  if (stopped()) return undefined
  const doc = new Y.Doc()
  setPortalOpen(doc, true)
  const connection = await hub.connect(doc, 'portal', portalRoom.id, portalRoom.key)
  return { doc, connection }
}

/** The relay and the code announcement of a visible rep's session. */
export interface PortalRelay {
  stop(): void
  portal: PortalAnnouncement
}

/**
 * Runs the session's relay together with its code announcement — both only
 * while this rep is visible, so a hidden rep's client never answers in the
 * portal room. The intake reaching the rep doc spends the code (if no accept did).
 */
export function relayWithPortalCode(hub: PortalHub, session: PortalSession, onCustomerJoined: () => void): PortalRelay {
  const portal = announcePortalCode(hub, session)
  const stopRelay = relayDocs(session.customerDoc, session.repDoc, () => {
    portal.customerJoined()
    onCustomerJoined()
  })
  return {
    portal,
    stop() {
      stopRelay()
      portal.stop()
    },
  }
}
