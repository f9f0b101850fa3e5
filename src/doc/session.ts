/**
 * Session documents: the customer doc (what the customer may see) and the rep
 * doc (what only reps may see). Both carry `meta.schemaVersion`.
 */
import type * as Y from 'yjs'
import { idString } from './guards'
import { LOCAL, SCHEMA_VERSION } from './schema'
import { metaMap, readSessionMeta, type SessionMeta } from './sessionMeta'

// What the customer page reads of the meta is in sessionMeta.ts (issue 20, bundles); re-exported for the rest.
export { metaMap, readMetaSignature, readSessionMeta, sessionMetaBytes, stringRecord, type SessionMeta } from './sessionMeta'

/** Which of the two session documents a doc is. */
export type SessionDocKind = 'customer' | 'rep'

/** Rep-only facts about the session. */
export interface RepSessionMeta extends SessionMeta {
  /** Key of the customer room, so invited reps can join it. */
  customerKey: string
  state: 'open' | 'ended'
  /** The session's verification key (public half of the authority), for the join link; absent in older sessions. */
  authority?: string
}

const MAX_KEY_CHARS = 64 // a base64url 256-bit key is 43 chars

/** Writes the meta block of a brand-new customer doc. */
export function initCustomerDoc(doc: Y.Doc, meta: Omit<SessionMeta, 'schemaVersion'>): void {
  doc.transact(() => {
    const map = metaMap(doc)
    map.set('schemaVersion', SCHEMA_VERSION)
    map.set('kind', 'customer')
    map.set('sessionId', meta.sessionId)
    map.set('createdAt', meta.createdAt)
    map.set('portal', meta.portal)
  }, LOCAL)
}

/** Writes the meta block of a brand-new rep doc. */
export function initRepDoc(doc: Y.Doc, meta: Omit<RepSessionMeta, 'schemaVersion' | 'state'>): void {
  doc.transact(() => {
    initCustomerDoc(doc, meta)
    metaMap(doc).set('kind', 'rep')
    metaMap(doc).set('customerKey', meta.customerKey)
    metaMap(doc).set('state', 'open')
  }, LOCAL)
}

/** Writes the customer doc's meta whole with its signature (a rep holding the session authority; values from the record). */
export function putSignedMeta(doc: Y.Doc, meta: SessionMeta, signature: string, origin: unknown = LOCAL): void {
  doc.transact(() => {
    const map = metaMap(doc)
    const values: Record<string, unknown> = { schemaVersion: meta.schemaVersion, sessionId: meta.sessionId, createdAt: meta.createdAt, portal: meta.portal, signature }
    for (const [key, value] of Object.entries(values)) if (map.get(key) !== value) map.set(key, value)
  }, origin)
}

/** Reads the rep doc's meta block. */
export function readRepSessionMeta(doc: Y.Doc): RepSessionMeta | undefined {
  const base = readSessionMeta(doc)
  const map = metaMap(doc)
  const customerKey = idString(map.get('customerKey'), MAX_KEY_CHARS)
  const state = map.get('state') === 'ended' ? 'ended' : 'open'
  const authority = readSessionAuthority(doc)?.publicKey
  return base && customerKey ? { ...base, customerKey, state, ...(authority ? { authority } : {}) } : undefined
}

/** The session's authority key pair as the rep doc keeps it (base64url; docs/SCHEMA.md "Signatures and identities"). */
export interface SessionAuthorityRecord {
  /** Raw public key: travels in the join link's fragment. */
  publicKey: string
  /** PKCS #8 private key: reps only, so every visible rep's client can sign. */
  privateKey: string
}

const MAX_PRIVATE_KEY_CHARS = 200 // PKCS #8 Ed25519 is 48 bytes, P-256 ~138: 64–184 base64url chars

/** Stores the session authority in a rep doc's meta, unless one is there already (the first one stays). */
export function writeSessionAuthority(doc: Y.Doc, authority: SessionAuthorityRecord): void {
  if (readSessionAuthority(doc)) return
  doc.transact(() => {
    metaMap(doc).set('authorityPublicKey', authority.publicKey)
    metaMap(doc).set('authorityPrivateKey', authority.privateKey)
  }, LOCAL)
}

/** The session authority of a rep doc, or undefined (a session created before signatures, or not arrived). */
export function readSessionAuthority(doc: Y.Doc): SessionAuthorityRecord | undefined {
  const publicKey = idString(metaMap(doc).get('authorityPublicKey'), MAX_KEY_CHARS * 2)
  const privateKey = idString(metaMap(doc).get('authorityPrivateKey'), MAX_PRIVATE_KEY_CHARS)
  return publicKey && privateKey && !/[.:]/.test(publicKey + privateKey) ? { publicKey, privateKey } : undefined
}

/** How a session ended (rep-only). */
export type Outcome = 'resolved' | 'unresolved' | 'unknown'

/** Marks the session ended (rep doc), with the outcome and closing note when the rep gave them. */
export function markSessionEnded(doc: Y.Doc, ending?: { outcome: Outcome; closingNote: string; at: number }): void {
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('state', 'ended')
    if (!ending) return
    meta.set('outcome', ending.outcome)
    meta.set('closingNote', ending.closingNote)
    meta.set('endedAt', ending.at)
  }, LOCAL)
}
