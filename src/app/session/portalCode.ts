/**
 * The rep's side of session codes. A new session gets a short code (kept in
 * the rep doc); while it is valid, every open rep client of the session sits
 * in the code's portal room with a throwaway doc holding the join link. The
 * code is spent on first use — when the customer's intake arrives, whichever
 * way they came — or after PORTAL_CODE_TTL_MS: the client empties the portal
 * doc (peers still there get the deletion), leaves the room and forgets the
 * code. No server keeps any state: an unanswered room is an expired code.
 */
import * as Y from 'yjs'
import { readIntake } from '../../doc/intake'
import {
  clearPortalCode,
  clearPortalLink,
  readIntakeVia,
  readPortalCode,
  readPortalLink,
  setSessionPortal,
  writePortalCode,
  writePortalLink,
  type PortalCodeRecord,
  type PortalLink,
} from '../../doc/portal'
import { LOCAL } from '../../doc/schema'
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

/** A running announcement. */
export interface PortalAnnouncement {
  /** The customer's intake arrived: the code is spent (and a `portal` hint is adopted). */
  customerJoined(): void
  /** Leaves the room without spending the code (the session is closing on this device). */
  stop(): void
}

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
  let timer: ReturnType<typeof setTimeout> | undefined
  let room: { doc: Y.Doc; connection: DocConnection } | undefined

  const leave = (): void => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (!room) return
    clearPortalLink(room.doc)
    room.connection.destroy()
    hub.release(room.connection)
    room.doc.destroy()
    room = undefined
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
  }

  const record = readPortalCode(repDoc)
  if (!record) return announcement
  if (readIntake(customerDoc, 'customer') || readIntake(repDoc, 'rep') || record.expiresAt <= now()) {
    announcement.customerJoined()
    return announcement
  }
  timer = setTimeout(spend, record.expiresAt - now())
  void joinPortalRoom(hub, record.code, link, () => stopped)
    .then((joined) => {
      if (!joined) return
      if (stopped) {
        joined.connection.destroy()
        hub.release(joined.connection)
        joined.doc.destroy()
      } else room = joined
    })
    .catch((cause: unknown) => console.warn('could not announce the session code', cause))
  return announcement
}

/** Joins the code's room with a doc holding `link`, and keeps the link there if a peer alters it. */
async function joinPortalRoom(hub: PortalHub, code: string, link: PortalLink, stopped: () => boolean): Promise<{ doc: Y.Doc; connection: DocConnection } | undefined> {
  const portalRoom = await derivePortalRoom(code)
  if (stopped()) return undefined
  const doc = new Y.Doc()
  writePortalLink(doc, link)
  // Anyone with the code can write in the room; restore our link after a peer's edit (in a later tick, not inside its transaction).
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL) return
    queueMicrotask(() => {
      if (stopped()) return
      const current = readPortalLink(doc)
      if (current?.sessionId !== link.sessionId || current.key !== link.key || current.authority !== link.authority) writePortalLink(doc, link)
    })
  })
  const connection = await hub.connect(doc, 'portal', portalRoom.id, portalRoom.key)
  return { doc, connection }
}

/**
 * Runs the session's relay together with its code announcement — both only
 * while this rep is visible, so a hidden rep's client never answers in the
 * portal room. The intake reaching the rep doc spends the code. Returns a stop function.
 */
export function relayWithPortalCode(hub: PortalHub, session: PortalSession, onCustomerJoined: () => void): () => void {
  const portal = announcePortalCode(hub, session)
  const stopRelay = relayDocs(session.customerDoc, session.repDoc, () => {
    portal.customerJoined()
    onCustomerJoined()
  })
  return () => {
    stopRelay()
    portal.stop()
  }
}
