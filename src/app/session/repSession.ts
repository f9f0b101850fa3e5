/**
 * A session on a rep's device: local copies first (IndexedDB), then the rep
 * room, then — only while the rep is visible — the customer room and the
 * relay between the two documents. A hidden rep never joins the customer
 * room, so nothing of them (peer, awareness, writes) reaches the customer.
 */
import { createSignal, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import { initCustomerDoc, initRepDoc, readRepSessionMeta, readSessionAuthority, writeSessionAuthority } from '../../doc/session'
import { createSessionAuthority, importSigningKey } from '../../net/sessionAuthority'
import { proveLinks, type LinkProver } from '../../net/linkProver'
import { attendeesMap, putAttendee, readAttendees } from '../../doc/attendees'
import { appendStatusNote } from '../../doc/transcript'
import { repWriter } from './writers'
import { RELAY } from '../../doc/schema'
import { migrateDoc } from '../../doc/migrations'
import { t } from '../../i18n/i18n'
import { randomId, randomKey } from '../../net/roomKeys'
import { deriveRepKey } from '../../net/repKeys'
import type { DocConnection } from '../../net/connectDoc'
import { docDatabaseName, persistDoc, type DocStore } from '../../store/persistDoc'
import { SessionShare } from '../../store/storageBound'
import type { RepProfile, TeamMembership } from '../../store/profile'
import { assignPortalCode, relayWithPortalCode, type PortalAnnouncement, type WaitingIntakes } from './portalCode'
import { watchPresence } from './presenceNotes'
import { trackReceipts, type ReceiptTracking } from './receiptTracker'
import { trackSignedRepReceipt } from './signedRepReceipts'
import { keepMetaSigned } from './signedMeta'
import { localPendingStore, trackSyncMarks, type SyncMarks } from './syncMarks'
import { waitFor } from '../shell/waitFor'
import { afterPaint } from '../shell/afterPaint'
import type { NetworkHub } from '../shell/networkHub'
import type { PortalIntake } from '../../doc/portalIntake'

/** How long a rep joining a session waits for its rep doc to arrive from team mates. */
export const JOIN_TIMEOUT_MS = 20_000

/** The customer room while this rep is visible. */
export interface CustomerLink {
  connection: DocConnection
  /** Answers the customer page's link challenges with the session authority; what that page reports it refused. */
  proofs?: LinkProver
}

/** An open session on the rep's side. */
export interface RepSession {
  sessionId: string
  teamId: string
  customerKey: string
  repDoc: Y.Doc
  customerDoc: Y.Doc
  repConnection: DocConnection
  /** The session's storage share on this device: past it, what peers add to the customer doc is not stored. */
  storage: SessionShare
  /** Notes and status changes made here that no rep peer holds yet ("waiting to sync"). */
  sync: Pick<SyncMarks, 'waiting'>
  /** The customer room, or undefined while this rep is hidden. */
  customer: Accessor<CustomerLink | undefined>
  /** Intakes that came in through the session code and wait for this rep's answer (none while hidden). */
  waitingIntakes: Accessor<WaitingIntakes>
  /** Accepts a waiting intake (binds the session to that customer and spends the code); false when it could not. */
  acceptIntake(id: string): Promise<boolean>
  /** Rejects a waiting intake: that page gets nothing of the session; the code keeps working. */
  rejectIntake(id: string): void
  /** Shows this rep to the customer (joins the customer room) or hides them (leaves it). */
  setHidden(hidden: boolean): Promise<void>
  /** Whether this session's chat is in front on this rep's screen (then, with the page visible and focused, the customer sees "Seen"). */
  setOnScreen(onScreen: boolean): void
  close(): Promise<void>
}

/** What opening needs from the workspace. */
export interface OpenContext {
  profile: RepProfile
  team: TeamMembership
  hub: Pick<NetworkHub, 'connect' | 'release'>
  /** Called when the customer's intake reaches the rep doc. */
  onCustomerJoined(sessionId: string): void
  /** Called when intakes arrive through the session code and wait for an answer (alert the rep). */
  onIntakeWaiting?(sessionId: string, intakes: PortalIntake[]): void
}

/**
 * Opens one of a session's documents, counted toward the session's storage share. The rep doc is the
 * record (reps' writes, and customer entries the relay took in within the growth bound): always stored.
 * The customer doc takes writes from anyone holding the join link: past the share, peers' are not stored.
 */
async function openDoc(kind: 'rep' | 'customer', sessionId: string, share: SessionShare, doc = new Y.Doc()): Promise<{ doc: Y.Doc; store: DocStore; share: SessionShare }> {
  const store = await persistDoc(doc, docDatabaseName(kind, sessionId), { share, part: kind, refusePeers: kind === 'customer' })
  // An older local copy is brought up to date; a newer one must not be written to (History still reads it).
  // Only the record says which version wrote the session: anyone holding the join link can write the customer
  // doc's schemaVersion (reps put the signed meta back, src/app/session/signedMeta.ts), so that claim blocks nothing.
  if (migrateDoc(doc, kind).status === 'newer' && kind === 'rep') {
    await store.close()
    doc.destroy()
    throw new Error(t('session.newerVersion'))
  }
  return { doc, store, share }
}

/** A document and its local database; `store` settles once the stored copy is loaded (at once, or later: see `openDocAfterPaint`). */
interface OpenDoc {
  doc: Y.Doc
  store: Promise<DocStore>
}

/** `openDoc` with the document at hand at once (empty) and the load waiting for the next paint. */
function openDocAfterPaint(kind: 'rep' | 'customer', sessionId: string, share: SessionShare): OpenDoc {
  const doc = new Y.Doc()
  return { doc, store: afterPaint().then(async () => (await openDoc(kind, sessionId, share, doc)).store) }
}

const loaded = ({ doc, store }: { doc: Y.Doc; store: DocStore }): OpenDoc => ({ doc, store: Promise.resolve(store) })

/** Creates a brand-new session: ids and keys, both documents, the opening status note. `portal` names a team portal the customer came from (the Details `Portal` row). */
export async function createRepSession(context: OpenContext, now = Date.now(), portal?: string): Promise<RepSession> {
  const sessionId = randomId()
  const customerKey = randomKey()
  const authority = await createSessionAuthority() // signs what reps publish; its public half goes in the join link
  const { profile } = context
  const share = new SessionShare()
  const rep = await openDoc('rep', sessionId, share)
  const customer = await openDoc('customer', sessionId, share)
  initRepDoc(rep.doc, { sessionId, createdAt: now, portal: portal ?? 'link', customerKey })
  writeSessionAuthority(rep.doc, authority)
  initCustomerDoc(customer.doc, { sessionId, createdAt: now, portal: portal ?? 'link' })
  if (portal === undefined) assignPortalCode(rep.doc, now) // a portal's customer gets the link from the queue: no session code
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
  const share = new SessionShare()
  const rep = await openDoc('rep', sessionId, share)
  if (!readRepSessionMeta(rep.doc)) throw new Error(`Session ${sessionId} is not on this device`)
  return startRepSession(context, sessionId, rep, openDocAfterPaint('customer', sessionId, share), false)
}

/**
 * Joins a team mate's session (an accepted invitation): the rep doc arrives from the team mates in
 * the rep room; this rep is added as an attendee, visible or hidden, with a note for the right audience.
 */
export async function joinRepSession(context: OpenContext, sessionId: string, hidden: boolean): Promise<RepSession> {
  const share = new SessionShare()
  const rep = await openDoc('rep', sessionId, share)
  const { profile } = context
  const alreadyIn = readAttendees(rep.doc, new Set([profile.repId])).some((attendee) => attendee.id === profile.repId)
  const customer = loaded(await openDoc('customer', sessionId, share))
  if (!alreadyIn) {
    putAttendee(rep.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden })
    if (hidden) appendStatusNote(rep.doc, repWriter(profile), 'joined', { audience: 'reps' })
  }
  return startRepSession(context, sessionId, rep, customer, true, !alreadyIn && !hidden)
}

