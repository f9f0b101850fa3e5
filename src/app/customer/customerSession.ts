/**
 * The customer's side of a session: the customer doc only (rep-only data is
 * never on this device), loaded locally, then synced with the session's
 * visible reps.
 */
import { createSignal, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import { appendMessage, appendStatusNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { readIntake, writeIntake } from '../../doc/intake'
import { putAttendee } from '../../doc/attendees'
import { migrateDoc } from '../../doc/migrations'
import { randomId } from '../../net/roomKeys'
import { docDatabaseName, persistDoc } from '../../store/persistDoc'
import { loadCustomerIdentity, saveCustomerIdentity, type CustomerIdentity } from '../../store/profile'
import type { NetworkHub } from '../shell/networkHub'
import type { DocConnection } from '../../net/connectDoc'
import type { PresenceUser } from '../../net/presence'
import { trackReceipts } from '../session/receiptTracker'
import { handlePushedUrls, type BlockedUrl } from './pushedUrls'
import { writeIntakeVia, type EntryWay } from '../../doc/portal'
import { registerDebugDoc, registerHostileTarget } from '../shell/debugRegistry'
import { createDeviceSigningKeys } from '../../net/sessionAuthority'
import { createEntryTrust, type EntryTrust } from './entryTrust'
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
}

/**
 * Opens the customer's session from its join link; `via` says whether they came in with a session code,
 * `authority` is the session key from the link (undefined for links made before signatures).
 */
export function createCustomerSession(hub: Pick<NetworkHub, 'connect'>, sessionId: string, key: string, via: EntryWay = 'link', authority?: string): CustomerSession {
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
    stopReceipts ??= trackReceipts(doc, { participantId: me.customerId, role: 'customer' }, () => document.visibilityState === 'visible' && document.hasFocus())
  }

  const load = async (): Promise<void> => {
    await persistDoc(doc, docDatabaseName('customer', sessionId))
    const known = await loadCustomerIdentity(sessionId)
    connection = await hub.connect(doc, 'customer', sessionId, key)
    registerHostileTarget('customer', doc, connection)
    setLiveConnection(connection)
    const live = connection
    live.onChange(() => setPresentReps(live.onlineUsers().filter((user) => user.role === 'rep')))
    if (migrateDoc(doc, 'customer').status === 'newer') {
      setPhase('unsupported')
      return
    }
    if (known && readIntake(doc, 'customer')?.customerId === known.customerId) {
      signAs(known)
      setIdentity(known)
      connection.setUser({ id: known.customerId, name: known.name, role: 'customer' })
      startTracking(known)
      setPhase('chat')
      return
    }
    // A customer coming from a team portal's queue gave the intake there (src/app/queue): the chat starts by itself.
    const prefilled = await takePrefilledIntake(sessionId)
    if (prefilled) {
      await session.start(prefilled)
      return
    }
    setPhase('intake')
  }
  const session: CustomerSession = {
    phase,
    error,
    doc,
    identity,
    async start(form) {
      // The device key comes first: the intake carries its public half, and every entry from here on is signed.
      const keys = await createDeviceSigningKeys()
      const me: CustomerIdentity = { customerId: randomId(), name: form.name.trim(), signingKey: keys.privateKey, publicKey: keys.publicKey }
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
    },
    send(text) {
      const me = identity()
      if (!me) return
      appendMessage(doc, customerWriter(me), text)
      connection?.setTyping(false)
    },
    blockedUrls: pushed.blocked,
    setTyping(typing) {
      connection?.setTyping(typing)
    },
    presentReps,
    connection: liveConnection,
    trust,
  }
  load().catch((cause: unknown) => {
    setError(cause instanceof Error ? cause.message : String(cause))
    setPhase('failed')
  })
  return session
}
