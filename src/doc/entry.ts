/** Transcript entries: the shape written to documents and its validation. */
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { MAX_ID_CHARS, MAX_MESSAGE_CHARS, MAX_NAME_CHARS } from './schema'
import { isEntryId, parseEntryId } from './entryId'

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
 * How entries are stored: `v2` as self-describing maps (what schema version 2 builds read), `v3` as
 * compact arrays (`CompactEntry`). Readers accept both; writers use the document's form.
 */
export type EntryForm = 'v2' | 'v3'

/**
 * An entry as schema version 3 stores it: `[code, authorId, authorName, text, at?, event?, eventKey?, ref?]`.
 * `code` packs kind, audience and author role (`entryCode`); `at` is left out (`null`) when it equals
 * the time in the entry's id, as it does for nearly every local write; absent optional fields are
 * `null` and trailing ones are dropped. No key names: ~50 fewer bytes per message than a v2 map.
 */
export type CompactEntry = [number, string, string, string, ...(number | string | null)[]]

/** Longest compact entry: the eight fields above. */
const COMPACT_FIELDS = 8
/** Shortest compact entry: code, author id, author name, text. */
const COMPACT_REQUIRED = 4

/** The code of a kind, audience and role: `kind × 6 + audience × 3 + role`, indexes into the lists above (0–17). */
export function entryCode(kind: EntryKind, audience: Audience, role: AuthorRole): number {
  return ENTRY_KINDS.indexOf(kind) * 6 + AUDIENCES.indexOf(audience) * 3 + AUTHOR_ROLES.indexOf(role)
}

/** The fields of a stored entry, not validated: a v2 map read as is, or a v3 array spelled out. */
type RawFields = Record<string, unknown>

/**
 * Spells out a stored entry's fields, in either form, or says why it cannot: the one reader of raw
 * entries besides `parseEntry` (which validates what this returns). `id` gives a v3 entry its `at`.
 */
export function storedFields(id: string, raw: unknown): { fields: RawFields } | { error: string } {
  if (isRecord(raw)) return { fields: raw }
  if (!Array.isArray(raw)) return { error: 'an entry is a map (v2) or an array (v3)' }
  if (raw.length < COMPACT_REQUIRED || raw.length > COMPACT_FIELDS) return { error: `a compact entry has ${COMPACT_REQUIRED} to ${COMPACT_FIELDS} fields, not ${raw.length}` }
  const [code, authorId, authorName, text, at, event, eventKey, ref] = raw as unknown[]
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code >= ENTRY_KINDS.length * 6) return { error: `unknown entry code ${String(code)}` }
  const time = parseEntryId(id)?.time
  if (at === null && time === undefined) return { error: 'no time: the id is not an entry id' }
  const fields: RawFields = {
    kind: ENTRY_KINDS[Math.floor(code / 6)],
    audience: AUDIENCES[Math.floor(code / 3) % 2],
    authorRole: AUTHOR_ROLES[code % 3],
    authorId,
    authorName,
    text,
    at: at === undefined || at === null ? time : at,
  }
  // An absent optional field is null (or left off the end); anything else is its value, validated by `parseEntry`.
  for (const [key, value] of [['event', event], ['eventKey', eventKey], ['ref', ref]] as const) if (value !== undefined && value !== null) fields[key] = value
  return { fields }
}

/**
 * Validates an entry read from a document, in either stored form. Returns undefined for anything
 * that does not fit the schema: peers are untrusted, so a bad value is dropped, never cast or thrown on.
 */
export function parseEntry(id: unknown, raw: unknown): Entry | undefined {
  if (typeof id !== 'string' || !isEntryId(id)) return undefined
  const read = storedFields(id, raw)
  return 'fields' in read ? validEntry(id, read.fields) : undefined
}

/** Why `raw` is not a valid entry under `id` (undefined when it is one): for tests and diagnostics. */
export function entryProblem(id: unknown, raw: unknown): string | undefined {
  if (typeof id !== 'string' || !isEntryId(id)) return `not an entry id: ${String(id).slice(0, 40)}`
  const read = storedFields(id, raw)
  if ('error' in read) return read.error
  return validEntry(id, read.fields) ? undefined : 'a field is missing, too long, or not one the schema allows'
}

function validEntry(id: string, raw: RawFields): Entry | undefined {
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

/** What to store under `id` for `entry` in `form` (what `parseEntry` reads back as the same entry). */
export function encodeEntry(id: string, entry: StoredEntry, form: EntryForm): StoredEntry | CompactEntry {
  if (form === 'v2') return toStored(entry)
  const compact: CompactEntry = [entryCode(entry.kind, entry.audience, entry.authorRole), entry.authorId, entry.authorName, entry.text]
  const optional = [entry.at === parseEntryId(id)?.time ? null : entry.at, entry.event ?? null, entry.eventKey ?? null, entry.ref ?? null]
  while (optional.length > 0 && optional[optional.length - 1] === null) optional.pop()
  compact.push(...optional)
  return compact
}

/** Whether two entries store the same: the fields `toStored` keeps are equal (their ids are not compared). */
export function sameStoredEntry(a: StoredEntry, b: StoredEntry): boolean {
  return (
    a.kind === b.kind &&
    a.audience === b.audience &&
    a.authorId === b.authorId &&
    a.authorName === b.authorName &&
    a.authorRole === b.authorRole &&
    a.text === b.text &&
    a.at === b.at &&
    a.event === b.event &&
    a.eventKey === b.eventKey &&
    a.ref === b.ref
  )
}

/** An entry's fields in the v2 map form (what `parseEntry` accepts back): also the form compared and measured. */
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
