/**
 * The customer portal in the documents:
 * - the **portal doc**, a tiny throwaway doc in the room a session code names,
 *   where intakes wait for a rep's answer (src/doc/portalIntake.ts);
 * - the rep doc's `meta.portalCode` (`{ code, expiresAt }`), so every rep of
 *   the session shows the code and a reopened console keeps announcing it
 *   until it is used or expires;
 * - the customer's `intake.via` hint (`link` | `portal`): how they came in,
 *   which the rep's client copies into both docs' `meta.portal`.
 * Everything read here came from a peer: it is validated, never cast.
 */
import type * as Y from 'yjs'
import { idString, isRecord, timestamp } from './guards'
import type { EntryWay } from './intake'
import { metaMap } from './session'
import { LOCAL, MAX_ID_CHARS } from './schema'
import { parsePublicKey } from './signatures'

// The customer's `intake.via` lives in intake.ts, which the customer page loads; this module only the console.
export { ENTRY_WAYS, readIntakeVia, writeIntakeVia, type EntryWay } from './intake'


/** A session's join link as an accepted intake gets it (sealed, src/doc/portalIntake.ts). */
export interface PortalLink {
  sessionId: string
  key: string
  /** The session's verification key (docs/SCHEMA.md); absent for sessions made before signatures. */
  authority?: string
}

/** A session code announced for a session (rep doc only). */
export interface PortalCodeRecord {
  /** Canonical code: upper case, no separators. */
  code: string
  /** When the code stops working, ms since the epoch. */
  expiresAt: number
}

const MAX_KEY_CHARS = 64 // a base64url 256-bit key is 43 chars
const MAX_CODE_CHARS = 16

/** Validates a join link handed over through the portal (it was sealed, but by whom is unknown: check it). */
export function parsePortalLink(raw: unknown): PortalLink | undefined {
  if (!isRecord(raw)) return undefined
  const sessionId = idString(raw.sessionId, MAX_ID_CHARS)
  const key = idString(raw.key, MAX_KEY_CHARS)
  const authority = parsePublicKey(raw.authority)
  return sessionId && key ? { sessionId, key, ...(authority ? { authority } : {}) } : undefined
}

/** Records the session code of a session in its rep doc. */
export function writePortalCode(repDoc: Y.Doc, record: PortalCodeRecord): void {
  repDoc.transact(() => metaMap(repDoc).set('portalCode', { ...record }), LOCAL)
}

/** The session code recorded in a rep doc, or undefined when none (never made, used or expired). */
export function readPortalCode(repDoc: Y.Doc): PortalCodeRecord | undefined {
  const raw = metaMap(repDoc).get('portalCode')
  if (!isRecord(raw)) return undefined
  const code = idString(raw.code, MAX_CODE_CHARS)
  const expiresAt = timestamp(raw.expiresAt)
  return code && expiresAt !== undefined ? { code, expiresAt } : undefined
}

/** Forgets the session code (used or expired). */
export function clearPortalCode(repDoc: Y.Doc): void {
  if (metaMap(repDoc).has('portalCode')) repDoc.transact(() => metaMap(repDoc).delete('portalCode'), LOCAL)
}

/** Sets `meta.portal` of a session doc when it differs (idempotent). */
export function setSessionPortal(doc: Y.Doc, via: EntryWay, origin: unknown = LOCAL): void {
  if (metaMap(doc).get('portal') !== via) doc.transact(() => metaMap(doc).set('portal', via), origin)
}
