/**
 * The customer's side of a session: the customer doc only (rep-only data is
 * never on this device), loaded locally, then synced with the session's
 * visible reps.
 */
import { createSignal, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import { appendMessage, appendRating, appendStatusNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { readIntake, writeIntake, writeIntakeVia, type EntryWay } from '../../doc/intake'
import { putAttendee } from '../../doc/attendeeWrites'
import { migrateDoc } from '../../doc/migrations'
import { SCHEMA_VERSION } from '../../doc/schema'
import { verifiedSessionMeta } from './verifiedMeta'
import { randomId } from '../../net/roomKeys'
import { docDatabaseName, persistDoc, type DocStore } from '../../store/persistDoc'
import { SessionShare } from '../../store/storageBound'
import { loadCustomerIdentity, saveCustomerIdentity, type CustomerIdentity } from '../../store/profile'
import type { NetworkHub } from '../shell/networkHub'
import type { DocConnection } from '../../net/connectDoc'
import type { PresenceUser } from '../../net/presence'
import { trackReceipts } from '../session/receiptTracker'
import { trackSignedReceipt } from './signedReceipts'
import { handlePushedUrls, type BlockedUrl } from './pushedUrls'
import { registerDebugDoc, registerHostileTarget } from '../shell/debugRegistry'
import { createDeviceSigningKeys } from '../../net/sessionAuthority'
import { createEntryTrust, type EntryTrust } from './entryTrust'
import { takeHandedIntake } from './portalHandoff'
import { takePrefilledIntake } from '../../store/portalRequests'

/** Where the customer page is. */
export type CustomerPhase = 'loading' | 'intake' | 'chat' | 'unsupported' | 'failed'

/** What the customer typed at intake. */
export interface IntakeForm {
  name: string
  request: string
  system: Record<string, string>
}

/** The customer page's state and actions. */
export interface CustomerSession {
  phase: Accessor<CustomerPhase>
  error: Accessor<string | undefined>
  doc: Y.Doc
  identity: Accessor<CustomerIdentity | undefined>
  start(form: IntakeForm): Promise<void>
  send(text: string): void
  /** Records the customer's satisfaction rating (1–5) in the transcript, signed like their messages. */
  rate(rating: number): void
  /** Pushed URLs the browser blocked: the page offers `Open link` for each. */
  blockedUrls: Accessor<BlockedUrl[]>
  /** Publishes whether the customer is typing. */
  setTyping(typing: boolean): void
  /** Reps in the room right now (for the typing indicator). */
  presentReps: Accessor<PresenceUser[]>
  /** The customer room once open (screen sharing and file transfer ride on its links). */
  connection(): DocConnection | undefined
  /** Which entries verified (reps' against the link's session key, the customer's own against its device key). */
  trust: EntryTrust
  /** The session's storage share when past it others' updates were not stored (the page says so), else undefined. */
  storageFull: Accessor<number | undefined>
  /** Leaves the room and stops persisting (the page moved to another link); the data stays on this device. */
  close(): Promise<void>
}

/**
 * Opens the customer's session from its join link; `via` says whether they came in with a session code,
 * `authority` is the session key from the link (undefined for links made before signatures).
 */
export function createCustomerSession(hub: Pick<NetworkHub, 'connect' | 'release'>, sessionId: string, key: string, via: EntryWay = 'link', authority?: string): CustomerSession {
  const doc = new Y.Doc()
  registerDebugDoc('customer', doc)
  const trust = createEntryTrust(doc, sessionId, authority)
  const signAs = (me: CustomerIdentity): void => {
    if (me.signingKey && me.publicKey) trust.signAs({ customerId: me.customerId, privateKey: me.signingKey, publicKey: me.publicKey })
  }
  const [phase, setPhase] = createSignal<CustomerPhase>('loading')
  const [error, setError] = createSignal<string>()
  const [identity, setIdentity] = createSignal<CustomerIdentity>()
  let connection: DocConnection | undefined
  const [presentReps, setPresentReps] = createSignal<PresenceUser[]>([])
  const [liveConnection, setLiveConnection] = createSignal<DocConnection>()
  const pushed = handlePushedUrls(doc, identity, trust)
  let stopReceipts: (() => void) | undefined
  const startTracking = (me: CustomerIdentity): void => {
    const isSeeing = (): boolean => document.visibilityState === 'visible' && document.hasFocus()
    // Signed with the device key: the reps' record takes only a receipt that key signed.
    stopReceipts ??= me.signingKey
      ? trackSignedReceipt(doc, sessionId, trust, { customerId: me.customerId, privateKey: me.signingKey }, isSeeing)
      : trackReceipts(doc, { participantId: me.customerId, role: 'customer' }, isSeeing)
  }

  // Past the session's share, what peers add is not stored on this device; the customer's own writes still are.
  const share = new SessionShare()
  const [storageFull, setStorageFull] = createSignal<number>()
  share.onChange(() => setStorageFull(share.state().refusedBytes > 0 ? share.cap : undefined))
  let closed = false
  let store: DocStore | undefined
  const load = async (): Promise<void> => {
    store = await persistDoc(doc, docDatabaseName('customer', sessionId), { share, part: 'customer', refusePeers: true })
    const known = await loadCustomerIdentity(sessionId)
    if (closed) return // close() ran while this loaded: it closes the store
    const opened = await hub.connect(doc, 'customer', sessionId, key)
    if (closed) {
      opened.destroy()
      hub.release(opened)
      return
    }
    connection = opened
    registerHostileTarget('customer', doc, connection)
    setLiveConnection(connection)
    const live = connection
    live.onChange(() => setPresentReps(live.onlineUsers().filter((user) => user.role === 'rep')))
    // "Newer, please reload" only on meta the session authority signed: a peer holding the link cannot raise it.
    if (migrateDoc(doc, 'customer').status === 'newer' && (await newerVerified())) {
      if (closed) return
      setPhase('unsupported')
      return
    }
    if (closed) return
    if (known && readIntake(doc, 'customer')?.customerId === known.customerId) {
      signAs(known)
      setIdentity(known)
      connection.setUser({ id: known.customerId, name: known.name, role: 'customer' })
      startTracking(known)
      setPhase('chat')
      return
    }
    // Accepted through the session code: the session is bound to the identity the portal page made.
    accepted = known?.signingKey && known.publicKey ? known : undefined
    const handed = takeHandedIntake(sessionId)
    if (accepted && handed) return begin(handed)
    // A customer coming from a team portal's queue gave the intake there (src/app/queue): the chat starts by itself.
    const prefilled = await takePrefilledIntake(sessionId)
    if (prefilled) return begin(prefilled)
    setPhase('intake')
  }
  const newerVerified = async (): Promise<boolean> => {
    const meta = await verifiedSessionMeta(doc, sessionId, authority)
    return meta !== undefined && meta.schemaVersion > SCHEMA_VERSION
  }
  let accepted: CustomerIdentity | undefined
  const begin = async (form: IntakeForm): Promise<void> => {
    // The device key comes first: the intake carries its public half, and every entry from here on is signed.
    const keys = accepted?.signingKey && accepted.publicKey ? { privateKey: accepted.signingKey, publicKey: accepted.publicKey } : await createDeviceSigningKeys()
    const me: CustomerIdentity = { customerId: accepted?.customerId ?? randomId(), name: form.name.trim(), signingKey: keys.privateKey, publicKey: keys.publicKey }
    signAs(me)
    if (via === 'portal') writeIntakeVia(doc, 'portal') // before the intake: any state holding the intake holds the hint
    writeIntake(doc, { customerId: me.customerId, customerName: me.name, request: form.request, system: form.system, publicKey: keys.publicKey })
    putAttendee(doc, { id: me.customerId, name: me.name, role: 'customer', hidden: false })
    appendStatusNote(doc, customerWriter(me), 'joined')
    await saveCustomerIdentity(sessionId, me)
    setIdentity(me)
    connection?.setUser({ id: me.customerId, name: me.name, role: 'customer' })
    startTracking(me)
    setPhase('chat')
  }
  const loaded = load()
  loaded.catch((cause: unknown) => {
    setError(cause instanceof Error ? cause.message : String(cause))
    setPhase('failed')
  })

  return {
    phase,
    error,
    doc,
    identity,
    start: begin,
    send(text) {
      const me = identity()
      if (!me) return
      appendMessage(doc, customerWriter(me), text)
      connection?.setTyping(false)
    },
    rate(rating) {
      const me = identity()
      if (me) appendRating(doc, customerWriter(me), rating)
    },
    blockedUrls: pushed.blocked,
    setTyping(typing) {
      connection?.setTyping(typing)
    },
    presentReps,
    connection: liveConnection,
    trust,
    storageFull,
    async close() {
      if (closed) return
      closed = true
      stopReceipts?.()
      pushed.stop()
      trust.stop()
      if (connection) {
        connection.destroy()
        hub.release(connection)
        connection = undefined
        setLiveConnection(undefined)
      }
      await loaded.catch(() => undefined) // a store still opening is closed once open
      await store?.close()
      doc.destroy()
    },
  }
}
