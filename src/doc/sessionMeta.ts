/**
 * What both sides read of a session document's meta (the customer page too): the shared facts, the bytes
 * the session authority signs over them, and their signature; and the validation of short string records.
 * Apart from session.ts, which adds what only reps write and read, so the customer page loads none of it
 * (issue 20, bundles).
 */
import type * as Y from 'yjs'
import { boundedString, idString, isRecord, timestamp } from './guards'
import { MAX_ID_CHARS, ROOT } from './schema'
import { parseSignature } from './signatures'

/** Facts about the session both sides may see. */
export interface SessionMeta {
  schemaVersion: number
  sessionId: string
  createdAt: number
  /** The way in the customer used ("link" or "portal"). */
  portal: string
}

const MAX_PORTAL_CHARS = 32 // a short label, never free text

/** The meta map of a session document. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.meta)
}

/** Reads the shared meta block, or undefined while it has not arrived (or is invalid). */
export function readSessionMeta(doc: Y.Doc): SessionMeta | undefined {
  const map = metaMap(doc)
  const schemaVersion = map.get('schemaVersion')
  const sessionId = idString(map.get('sessionId'), MAX_ID_CHARS)
  const createdAt = timestamp(map.get('createdAt'))
  const portal = boundedString(map.get('portal'), MAX_PORTAL_CHARS)
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || !sessionId || createdAt === undefined || portal === undefined) {
    return undefined
  }
  return { schemaVersion, sessionId, createdAt, portal }
}

/**
 * The bytes the session authority signs for the customer doc's meta: UTF-8 of the JSON array
 * `["asiste/meta/v1", sessionId, createdAt, portal, schemaVersion]`, as ECMAScript `JSON.stringify`
 * writes it (docs/SCHEMA.md). The signature is `meta.signature` (base64url).
 */
export function sessionMetaBytes(meta: SessionMeta): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['asiste/meta/v1', meta.sessionId, meta.createdAt, meta.portal, meta.schemaVersion]))
}

/** The customer doc meta's signature (base64url), if any. */
export function readMetaSignature(doc: Y.Doc): string | undefined {
  return parseSignature(metaMap(doc).get('signature'))
}

/** Validates a record of short string values (e.g. system information). */
export function stringRecord(value: unknown, maxKeys: number, maxChars: number): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(value)) return out
  for (const [key, item] of Object.entries(value).slice(0, maxKeys)) {
    const text = boundedString(item, maxChars)
    if (/^[a-zA-Z][a-zA-Z0-9]{0,31}$/.test(key) && text !== undefined) out[key] = text
  }
  return out
}
