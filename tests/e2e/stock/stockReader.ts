/**
 * How a Yjs program that is not Asiste reads a session, written from
 * docs/SCHEMA.md alone: stock `yjs` and WebCrypto, nothing from `src/`.
 * The stock-peer browser test bundles it; the schema's worked example test
 * runs it step by step.
 */
import type * as Y from 'yjs'

/** What a customer join link carries (SCHEMA.md, "Rooms and keys"). */
export interface JoinLink {
  sessionId: string
  customerKey: string
  via: 'link' | 'portal'
}

/** Reads `https://host/#/join/<sessionId>.<customerKey>[.<authority>][?via=portal]`; no part has a `.`, so `.` splits. */
export function parseJoinLink(link: string): JoinLink {
  const fragment = new URL(link).hash
  const match = /^#\/join\/([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_-]+)?(\?via=portal)?$/.exec(fragment)
  if (!match?.[1] || !match[2]) throw new SyntaxError(`not a join link: ${link}`)
  return { sessionId: match[1], customerKey: match[2], via: match[3] ? 'portal' : 'link' }
}

/** The text hashed into a room name: the three parts joined by NUL bytes after the prefix. */
export function roomInput(kind: string, id: string, key: string): string {
  return `asiste/room/v1\u0000${kind}\u0000${id}\u0000${key}`
}

/** Unpadded base64url (RFC 4648 §5, no `=`). */
export function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The room name the signaling server sees: base64url(SHA-256(UTF-8 of roomInput)), 43 characters. */
export async function roomName(kind: string, id: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(roomInput(kind, id, key)))
  return base64Url(new Uint8Array(digest))
}

/** Signaling URLs from `/config.json`; an empty list means this origin's `/signal`. */
export function signalingUrls(config: unknown, origin: string): string[] {
  const listed = typeof config === 'object' && config !== null && Array.isArray((config as { signaling?: unknown }).signaling)
    ? (config as { signaling: unknown[] }).signaling.filter((url): url is string => typeof url === 'string')
    : []
  if (listed.length > 0) return listed
  const { protocol, host } = new URL(origin)
  return [`${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/signal`]
}

/** One transcript entry as the schema defines it (plain JSON), with its id. */
export type TranscriptEntry = { id: string } & Record<string, unknown>

/** Keeps, per `eventKey`, only the note with the smallest id (several peers may note one event); input in id order. */
export function dedupeByEventKey(entries: TranscriptEntry[]): TranscriptEntry[] {
  const seen = new Set<unknown>()
  return entries.filter((entry) => {
    if (typeof entry.eventKey !== 'string') return true
    if (seen.has(entry.eventKey)) return false
    seen.add(entry.eventKey)
    return true
  })
}

/** Kinds, audiences and author roles in the order a compact entry's `code` counts them (code = kind × 6 + audience × 3 + role). */
const KINDS = ['chat', 'status', 'url']
const AUDIENCES = ['all', 'reps']
const ROLES = ['rep', 'customer', 'system']

/**
 * An entry's fields, from either stored form: a map (schemaVersion ≤ 2) as it is, or a compact array
 * (3) `[code, authorId, authorName, text, at?, event?, eventKey?, ref?]`, where a missing or `null` `at`
 * is the id's first 9 characters read in base 36, and a missing or `null` optional field is absent.
 */
export function entryFields(id: string, stored: unknown): Record<string, unknown> {
  if (!Array.isArray(stored)) return typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {}
  const [code, authorId, authorName, text, at, event, eventKey, ref] = stored as unknown[]
  const n = typeof code === 'number' ? code : -1
  const fields: Record<string, unknown> = {
    kind: KINDS[Math.floor(n / 6)],
    audience: AUDIENCES[Math.floor(n / 3) % 2],
    authorRole: ROLES[n % 3],
    authorId,
    authorName,
    text,
    at: at ?? parseInt(id.slice(0, 9), 36),
  }
  if (event != null) fields.event = event
  if (eventKey != null) fields.eventKey = eventKey
  if (ref != null) fields.ref = ref
  return fields
}

/** A stored signature as bytes: 64 raw bytes (schemaVersion 3), or unpadded base64url (2). */
export function signatureBytes(stored: unknown): Uint8Array | undefined {
  if (stored instanceof Uint8Array) return stored
  if (typeof stored !== 'string') return undefined
  const binary = atob(stored.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (stored.length % 4)) % 4))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/** The transcript of a session document: `entries` sorted by key (plain string order), each spelled out. */
export function orderedTranscript(doc: Y.Doc): TranscriptEntry[] {
  return [...doc.getMap<unknown>('entries').entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, entry]) => ({ id, ...entryFields(id, entry) }))
}
