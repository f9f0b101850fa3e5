/**
 * Keys and room names. Keys are random (or HKDF-derived) secrets that travel
 * only in URL fragments and inside already-encrypted documents; room names
 * are one-way hashes of (kind, id, key), so the signaling server learns
 * neither session ids nor keys.
 */
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'

/** 128 bits: the floor DESIGN.md sets for a room key. */
const KEY_BYTES = 16
/** Session ids are random too (they appear in links, never on the server). */
const SESSION_ID_BYTES = 9

/** Which document a room carries. */
export type RoomKind = 'customer' | 'rep' | 'team' | 'portal' | 'queue'

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes unpadded base64url; throws on bad input. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SyntaxError('not base64url')
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** A fresh random key (base64url, 22 chars). */
export function randomKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)))
}

/** A fresh random id for a session, team or person (base64url, 12 chars). */
export function randomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(SESSION_ID_BYTES)))
}

/** Whether `key` looks like a key this app made (≥128 bits of base64url). */
export function isValidKey(key: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(key)
}

/**
 * The opaque room name for a document: SHA-256 of kind, id and key. Hashed in
 * JavaScript (@noble/hashes), not crypto.subtle: the browser runs WebCrypto jobs one at
 * a time, and y-webrtc's PBKDF2 per room would hold each name back behind every
 * earlier room's (issue #10, offline start with many sessions).
 */
export async function roomName(kind: RoomKind, id: string, key: string): Promise<string> {
  const data = new TextEncoder().encode(`asiste/room/v1\u0000${kind}\u0000${id}\u0000${key}`)
  return Promise.resolve(toBase64Url(sha256(data)))
}

/** Bytes of a rep key (HKDF output). */
const REP_KEY_BYTES = KEY_BYTES * 2

/**
 * The rep doc key of a session, derived from the team secret with HKDF-SHA-256
 * (RFC 5869), so it never needs storing. Computed in JavaScript rather than
 * crypto.subtle for the same reason as `roomName`: the browser's crypto queue
 * is busy with every room's PBKDF2 while the console starts.
 */
export async function deriveRepKey(teamSecret: string, sessionId: string): Promise<string> {
  const encoder = new TextEncoder()
  const okm = hkdf(sha256, fromBase64Url(teamSecret), encoder.encode('asiste/rep-doc/v1'), encoder.encode(sessionId), REP_KEY_BYTES)
  return Promise.resolve(toBase64Url(okm))
}

/**
 * The key of one period document of a team's session index (`<teamId>:s<day>`, src/doc/teamSessions.ts),
 * derived from the team secret like a rep doc key (own salt, so the two never collide): any rep of the
 * team can open any day, and nothing needs storing or sending.
 */
export async function deriveTeamPeriodKey(teamSecret: string, periodId: string): Promise<string> {
  const encoder = new TextEncoder()
  const okm = hkdf(sha256, fromBase64Url(teamSecret), encoder.encode('asiste/team-sessions/v1'), encoder.encode(periodId), REP_KEY_BYTES)
  return Promise.resolve(toBase64Url(okm))
}
