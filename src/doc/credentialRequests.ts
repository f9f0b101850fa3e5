/**
 * Login-credential requests in the customer doc (`credentials` Y.Map). The
 * rep publishes an ECDH P-256 public key with the request; the customer's
 * answer is sealed to it (AES-GCM), so the doc only ever holds ciphertext,
 * and the requesting rep's client erases even that once it has shown it.
 */
import type * as Y from 'yjs'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { parseSignature } from './signatures'

/** Where a credential request stands. */
export const CREDENTIAL_STATES = ['pending', 'provided', 'declined'] as const
export type CredentialState = (typeof CREDENTIAL_STATES)[number]

/** An EC public key's coordinates (base64url), or sealed data. */
export interface PublicPoint {
  x: string
  y: string
}
/** Ciphertext for the requesting rep: the customer's ephemeral public key, IV and AES-GCM output (base64url). */
export interface Sealed {
  epk: PublicPoint
  iv: string
  ct: string
}

/** A validated credential request. */
export interface CredentialRequest {
  id: string
  repId: string
  repName: string
  at: number
  state: CredentialState
  publicKey: PublicPoint
  sealed?: Sealed
  /** The session authority's signature over `credentialRequestBytes` (base64url): proves a rep of this session asked. */
  signature?: string
}

const B64URL = /^[A-Za-z0-9_-]{1,8192}$/

/** Validates an EC public point read from a document. */
export function parsePoint(raw: unknown): PublicPoint | undefined {
  if (!isRecord(raw) || typeof raw.x !== 'string' || typeof raw.y !== 'string' || !B64URL.test(raw.x) || !B64URL.test(raw.y)) return undefined
  return { x: raw.x, y: raw.y }
}

/** Validates sealed data read from a document. */
export function parseSealed(raw: unknown): Sealed | undefined {
  if (!isRecord(raw)) return undefined
  const epk = parsePoint(raw.epk)
  if (!epk || typeof raw.iv !== 'string' || typeof raw.ct !== 'string' || !B64URL.test(raw.iv) || !B64URL.test(raw.ct)) return undefined
  return { epk, iv: raw.iv, ct: raw.ct }
}

/** The `credentials` map of a customer doc. */
export function credentialsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('credentials')
}

/** Validates one stored request (untrusted input). */
export function parseCredentialRequest(id: string, raw: unknown): CredentialRequest | undefined {
  if (!idString(id, MAX_ID_CHARS) || !isRecord(raw)) return undefined
  const repId = idString(raw.repId, MAX_ID_CHARS)
  const repName = boundedString(raw.repName, MAX_NAME_CHARS)
  const at = timestamp(raw.at)
  const state = oneOf(raw.state, CREDENTIAL_STATES)
  const publicKey = parsePoint(raw.publicKey)
  if (!repId || repName === undefined || at === undefined || !state || !publicKey) return undefined
  const request: CredentialRequest = { id, repId, repName, at, state, publicKey }
  if (raw.sealed !== undefined) {
    const sealed = parseSealed(raw.sealed)
    if (!sealed) return undefined
    request.sealed = sealed
  }
  const signature = parseSignature(raw.signature)
  if (signature) request.signature = signature
  return request
}

/**
 * The bytes the session authority signs for a request: UTF-8 of the JSON array
 * `["asiste/credentials/v1", sessionId, id, repId, repName, at, publicKey.x, publicKey.y]` — what the
 * rep asked and the key to seal to, never the customer's answer (docs/SCHEMA.md).
 */
export function credentialRequestBytes(sessionId: string, request: CredentialRequest): Uint8Array<ArrayBuffer> {
  const fields = ['asiste/credentials/v1', sessionId, request.id, request.repId, request.repName, request.at, request.publicKey.x, request.publicKey.y]
  return new TextEncoder().encode(JSON.stringify(fields))
}

/** Every valid request, oldest first. */
export function readCredentialRequests(doc: Y.Doc): CredentialRequest[] {
  const list: CredentialRequest[] = []
  credentialsMap(doc).forEach((raw, id) => {
    const request = parseCredentialRequest(id, raw)
    if (request) list.push(request)
  })
  return list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}

/** Writes a request record as given (a new request, an answer, or the erased answer). */
export function putCredentialRequest(doc: Y.Doc, request: CredentialRequest): void {
  const { id, ...record } = request
  if (record.sealed === undefined) delete record.sealed
  doc.transact(() => credentialsMap(doc).set(id, { ...record }), LOCAL)
}
