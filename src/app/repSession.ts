/**
 * Opening a session on a rep's device: local copies first (IndexedDB), then
 * the rooms, then the relay between the two documents.
 */
import * as Y from 'yjs'
import { initCustomerDoc, initRepDoc, readRepSessionMeta } from '../doc/session'
import { putAttendee } from '../doc/attendees'
import { appendEntry } from '../doc/transcript'
import { deriveRepKey, randomId, randomKey } from '../net/roomKeys'
import type { DocConnection } from '../net/connectDoc'
import { docDatabaseName, persistDoc, type DocStore } from '../store/persistDoc'
import type { RepProfile, TeamMembership } from '../store/profile'
import { relayDocs } from './relayDocs'
import { watchPresence } from './presenceNotes'
import { trackReceipts } from './receiptTracker'
import type { NetworkHub } from './networkHub'

/** An open session on the rep's side. */
export interface RepSession {
  sessionId: string
  customerKey: string
  repDoc: Y.Doc
  customerDoc: Y.Doc
  repConnection: DocConnection
  customerConnection: DocConnection
  close(): Promise<void>
}

/** What opening needs from the workspace. */
export interface OpenContext {
  profile: RepProfile
  team: TeamMembership
  hub: NetworkHub
  /** Called when the customer's intake reaches the rep doc. */
  onCustomerJoined(sessionId: string): void
}

async function openDoc(kind: 'rep' | 'customer', sessionId: string): Promise<{ doc: Y.Doc; store: DocStore }> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, docDatabaseName(kind, sessionId))
  return { doc, store }
}

/** Creates a brand-new session: ids and keys, both documents, the opening status note. */
export async function createRepSession(context: OpenContext, now = Date.now()): Promise<RepSession> {
  const sessionId = randomId()
  const customerKey = randomKey()
  const { profile } = context
  const rep = await openDoc('rep', sessionId)
  const customer = await openDoc('customer', sessionId)
  initRepDoc(rep.doc, { sessionId, createdAt: now, portal: 'link', customerKey })
  initCustomerDoc(customer.doc, { sessionId, createdAt: now, portal: 'link' })
  const me = { id: profile.repId, name: profile.name, role: 'rep' as const, hidden: false }
  putAttendee(rep.doc, me)
  putAttendee(customer.doc, me)
  appendEntry(rep.doc, {
    kind: 'status',
    event: 'sessionStarted',
    audience: 'all',
    authorId: profile.repId,
    authorName: profile.name,
    authorRole: 'system',
    text: profile.name,
    at: now,
  })
  return connectRepSession(context, sessionId, rep, customer)
}

/** Reopens a session known to this device. Fails if its rep doc is not on this device. */
export async function openRepSession(context: OpenContext, sessionId: string): Promise<RepSession> {
  const rep = await openDoc('rep', sessionId)
  const customer = await openDoc('customer', sessionId)
  return connectRepSession(context, sessionId, rep, customer)
}

async function connectRepSession(
  context: OpenContext,
  sessionId: string,
  rep: { doc: Y.Doc; store: DocStore },
  customer: { doc: Y.Doc; store: DocStore },
): Promise<RepSession> {
  const meta = readRepSessionMeta(rep.doc)
  if (!meta) throw new Error(`Session ${sessionId} is not on this device`)
  const stopRelay = relayDocs(customer.doc, rep.doc, () => context.onCustomerJoined(sessionId))
  const repKey = await deriveRepKey(context.team.secret, sessionId)
  const repConnection = await context.hub.connect(rep.doc, 'rep', sessionId, repKey)
  const customerConnection = await context.hub.connect(customer.doc, 'customer', sessionId, meta.customerKey)
  const user = { id: context.profile.repId, name: context.profile.name, role: 'rep' as const }
  repConnection.setUser(user)
  customerConnection.setUser(user)
  const stopPresence = watchPresence(rep.doc, customerConnection, () => context.profile)
  const stopReceipts = trackReceipts(rep.doc, { participantId: context.profile.repId, role: 'rep' }, () => false)
  return {
    sessionId,
    customerKey: meta.customerKey,
    repDoc: rep.doc,
    customerDoc: customer.doc,
    repConnection,
    customerConnection,
    async close() {
      stopRelay()
      stopPresence()
      stopReceipts()
      for (const connection of [repConnection, customerConnection]) {
        connection.destroy()
        context.hub.release(connection)
      }
      await Promise.all([rep.store.close(), customer.store.close()])
      rep.doc.destroy()
      customer.doc.destroy()
    },
  }
}
