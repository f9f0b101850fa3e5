/**
 * A session on a rep's device: local copies first (IndexedDB), then the rep
 * room, then — only while the rep is visible — the customer room and the
 * relay between the two documents. A hidden rep never joins the customer
 * room, so nothing of them (peer, awareness, writes) reaches the customer.
 */
import { createSignal, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import { initCustomerDoc, initRepDoc, readRepSessionMeta, writeSessionAuthority } from '../../doc/session'
import { createSessionAuthority } from '../../net/sessionAuthority'
import { attendeesMap, putAttendee, readAttendees } from '../../doc/attendees'
import { appendStatusNote } from '../../doc/transcript'
import { repWriter } from './writers'
import { RELAY } from '../../doc/schema'
import { migrateDoc } from '../../doc/migrations'
import { t } from '../../i18n/i18n'
import { deriveRepKey, randomId, randomKey } from '../../net/roomKeys'
import type { DocConnection } from '../../net/connectDoc'
import { docDatabaseName, persistDoc, type DocStore } from '../../store/persistDoc'
import type { RepProfile, TeamMembership } from '../../store/profile'
import { assignPortalCode, relayWithPortalCode } from './portalCode'
import { watchPresence } from './presenceNotes'
import { trackReceipts } from './receiptTracker'
import { localPendingStore, trackSyncMarks, type SyncMarks } from './syncMarks'
import { waitFor } from '../shell/waitFor'
import { afterPaint } from '../shell/afterPaint'
import type { NetworkHub } from '../shell/networkHub'

/** How long a rep joining a session waits for its rep doc to arrive from team mates. */
export const JOIN_TIMEOUT_MS = 20_000

/** The customer room while this rep is visible. */
export interface CustomerLink {
  connection: DocConnection
}

/** An open session on the rep's side. */
export interface RepSession {
  sessionId: string
  teamId: string
  customerKey: string
  repDoc: Y.Doc
  customerDoc: Y.Doc
  repConnection: DocConnection
  /** Notes and status changes made here that no rep peer holds yet ("waiting to sync"). */
  sync: Pick<SyncMarks, 'waiting'>
  /** The customer room, or undefined while this rep is hidden. */
  customer: Accessor<CustomerLink | undefined>
  /** Shows this rep to the customer (joins the customer room) or hides them (leaves it). */
  setHidden(hidden: boolean): Promise<void>
  close(): Promise<void>
}

/** What opening needs from the workspace. */
export interface OpenContext {
  profile: RepProfile
  team: TeamMembership
  hub: Pick<NetworkHub, 'connect' | 'release'>
  /** Called when the customer's intake reaches the rep doc. */
  onCustomerJoined(sessionId: string): void
}

/** A document and its local database; `store` settles once the stored copy is loaded (at once, or later: see `openDocAfterPaint`). */
interface OpenDoc {
  doc: Y.Doc
  store: Promise<DocStore>
}

async function openDoc(kind: 'rep' | 'customer', sessionId: string, doc = new Y.Doc()): Promise<{ doc: Y.Doc; store: DocStore }> {
  const store = await persistDoc(doc, docDatabaseName(kind, sessionId))
  // An older local copy is brought up to date; a newer one must not be written to (History still reads it).
  if (migrateDoc(doc, kind).status === 'newer') {
    await store.close()
    doc.destroy()
    throw new Error(t('session.newerVersion'))
  }
  return { doc, store }
}

/** `openDoc` with the document at hand at once (empty) and the load waiting for the next paint. */
function openDocAfterPaint(kind: 'rep' | 'customer', sessionId: string): OpenDoc {
  const doc = new Y.Doc()
  return { doc, store: afterPaint().then(async () => (await openDoc(kind, sessionId, doc)).store) }
}

const loaded = ({ doc, store }: { doc: Y.Doc; store: DocStore }): OpenDoc => ({ doc, store: Promise.resolve(store) })

/** Creates a brand-new session: ids and keys, both documents, the opening status note. */
export async function createRepSession(context: OpenContext, now = Date.now()): Promise<RepSession> {
  const sessionId = randomId()
  const customerKey = randomKey()
  const authority = await createSessionAuthority() // signs what reps publish; its public half goes in the join link
  const { profile } = context
  const rep = await openDoc('rep', sessionId)
  const customer = await openDoc('customer', sessionId)
  initRepDoc(rep.doc, { sessionId, createdAt: now, portal: 'link', customerKey })
  writeSessionAuthority(rep.doc, authority)
  initCustomerDoc(customer.doc, { sessionId, createdAt: now, portal: 'link' })
  assignPortalCode(rep.doc, now)
  putAttendee(rep.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden: false })
  appendStatusNote(rep.doc, repWriter(profile), 'sessionStarted', { at: now })
  return startRepSession(context, sessionId, rep, loaded(customer))
}

/**
 * Reopens a session this device already holds. The rep doc (the record the view shows) is loaded first; the
 * customer doc — as large again with its signatures, and needed only by the relay and the tamper check —
 * loads after the session has painted, and the customer room is joined once it has (BENCHMARKS.md, bigSession).
 */
export async function openRepSession(context: OpenContext, sessionId: string): Promise<RepSession> {
  const rep = await openDoc('rep', sessionId)
  if (!readRepSessionMeta(rep.doc)) throw new Error(`Session ${sessionId} is not on this device`)
  return startRepSession(context, sessionId, rep, openDocAfterPaint('customer', sessionId), false)
}

