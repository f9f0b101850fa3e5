/**
 * Signing keys of a session, with WebCrypto: the session authority (reps) and
 * each customer device. Ed25519 where the browser has it (Chromium, Node 20),
 * ECDSA P-256 (IEEE P1363 signatures, SHA-256) otherwise; a public key's length
 * says which (32 bytes Ed25519, 65 bytes uncompressed P-256). Keys and
 * signatures travel as base64url without padding. Formats: docs/SCHEMA.md,
 * "Signatures and identities". Verification never throws: bad input is `false`.
 */
import { canonicalEntryBytes } from '../doc/signatures'
import type { Entry } from '../doc/entry'
import { sessionMetaBytes, type SessionMeta } from '../doc/sessionMeta'
import type { SessionAuthorityRecord } from '../doc/session'
import { receiptBytes, type Receipt } from '../doc/receipts'
import { screenRequestBytes, type ScreenRequest } from '../doc/screenRequests'

const ED25519 = { name: 'Ed25519' } as const
const P256_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const
const P256_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const
const ED25519_PUBLIC_BYTES = 32
const P256_PUBLIC_BYTES = 65

/** Encodes bytes as base64url without padding. */
export function toBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes base64url (no padding); undefined for anything else. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

function signParams(key: CryptoKey): AlgorithmIdentifier | EcdsaParams {
  return key.algorithm.name === 'Ed25519' ? ED25519 : P256_SIGN
}

async function generatePair(extractable: boolean): Promise<CryptoKeyPair> {
  try {
    return (await crypto.subtle.generateKey(ED25519, extractable, ['sign', 'verify'])) as CryptoKeyPair
  } catch {
    return crypto.subtle.generateKey(P256_KEY, extractable, ['sign', 'verify'])
  }
}

async function exportPublic(key: CryptoKey): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', key)))
}

/** A new session authority (the creating rep's client): both halves exported for the rep doc. */
export async function createSessionAuthority(): Promise<SessionAuthorityRecord> {
  const pair = await generatePair(true)
  const privateKey = toBase64url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)))
  return { publicKey: await exportPublic(pair.publicKey), privateKey }
}

/** A customer device's key pair: the private half non-extractable (kept as a CryptoKey on the device). */
export async function createDeviceSigningKeys(): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const pair = await generatePair(false)
  return { privateKey: pair.privateKey, publicKey: await exportPublic(pair.publicKey) }
}

/** Imports the session authority's private key from the rep doc (non-extractable once imported). */
export async function importSigningKey(pkcs8: string): Promise<CryptoKey | undefined> {
  const bytes = fromBase64url(pkcs8)
  if (!bytes) return undefined
  for (const algorithm of [ED25519, P256_KEY]) {
    try {
      return await crypto.subtle.importKey('pkcs8', bytes, algorithm, false, ['sign'])
    } catch {
      // not this algorithm: try the next
    }
  }
  return undefined
}

/** Imports a public key (from a join link or an intake); undefined when it is not one. */
export async function importVerifyingKey(publicKey: string): Promise<CryptoKey | undefined> {
  const bytes = fromBase64url(publicKey)
  const algorithm = bytes?.length === ED25519_PUBLIC_BYTES ? ED25519 : bytes?.length === P256_PUBLIC_BYTES ? P256_KEY : undefined
  if (!bytes || !algorithm) return undefined
  try {
    return await crypto.subtle.importKey('raw', bytes, algorithm, true, ['verify'])
  } catch {
    return undefined
  }
}

/** Signs bytes; the signature as base64url. */
export async function signBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.sign(signParams(key), key, bytes)))
}

/** Whether `signature` (base64url) is `key`'s over `bytes`. */
export async function verifyBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, signature: string): Promise<boolean> {
  const raw = fromBase64url(signature)
  if (!raw) return false
  try {
    return await crypto.subtle.verify(signParams(key), key, raw, bytes)
  } catch {
    return false
  }
}

/** Signs a transcript entry of session `sessionId` (its canonical bytes). */
export function signEntry(key: CryptoKey, sessionId: string, entry: Entry): Promise<string> {
  return signBytes(key, canonicalEntryBytes(sessionId, entry))
}

/** Whether `signature` is `key`'s over the entry's canonical bytes. */
export function verifyEntry(key: CryptoKey, sessionId: string, entry: Entry, signature: string): Promise<boolean> {
  return verifyBytes(key, canonicalEntryBytes(sessionId, entry), signature)
}

/** Signs the customer's receipt of session `sessionId` with its device key. */
export function signReceipt(key: CryptoKey, sessionId: string, receipt: Receipt): Promise<string> {
  return signBytes(key, receiptBytes(sessionId, receipt))
}

/** Whether `receipt.signature` is `key`'s over the receipt's bytes. */
export function verifyReceipt(key: CryptoKey, sessionId: string, receipt: Receipt): Promise<boolean> {
  return receipt.signature === undefined ? Promise.resolve(false) : verifyBytes(key, receiptBytes(sessionId, receipt), receipt.signature)
}

/** Signs a screen request of session `sessionId` with the session authority. */
export function signScreenRequest(key: CryptoKey, sessionId: string, request: Pick<ScreenRequest, 'id' | 'repId' | 'repName' | 'at'>): Promise<string> {
  return signBytes(key, screenRequestBytes(sessionId, request))
}

/** Whether the request's signature is `key`'s (the session authority's). */
export function verifyScreenRequest(key: CryptoKey, sessionId: string, request: ScreenRequest): Promise<boolean> {
  return request.signature === undefined ? Promise.resolve(false) : verifyBytes(key, screenRequestBytes(sessionId, request), request.signature)
}

/** Signs the customer doc's meta with the session authority. */
export function signSessionMeta(key: CryptoKey, meta: SessionMeta): Promise<string> {
  return signBytes(key, sessionMetaBytes(meta))
}

/** Whether `signature` is `key`'s (the session authority's) over the meta's bytes. */
export function verifySessionMeta(key: CryptoKey, meta: SessionMeta, signature: string): Promise<boolean> {
  return verifyBytes(key, sessionMetaBytes(meta), signature)
}
