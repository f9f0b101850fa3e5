/**
 * Keys and room names. Keys are random (or HKDF-derived) secrets that travel
 * only in URL fragments and inside already-encrypted documents; room names
 * are one-way hashes of (kind, id, key), so the signaling server learns
 * neither session ids nor keys.
 */

/** 128 bits: the floor DESIGN.md sets for a room key. */
const KEY_BYTES = 16
/** Session ids are random too (they appear in links, never on the server). */
const SESSION_ID_BYTES = 9

/** Which document a room carries. */
export type RoomKind = 'customer' | 'rep' | 'team' | 'portal'

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes unpadded base64url; throws on bad input. */
export function fromBase64Url(text: string): Uint8Array {
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

/** The opaque room name for a document: SHA-256 of kind, id and key. */
export async function roomName(kind: RoomKind, id: string, key: string): Promise<string> {
  const data = new TextEncoder().encode(`asiste/room/v1\u0000${kind}\u0000${id}\u0000${key}`)
  const digest = await crypto.subtle.digest('SHA-256', data)
  return toBase64Url(new Uint8Array(digest))
}

/** The rep doc key of a session, derived from the team secret with HKDF (so it never needs storing). */
export async function deriveRepKey(teamSecret: string, sessionId: string): Promise<string> {
  const base = await crypto.subtle.importKey('raw', fromBase64Url(teamSecret) as BufferSource, 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('asiste/rep-doc/v1'), info: new TextEncoder().encode(sessionId) },
    base,
    KEY_BYTES * 8 * 2,
  )
  return toBase64Url(new Uint8Array(bits))
}
