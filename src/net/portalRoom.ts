/**
 * Session codes and their portal rooms. A session code is short enough to
 * read out over the phone, so it is guessable: it never keys a session. It
 * only names a small, short-lived "portal room" whose document holds the
 * session's join link (strong id and key). The room's id and key are
 * PBKDF2-derived from the code and the deployment's own random salt (served
 * in `/config.json`), and the room name is the usual one-way hash of them, so
 * the signaling server sees neither the code nor anything that can be checked
 * against a guess without paying the PBKDF2 cost per guess — and a table of
 * every code's room built for one deployment is useless for any other.
 */
import { portalSalt } from './config'
import { toBase64Url } from './roomKeys'

/**
 * Unambiguous symbols: no 0/O, 1/I/L (read-out and handwriting confusions) and
 * no U (Crockford's choice: fewer accidental words). 30 symbols.
 */
export const PORTAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
/** 30^6 ≈ 7.3 × 10^8 codes: a guess rarely hits one of the few live codes inside their 15 minutes. */
export const PORTAL_CODE_LENGTH = 6
/** Work per guess for whoever tries codes against room names seen on the wire; ~50 ms once per lookup in a browser. */
export const PORTAL_PBKDF2_ITERATIONS = 100_000
/** Keeps portal derivations apart from any other PBKDF2 use of the same salt; not the secret part. */
const PORTAL_SALT_CONTEXT = 'asiste/portal/v2:'
const ROOM_BYTES = 16 // id and key are 128 bits each, like every other room

/** A session code's portal room: the id and key `connectDoc` hashes into the room name (the key is also the y-webrtc password). */
export interface PortalRoom {
  id: string
  key: string
}

/** A fresh random session code (canonical form: upper case, no separators). */
export function generatePortalCode(randomBytes: (length: number) => Uint8Array = (length) => crypto.getRandomValues(new Uint8Array(length))): string {
  const size = PORTAL_CODE_ALPHABET.length
  // Rejection sampling: bytes ≥ the largest multiple of `size` would bias the first symbols.
  const limit = 256 - (256 % size)
  let code = ''
  while (code.length < PORTAL_CODE_LENGTH) {
    for (const byte of randomBytes(PORTAL_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < PORTAL_CODE_LENGTH) code += PORTAL_CODE_ALPHABET[byte % size]
    }
  }
  return code
}

/**
 * The canonical form of what someone typed: case-insensitive, spaces, dashes
 * and dots ignored. Undefined when it cannot be a session code.
 */
export function normalizePortalCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s\-\u2010-\u2015.\u00b7_]/g, '')
  if (code.length !== PORTAL_CODE_LENGTH) return undefined
  for (const symbol of code) if (!PORTAL_CODE_ALPHABET.includes(symbol)) return undefined
  return code
}

/** How a code is shown to read out: two groups of three (`K7P-4QX`). */
export function formatPortalCode(code: string): string {
  const half = Math.ceil(code.length / 2)
  return `${code.slice(0, half)}-${code.slice(half)}`
}

/**
 * Derives the portal room of a canonical code: PBKDF2-SHA-256(code, context ‖ deployment salt, iterations)
 * → 256 bits = id ‖ key. Without `salt`, the deployment's salt from the runtime config (`portalSalt()`).
 */
export async function derivePortalRoom(code: string, salt?: string, iterations = PORTAL_PBKDF2_ITERATIONS): Promise<PortalRoom> {
  const encoder = new TextEncoder()
  const saltBytes = encoder.encode(PORTAL_SALT_CONTEXT + (salt ?? (await portalSalt())))
  const base = await crypto.subtle.importKey('raw', encoder.encode(code) as BufferSource, 'PBKDF2', false, ['deriveBits'])
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes as BufferSource, iterations }, base, ROOM_BYTES * 2 * 8),
  )
  return { id: toBase64Url(bits.slice(0, ROOM_BYTES)), key: toBase64Url(bits.slice(ROOM_BYTES)) }
}
