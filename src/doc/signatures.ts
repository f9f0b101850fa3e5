/**
 * Signatures of transcript entries, kept beside the entries in a `signatures`
 * map (entry id → base64url signature) rather than inside them: writers stay
 * synchronous (`appendEntry`) and sign a moment later, readers of the entries
 * are unchanged, and rewriting an entry cannot rewrite its signature with it.
 * This module only builds the bytes that are signed and stores strings; the
 * cryptography lives in src/net/sessionAuthority.ts (this layer imports yjs only).
 */
import type * as Y from 'yjs'
import type { Entry } from './entry'
import { parseEntryId } from './entryId'

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

/** The signature stored for entry `id`, validated. */
export function readSignature(doc: Y.Doc, id: string): string | undefined {
  return parseSignature(signaturesMap(doc).get(id))
}

/** Stores signatures (id → signature) in one transaction, skipping those already stored. Returns how many it wrote. */
export function putSignatures(doc: Y.Doc, signatures: Iterable<readonly [string, string]>, origin: unknown): number {
  const map = signaturesMap(doc)
  let written = 0
  doc.transact(() => {
    for (const [id, signature] of signatures) {
      if (parseEntryId(id) === undefined || parseSignature(signature) === undefined || map.get(id) === signature) continue
      map.set(id, signature)
      written++
    }
  }, origin)
  return written
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