/**
 * Joins a team mate's session (an accepted invitation): the rep doc arrives from the team mates in
 * the rep room; this rep is added as an attendee, visible or hidden, with a note for the right audience.
 */
export async function joinRepSession(context: OpenContext, sessionId: string, hidden: boolean): Promise<RepSession> {
  const rep = await openDoc('rep', sessionId)
  const { profile } = context
  const alreadyIn = readAttendees(rep.doc, new Set([profile.repId])).some((attendee) => attendee.id === profile.repId)
  const customer = loaded(await openDoc('customer', sessionId))
  if (!alreadyIn) {
    putAttendee(rep.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden })
    if (hidden) appendStatusNote(rep.doc, repWriter(profile), 'joined', { audience: 'reps' })
  }
  return startRepSession(context, sessionId, rep, customer, true, !alreadyIn && !hidden)
}

async function startRepSession(
  context: OpenContext,
  sessionId: string,
  rep: { doc: Y.Doc; store: DocStore },
  customer: OpenDoc,
  waitForCustomerRoom = true,
  announceJoin = false,
): Promise<RepSession> {
  const { profile, hub } = context
  const user = { id: profile.repId, name: profile.name, role: 'rep' as const }
  const repKey = await deriveRepKey(context.team.secret, sessionId)
  const repConnection = await hub.connect(rep.doc, 'rep', sessionId, repKey)
  repConnection.setUser(user)
  const meta = readRepSessionMeta(rep.doc) ?? (await waitFor(rep.doc, readRepSessionMeta, JOIN_TIMEOUT_MS))
  const stopReceipts = trackReceipts(rep.doc, { participantId: profile.repId, role: 'rep' }, () => false)
  const sync = trackSyncMarks(rep.doc, repConnection, localPendingStore(sessionId))
  const [link, setLink] = createSignal<CustomerLink>()
  let stopCustomer: (() => void) | undefined

  const isHidden = (): boolean => readAttendees(rep.doc, new Set([profile.repId])).find((attendee) => attendee.id === profile.repId)?.hidden === true
  let closed = false
  let joining: Promise<void> | undefined
  const joinCustomerRoom = (): Promise<void> => (joining ??= enterCustomerRoom().finally(() => (joining = undefined)))
  const enterCustomerRoom = async (): Promise<void> => {
    if (stopCustomer) return
    await customer.store // the room and the relay start from the stored copy
    if (stopCustomer || closed) return
    const connection = await hub.connect(customer.doc, 'customer', sessionId, meta.customerKey)
    connection.setUser(user)
    putAttendee(customer.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden: false }, RELAY)
    const portalSession = { repDoc: rep.doc, customerDoc: customer.doc, link: { sessionId, key: meta.customerKey, ...(meta.authority ? { authority: meta.authority } : {}) } }
    const stopRelay = relayWithPortalCode(hub, portalSession, () => context.onCustomerJoined(sessionId))
    const stopPresence = watchPresence(rep.doc, connection, () => profile)
    stopCustomer = () => {
      stopRelay()
      stopPresence()
      connection.destroy()
      hub.release(connection)
    }
    setLink({ connection })
  }
  const leaveCustomerRoom = (): void => {
    stopCustomer?.()
    stopCustomer = undefined
    setLink(undefined)
  }
  const noteVisibility = (event: 'joined' | 'left'): string =>
    appendStatusNote(rep.doc, repWriter(profile), event)

  if (!isHidden()) {
    const joined = joinCustomerRoom()
    if (waitForCustomerRoom) await joined
    else void joined.catch((cause: unknown) => console.warn('could not join the customer room', cause))
    if (announceJoin) noteVisibility('joined')
  }

  return {
    sessionId,
    teamId: context.team.teamId,
    customerKey: meta.customerKey,
    repDoc: rep.doc,
    customerDoc: customer.doc,
    repConnection,
    sync,
    customer: link,
    async setHidden(hidden) {
      if (hidden === isHidden()) return
      if (hidden) {
        // Say goodbye while still in the room, give it a moment to go out, then forget this rep there.
        noteVisibility('left')
        await waitForDelivery(link()?.connection)
        customer.doc.transact(() => attendeesMap(customer.doc).delete(profile.repId), RELAY)
        putAttendee(rep.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden: true })
        leaveCustomerRoom()
      } else {
        putAttendee(rep.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden: false })
        await joinCustomerRoom()
        noteVisibility('joined')
      }
    },
    async close() {
      closed = true
      await joining?.catch(() => undefined)
      leaveCustomerRoom()
      stopReceipts()
      sync.stop()
      repConnection.destroy()
      hub.release(repConnection)
      await Promise.all([rep.store.close(), customer.store.then((store) => store.close(), () => undefined)])
      rep.doc.destroy()
      customer.doc.destroy()
    },
  }
}

/** How long leaving waits for the customer room to carry the last note out. */
const GOODBYE_MS = 1_500

/** Resolves after a short grace while peers are connected (y-webrtc sends at once; this lets it drain). */
function waitForDelivery(connection: DocConnection | undefined): Promise<void> {
  if (!connection || connection.snapshot().peers === 0) return Promise.resolve()
  return new Promise((resolve) => setTimeout(resolve, GOODBYE_MS))
}
