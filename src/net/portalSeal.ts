/**
 * Sealing for team portals (issue 22), all WebCrypto: ECDH P-256 → HKDF-SHA-256 → AES-256-GCM.
 *
 * A portal has an ECDH key pair: the public half rides in the portal link, the private half lives only
 * in the team doc. Each request has a fresh ECDH key pair made in the customer's browser. Both ends
 * derive the same request key, `HKDF(ECDH(portal, customer), info = context ‖ portal id ‖ request id)`,
 * so everything about a request (the request itself, details, cancel, claims, the customer's pick) is
 * AES-GCM under a key only the customer and the team's reps can compute: the signaling server, other
 * customers and the public portal room see ciphertext, and a record that opens was written by the
 * customer or by a rep (GCM authenticates it). Each record's slot (`aad`) is bound into the tag, so a
 * ciphertext cannot be moved to another slot or request.
 *
 * Keys travel as base64url without padding (raw public keys, PKCS #8 private keys). Nothing here throws
 * on bad input: opening or importing junk gives `undefined`.
 */
import { fromBase64url, toBase64url } from './sessionAuthority'

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const
const HKDF_CONTEXT = 'asiste/portal-request/v1'
const IV_BYTES = 12
/** Raw uncompressed P-256 public key: 65 bytes, 87 base64url characters. */
export const SEAL_PUBLIC_CHARS = 87

/** An ECDH key pair as stored: both halves exported. */
export interface SealKeys {
  /** Raw public key, base64url. */
  publicKey: string
  /** PKCS #8 private key, base64url. */
  privateKey: string
}

/** A sealed record as it sits in a document. */
export interface Sealed {
  iv: string
  ct: string
}

/** A fresh ECDH P-256 key pair (a portal's, or a request's). */
export async function createSealKeys(): Promise<SealKeys> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])
  return {
    publicKey: toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))),
    privateKey: toBase64url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))),
  }
}

/** Whether `text` has the shape of a raw P-256 public key in base64url. */
export function isSealPublicKey(text: unknown): text is string {
  return typeof text === 'string' && text.length === SEAL_PUBLIC_CHARS && /^[A-Za-z0-9_-]+$/.test(text)
}

async function importPrivate(pkcs8: string): Promise<CryptoKey | undefined> {
  const bytes = fromBase64url(pkcs8)
  if (!bytes) return undefined
  try {
    return await crypto.subtle.importKey('pkcs8', bytes, ECDH, false, ['deriveBits'])
  } catch {
    return undefined
  }
}

async function importPublic(raw: string): Promise<CryptoKey | undefined> {
  const bytes = isSealPublicKey(raw) ? fromBase64url(raw) : undefined
  if (!bytes) return undefined
  try {
    return await crypto.subtle.importKey('raw', bytes, ECDH, false, [])
  } catch {
    return undefined // not a point on the curve
  }
}

/**
 * The AES-GCM key of one request, from either end: (portal private, customer public) on a rep's
 * client, (customer private, portal public) on the customer's. Undefined when a key does not import.
 */
export async function deriveRequestKey(privateKey: string, otherPublicKey: string, portalId: string, requestId: string): Promise<CryptoKey | undefined> {
  const [mine, theirs] = await Promise.all([importPrivate(privateKey), importPublic(otherPublicKey)])
  if (!mine || !theirs) return undefined
  try {
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: theirs }, mine, 256)
    const base = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
    const info = new TextEncoder().encode(`${HKDF_CONTEXT}\u0000${portalId}\u0000${requestId}`)
    return await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    )
  } catch {
    return undefined
  }
}

/** Seals a JSON value under `key`, bound to the slot `aad`. */
export async function sealJson(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const plain = new TextEncoder().encode(JSON.stringify(value))
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) }, key, plain)
  return { iv: toBase64url(iv), ct: toBase64url(new Uint8Array(ct)) }
}

/** Opens a sealed record; undefined when it was not sealed under `key` for `aad`, or is not JSON. */
export async function openJson(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
  const iv = fromBase64url(sealed.iv)
  const ct = fromBase64url(sealed.ct)
  if (iv?.length !== IV_BYTES || !ct) return undefined
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) }, key, ct)
    return JSON.parse(new TextDecoder().decode(plain)) as unknown
  } catch {
    return undefined
  }
}
