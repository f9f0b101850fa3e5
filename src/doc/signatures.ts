/**
 * Signatures of transcript entries, kept beside the entries in a `signatures`
 * map (entry id → signature: 64 raw bytes from schema version 3, a base64url
 * string before, in the form of the document's entries) rather than inside them: writers stay
 * synchronous (`appendEntry`) and sign a moment later, readers of the entries
 * are unchanged, and rewriting an entry cannot rewrite its signature with it.
 * This module builds the bytes that are signed and stores signatures (callers
 * pass and get base64url strings, whatever the stored form); the
 * cryptography lives in src/net/sessionAuthority.ts (this layer imports yjs only).
 */
import type * as Y from 'yjs'
import type { Entry } from './entry'
import { parseEntryId } from './entryId'
import { entryForm } from './transcript'

/** Prefix of every signed entry encoding: a signature over anything else never verifies as an entry. */
export const ENTRY_SIGNATURE_CONTEXT = 'asiste/entry/v1'

/** Longest signature string kept: Ed25519 and P-256 signatures are 64 bytes (86 base64url chars). */
const MAX_SIGNATURE_CHARS = 128
/** Longest public key string: a raw P-256 point is 65 bytes (87 chars); Ed25519 is 32 (43 chars). */
const MAX_PUBLIC_KEY_CHARS = 100

const BASE64URL = /^[A-Za-z0-9_-]+$/

/** The signatures map of a session document. */
export function signaturesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('signatures')
}

/** A base64url string short enough to be a signature, or undefined. */
export function parseSignature(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_SIGNATURE_CHARS && BASE64URL.test(value) ? value : undefined
}

/** A base64url string short enough to be a public key, or undefined. */
export function parsePublicKey(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= 40 && value.length <= MAX_PUBLIC_KEY_CHARS && BASE64URL.test(value) ? value : undefined
}

/** Length of a stored raw signature: Ed25519 and P-256 (IEEE P1363) signatures are both 64 bytes. */
const SIGNATURE_BYTES = 64

/** Unpadded base64url of `bytes` (the form signatures travel in between modules). */
function toBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The 64 bytes a base64url signature stands for, or undefined when it is not one. */
function signatureBytes(signature: string): Uint8Array | undefined {
  if (parseSignature(signature) === undefined || signature.length % 4 === 1) return undefined
  const binary = atob(signature.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (signature.length % 4)) % 4))
  if (binary.length !== SIGNATURE_BYTES) return undefined
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
  return toBase64url(bytes) === signature ? bytes : undefined // only the canonical spelling: reading back gives the same string
}

/** Base64url of stored signatures already read: Yjs hands out the same array each time, and full scans (opening a session) read them all. */
const spelled = new WeakMap<Uint8Array, string>()

/** A stored signature in either form (v3 bytes, v2 string) as base64url, or undefined when it is neither. */
export function readStoredSignature(value: unknown): string | undefined {
  if (!(value instanceof Uint8Array)) return parseSignature(value)
  if (value.length !== SIGNATURE_BYTES) return undefined
  let text = spelled.get(value)
  if (text === undefined) spelled.set(value, (text = toBase64url(value)))
  return text
}

/** The signature stored for entry `id`, validated, as base64url. */
export function readSignature(doc: Y.Doc, id: string): string | undefined {
  return readStoredSignature(signaturesMap(doc).get(id))
}

/** What to store for `signature` in a document whose entries have `form` (a string that is not 64 bytes stays a string). */
function storedSignature(signature: string, form: 'v2' | 'v3'): string | Uint8Array {
  return form === 'v3' ? (signatureBytes(signature) ?? signature) : signature
}

/** Stores the signature of entry `id` in the document's form, unless the same is there (inside the caller's transaction). Returns whether it wrote. */
export function setSignature(doc: Y.Doc, id: string, signature: string): boolean {
  if (parseEntryId(id) === undefined || parseSignature(signature) === undefined || readSignature(doc, id) === signature) return false
  signaturesMap(doc).set(id, storedSignature(signature, entryForm(doc)))
  return true
}

/** Stores signatures (id → signature) in one transaction, skipping those already stored. Returns how many it wrote. */
export function putSignatures(doc: Y.Doc, signatures: Iterable<readonly [string, string]>, origin: unknown): number {
  let written = 0
  doc.transact(() => {
    for (const [id, signature] of signatures) if (setSignature(doc, id, signature)) written++
  }, origin)
  return written
}

/** Rewrites a v2 document's string signatures as raw bytes (the v3 migration; inside its transaction). */
export function compactSignatures(doc: Y.Doc): void {
  const map = signaturesMap(doc)
  for (const [id, value] of [...map.entries()]) {
    const bytes = typeof value === 'string' && parseEntryId(id) !== undefined ? signatureBytes(value) : undefined
    if (bytes) map.set(id, bytes)
  }
}

/**
 * The exact bytes a signature covers: UTF-8 of the JSON array
 * `["asiste/entry/v1", sessionId, id, kind, audience, authorId, authorName, authorRole, text, at,
 * event, eventKey, ref]` as ECMAScript `JSON.stringify` writes it (no spaces; absent optional
 * fields are `null`). A stock peer rebuilds it from the stored entry (docs/SCHEMA.md).
 */
export function canonicalEntryBytes(sessionId: string, entry: Entry): Uint8Array<ArrayBuffer> {
  const fields = [
    ENTRY_SIGNATURE_CONTEXT,
    sessionId,
    entry.id,
    entry.kind,
    entry.audience,
    entry.authorId,
    entry.authorName,
    entry.authorRole,
    entry.text,
    entry.at,
    entry.event ?? null,
    entry.eventKey ?? null,
    entry.ref ?? null,
  ]
  return new TextEncoder().encode(JSON.stringify(fields))
}
