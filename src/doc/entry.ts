/** Transcript entries: the shape written to documents and its validation. */
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { MAX_ID_CHARS, MAX_MESSAGE_CHARS, MAX_NAME_CHARS } from './schema'
import { isEntryId } from './entryId'

/** What an entry is: a chat message, an automatic status note, or a URL pushed to the customer. */
export const ENTRY_KINDS = ['chat', 'status', 'url'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/** Who may see an entry: everyone in the session, or reps only. */
export const AUDIENCES = ['all', 'reps'] as const
export type Audience = (typeof AUDIENCES)[number]

/** The author's role in the session. */
export const AUTHOR_ROLES = ['rep', 'customer', 'system'] as const
export type AuthorRole = (typeof AUTHOR_ROLES)[number]

/** Status events that produce a note in the transcript. Rendered per viewer language. */
export const STATUS_EVENTS = ['sessionStarted', 'joined', 'left', 'ended', 'urlOpened', 'urlBlocked', 'urlRefused', 'invited', 'screenShared', 'screenStopped', 'screenDeclined', 'fileOffered', 'fileSent', 'fileDeclined', 'fileCancelled', 'fileFailed', 'credentialsProvided', 'credentialsDeclined', 'rated'] as const
export type StatusEvent = (typeof STATUS_EVENTS)[number]

/**
 * The status events a customer's own page notes (joining, answers to pushed URLs, screen, file and
 * credentials requests). Session-level events — started, left, ended, invited — are the team's alone.
 */
export const CUSTOMER_EVENTS: readonly StatusEvent[] = ['joined', 'urlOpened', 'urlBlocked', 'urlRefused', 'screenShared', 'screenStopped', 'screenDeclined', 'fileOffered', 'fileSent', 'fileDeclined', 'fileCancelled', 'fileFailed', 'credentialsProvided', 'credentialsDeclined', 'rated']

/** A satisfaction rating's text: one digit from 1 to 5 (the `rated` note's `text`). */
export const RATING = /^[1-5]$/

/** A transcript entry as stored in a document (the map key is its id). */
export interface StoredEntry {
  kind: EntryKind
  audience: Audience
  authorId: string
  authorName: string
  authorRole: AuthorRole
  /** The message text; for a status note, the subject's name (may be empty). */
  text: string
  /** Author's wall clock, ms since the epoch. Display only: order comes from the id. */
  at: number
  /** Present on status notes only. */
  event?: StatusEvent
  /**
   * Names the event a status note records (e.g. `left:<customerId>:<joinId>`). Several peers may
   * observe one event and each write a note: readers keep only the note with the smallest id per key.
   */
  eventKey?: string
  /** The entry this one is about (e.g. the pushed URL a `urlOpened` note answers). */
  ref?: string
}

/** A validated entry with its id. */
export interface Entry extends StoredEntry {
  id: string
}

/** Longest URL that can be pushed (browsers handle ~2 KB URLs everywhere). */
export const MAX_URL_CHARS = 2_048
/** Longest event key: a few ids joined by colons. */
const MAX_EVENT_KEY_CHARS = 200

/** Whether `text` is an absolute http: or https: URL — the only schemes Asiste pushes or links. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Who may speak for an event key: the team (reps and their clients' notes, one namespace), or
 * one customer id (each its own). A customer's note can never stand in for the team's.
 */
export function eventNamespace(entry: Pick<Entry, 'authorRole' | 'authorId'>): string {
  return entry.authorRole === 'customer' ? `customer:${entry.authorId}` : 'team'
}

/**
 * Keeps one note per event key and author namespace (the one with the smallest id), so an event
 * that several peers observed shows once, the same on every peer. Where the team noted an event,
 * customers' notes of the same key are dropped: a customer note (say a forged `ended:<sessionId>`)
 * cannot hide the team's. Input and output are in id order.
 */
export function dedupeEvents(entries: Entry[]): Entry[] {
  const teamKeys = new Set<string>()
  for (const entry of entries) if (entry.eventKey !== undefined && entry.authorRole !== 'customer') teamKeys.add(entry.eventKey)
  const seen = new Set<string>()
  return entries.filter((entry) => {
    if (entry.eventKey === undefined) return true
    if (entry.authorRole === 'customer' && teamKeys.has(entry.eventKey)) return false
    const key = `${eventNamespace(entry)}\0${entry.eventKey}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Validates an entry read from a document. Returns undefined for anything that
 * does not fit the schema: peers are untrusted, so a bad value is dropped, never
 * cast or thrown on.
 */
export function parseEntry(id: unknown, raw: unknown): Entry | undefined {
  if (typeof id !== 'string' || !isEntryId(id) || !isRecord(raw)) return undefined
  const kind = oneOf(raw.kind, ENTRY_KINDS)
  const audience = oneOf(raw.audience, AUDIENCES)
  const authorId = idString(raw.authorId, MAX_ID_CHARS)
  const authorName = boundedString(raw.authorName, MAX_NAME_CHARS)
  const authorRole = oneOf(raw.authorRole, AUTHOR_ROLES)
  const text = boundedString(raw.text, MAX_MESSAGE_CHARS)
  const at = timestamp(raw.at)
  if (!kind || !audience || !authorId || authorName === undefined || !authorRole || text === undefined || at === undefined) {
    return undefined
  }
  const entry: Entry = { id, kind, audience, authorId, authorName, authorRole, text, at }
  if (kind === 'status') {
    const event = oneOf(raw.event, STATUS_EVENTS)
    if (!event || (event === 'rated' && (!RATING.test(text) || authorRole !== 'customer'))) return undefined
    entry.event = event
  } else if (raw.event !== undefined) {
    return undefined
  }
  if (kind === 'url' && (text.length > MAX_URL_CHARS || !isWebUrl(text))) return undefined
  if (raw.eventKey !== undefined) {
    const eventKey = boundedString(raw.eventKey, MAX_EVENT_KEY_CHARS)
    if (eventKey === undefined || kind !== 'status') return undefined
    entry.eventKey = eventKey
  }
  if (raw.ref !== undefined) {
    const ref = typeof raw.ref === 'string' && isEntryId(raw.ref) ? raw.ref : undefined
    if (!ref) return undefined
    entry.ref = ref
  }
  return entry
}

/** The stored form of an entry (what `parseEntry` accepts back). */
export function toStored(entry: StoredEntry): StoredEntry {
  const stored: StoredEntry = {
    kind: entry.kind,
    audience: entry.audience,
    authorId: entry.authorId,
    authorName: entry.authorName,
    authorRole: entry.authorRole,
    text: entry.text,
    at: entry.at,
  }
  if (entry.event !== undefined) stored.event = entry.event
  if (entry.eventKey !== undefined) stored.eventKey = entry.eventKey
  if (entry.ref !== undefined) stored.ref = entry.ref
  return stored
}
