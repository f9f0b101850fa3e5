/**
 * Sealing to a public key: ECDH P-256 between a fresh ephemeral key and the
 * recipient's key gives an AES-GCM-256 key; `context` (a request id) is the
 * additional data, so a sealed answer cannot be moved to another request.
 * Used for login credentials (customer → requesting rep) and for the join
 * link an accepted intake gets (rep → customer, docs/SCHEMA.md).
 */
import type { PublicPoint, Sealed } from '../doc/credentialRequests'
import { fromBase64Url, toBase64Url } from './roomKeys'

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const

/** The coordinates of an EC public key (base64url), as documents carry them. */
export async function exportPoint(key: CryptoKey): Promise<PublicPoint> {
  const jwk = await crypto.subtle.exportKey('jwk', key)
  if (!jwk.x || !jwk.y) throw new Error('not an EC public key')
  return { x: jwk.x, y: jwk.y }
}

const importPoint = (point: PublicPoint): Promise<CryptoKey> => crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: point.x, y: point.y, ext: true }, CURVE, false, [])
const aesKey = (privateKey: CryptoKey, publicKey: CryptoKey): Promise<CryptoKey> =>
  crypto.subtle.deriveKey({ name: 'ECDH', public: publicKey }, privateKey, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])

/** A key pair to receive sealed data: the private half is non-extractable. */
export async function createSealingKeys(): Promise<{ privateKey: CryptoKey; publicKey: PublicPoint }> {
  const pair = await crypto.subtle.generateKey(CURVE, false, ['deriveKey'])
  return { privateKey: pair.privateKey, publicKey: await exportPoint(pair.publicKey) }
}

/** Seals `plain` (UTF-8) to `recipient`, bound to `context`. */
export async function seal(recipient: PublicPoint, context: string, plain: string): Promise<Sealed> {
  const ephemeral = await crypto.subtle.generateKey(CURVE, false, ['deriveKey'])
  const key = await aesKey(ephemeral.privateKey, await importPoint(recipient))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const bytes = new TextEncoder().encode(plain)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) }, key, bytes)
  bytes.fill(0)
  return { epk: await exportPoint(ephemeral.publicKey), iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) }
}

/** Opens what was sealed to `privateKey` for `context`; undefined when it was not (wrong key, context or bytes). */
export async function openSealed(privateKey: CryptoKey, sealed: Sealed, context: string): Promise<string | undefined> {
  try {
    const key = await aesKey(privateKey, await importPoint(sealed.epk))
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(sealed.iv), additionalData: new TextEncoder().encode(context) }, key, fromBase64Url(sealed.ct))
    return new TextDecoder().decode(plain)
  } catch {
    return undefined
  }
}
