/**
 * Which local edits of a rep doc no rep peer has acknowledged yet — the notes
 * and session-status counterpart of a message's "In outbox". y-webrtc has no
 * per-update ack, so every rep page publishes in awareness what it *holds*: its
 * state vector (client id → clock) and a digest of the notes text. A local
 * edit is acknowledged when a rep peer with a live link publishes a state
 * that contains it:
 * - session changes (attendee, end of session) are Y.Map writes, which always
 *   add an item: acknowledged once a peer's clock for our client reaches ours;
 * - notes may be edited by deletions only, which leave the state vector as it
 *   was: acknowledged once a peer's notes digest equals ours (same text).
 * Pure functions; the pending state is a plain record so it survives a reload.
 */
import { fromBase64Url } from '../../net/roomKeys'

/** Client id (as a string key) → the clock a peer must hold to have all our writes. */
export type Clocks = Readonly<Record<string, number>>

/** What this device still waits to hand to a rep peer. */
export interface PendingSync {
  /** Local notes edits not yet held by any rep peer. */
  notes: boolean
  /** Local session-status writes, by the client id that made them. */
  session: Clocks
}

/** What one peer says it holds. */
export interface PeerHeld {
  vector: ReadonlyMap<number, number>
  notes: string
}

/** Nothing waiting. */
export const NOTHING_PENDING: PendingSync = { notes: false, session: {} }

/** Longest encoded state vector accepted from a peer (~1,500 clients): awareness is untrusted input. */
const MAX_VECTOR_CHARS = 16_384
/** Longest notes digest accepted from a peer. */
const MAX_DIGEST_CHARS = 32

/** Records that `clientId` has written up to (excluding) `clock`. */
export function addClock(clocks: Clocks, clientId: number, clock: number): Clocks {
  const key = String(clientId)
  return (clocks[key] ?? 0) >= clock ? clocks : { ...clocks, [key]: clock }
}

/** The clocks no peer vector covers yet. */
export function uncovered(clocks: Clocks, vectors: readonly ReadonlyMap<number, number>[]): Clocks {
  const left: Record<string, number> = {}
  for (const [key, clock] of Object.entries(clocks)) {
    if (!vectors.some((vector) => (vector.get(Number(key)) ?? 0) >= clock)) left[key] = clock
  }
  return left
}

/** Whether anything waits. */
export function isWaiting(pending: PendingSync, kind: 'notes' | 'session'): boolean {
  return kind === 'notes' ? pending.notes : Object.keys(pending.session).length > 0
}

/** Drops what rep peers now hold; returns the same object when nothing changed. */
export function settle(pending: PendingSync, peers: readonly PeerHeld[], ownNotesDigest: string): PendingSync {
  const notes = pending.notes && !peers.some((peer) => peer.notes === ownNotesDigest)
  const session = uncovered(pending.session, peers.map((peer) => peer.vector))
  if (notes === pending.notes && Object.keys(session).length === Object.keys(pending.session).length) return pending
  return { notes, session }
}

/** Merges two pending states (e.g. the stored one and edits made while it loaded). */
export function mergePending(a: PendingSync, b: PendingSync): PendingSync {
  let session = a.session
  for (const [key, clock] of Object.entries(b.session)) session = addClock(session, Number(key), clock)
  return { notes: a.notes || b.notes, session }
}

/** Validates a stored pending state; anything unreadable counts as nothing pending. */
export function parsePending(raw: unknown): PendingSync {
  if (typeof raw !== 'object' || raw === null) return NOTHING_PENDING
  const record = raw as Record<string, unknown>
  const session: Record<string, number> = {}
  if (typeof record.session === 'object' && record.session !== null) {
    for (const [key, clock] of Object.entries(record.session as Record<string, unknown>)) {
      if (/^\d{1,10}$/.test(key) && Number.isSafeInteger(clock) && (clock as number) > 0) session[key] = clock as number
    }
  }
  return { notes: record.notes === true, session }
}

/** A short digest of the notes text (FNV-1a, 32 bits, plus the length): equal texts, equal digests. */
export function notesDigest(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${text.length.toString(36)}.${hash.toString(36)}`
}

/** Reads a peer's published holdings (`{ sv, notes }`); undefined when malformed. */
export function parsePeerHeld(raw: unknown, decodeVector: (bytes: Uint8Array) => Map<number, number>): PeerHeld | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { sv, notes } = raw as Record<string, unknown>
  if (typeof sv !== 'string' || sv.length > MAX_VECTOR_CHARS || typeof notes !== 'string' || notes.length > MAX_DIGEST_CHARS) return undefined
  try {
    return { vector: decodeVector(fromBase64Url(sv)), notes }
  } catch {
    return undefined
  }
}
