/**
 * Keys and room names. Keys are random (or HKDF-derived) secrets that travel
 * only in URL fragments and inside already-encrypted documents; room names
 * are one-way hashes of (kind, id, key), so the signaling server learns
 * neither session ids nor keys. The keys reps derive from the team secret
 * are in repKeys.ts: HKDF is code no customer page needs (issue 20, bundles).
 */
import { sha256 } from '@noble/hashes/sha2.js'

/** 128 bits: the floor DESIGN.md sets for a room key. */
export const KEY_BYTES = 16
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