/** The session authority's signing key from the rep doc, imported once per value (undefined in older sessions). */
function authoritySigningKey(repDoc: Y.Doc): () => Promise<CryptoKey | undefined> {
  let cached: { privateKey: string; key: Promise<CryptoKey | undefined> } | undefined
  return () => {
    const authority = readSessionAuthority(repDoc)
    if (!authority) return Promise.resolve(undefined)
    if (cached?.privateKey !== authority.privateKey) cached = { privateKey: authority.privateKey, key: importSigningKey(authority.privateKey) }
    return cached.key
  }
}

async function startRepSession(
  context: OpenContext,
  sessionId: string,
  rep: { doc: Y.Doc; store: DocStore; share: SessionShare },
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
  const [portal, setPortal] = createSignal<PortalAnnouncement>()
  const [waitingIntakes, setWaitingIntakes] = createSignal<WaitingIntakes>({ intakes: [], ignored: 0 })
  let stopCustomer: (() => void) | undefined
  let onScreen = false
  let customerReceipts: ReceiptTracking | undefined
  // The customer's own messages show Delivered / Seen from the receipts visible reps keep in the customer doc.
  const seeing = (): boolean => onScreen && document.visibilityState === 'visible' && document.hasFocus()

  const isHidden = (): boolean => readAttendees(rep.doc, new Set([profile.repId])).find((attendee) => attendee.id === profile.repId)?.hidden === true
  // Whether this rep should be in the customer room now; a join in flight checks it again once connected,
  // so Hide during a join leaves no connection behind, and a second join waits for the first (one connection).
  let wantCustomer = false
  let closed = false
  let joining: Promise<void> | undefined
  const connectCustomerRoom = async (): Promise<void> => {
    await customer.store // the room and the relay start from the stored copy
    if (!wantCustomer || stopCustomer || closed) return
    const connection = await hub.connect(customer.doc, 'customer', sessionId, meta.customerKey)
    if (!wantCustomer || stopCustomer || closed) {
      connection.destroy()
      hub.release(connection)
      return
    }
    connection.setUser(user)
    putAttendee(customer.doc, { id: profile.repId, name: profile.name, role: 'rep', hidden: false }, RELAY)
    const portalSession = { repDoc: rep.doc, customerDoc: customer.doc, link: { sessionId, key: meta.customerKey, ...(meta.authority ? { authority: meta.authority } : {}) } }
    const relay = relayWithPortalCode(hub, portalSession, () => context.onCustomerJoined(sessionId))
    const stopWaiting = relay.portal.onWaiting((waiting) => {
      const known = new Set(waitingIntakes().intakes.map((intake) => intake.id))
      setWaitingIntakes(waiting)
      const fresh = waiting.intakes.filter((intake) => !known.has(intake.id))
      if (fresh.length > 0) context.onIntakeWaiting?.(sessionId, fresh)
    })
    setPortal(relay.portal)
    const stopPresence = watchPresence(rep.doc, connection, () => profile)
    // The customer's page sends screen and files only over links that prove the session key (src/net/linkProofs.ts).
    const authorityKey = authoritySigningKey(rep.doc)
    const proofs = proveLinks(connection, sessionId, authorityKey)
    // Signed with the session authority: the customer's page counts only a rep receipt that verifies.
    const receipts = (customerReceipts = trackSignedRepReceipt(customer.doc, rep.doc, sessionId, profile.repId, authorityKey, seeing))
    // The customer's page acts on meta (the version check, the chat log's start) only when the authority signed it.
    const signedMeta = keepMetaSigned(customer.doc, rep.doc, authorityKey)
    stopCustomer = () => {
      signedMeta.stop()
      proofs.stop()
      receipts()
      customerReceipts = undefined
      stopWaiting()
      setPortal(undefined)
      setWaitingIntakes({ intakes: [], ignored: 0 })
      relay.stop()
      stopPresence()
      connection.destroy()
      hub.release(connection)
    }
    setLink({ connection, proofs })
  }
  const joinCustomerRoom = (): Promise<void> => {
    wantCustomer = true
    if (stopCustomer) return Promise.resolve()
    joining ??= connectCustomerRoom().finally(() => {
      joining = undefined
    })
    return joining
  }
  const leaveCustomerRoom = (): void => {
    wantCustomer = false
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
    storage: rep.share,
    sync,
    customer: link,
    waitingIntakes,
    acceptIntake: (id) => portal()?.accept(id) ?? Promise.resolve(false),
    rejectIntake: (id) => portal()?.reject(id),
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
    setOnScreen(on) {
      onScreen = on
      customerReceipts?.refresh()
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
