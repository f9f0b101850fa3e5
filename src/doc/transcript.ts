/**
 * The transcript: a `Y.Map` from sortable entry id to an immutable entry.
 * A map (not a `Y.Array`) because appends stay O(1) when remote updates
 * interleave (see bench/append.bench.ts); readers sort by id.
 */
import * as Y from 'yjs'
import { COMPACT_ENTRIES_VERSION, LOCAL, MAX_MESSAGE_CHARS, ROOT } from './schema'
import { isRecord } from './guards'
import { HybridClock, formatEntryId, parseEntryId } from './entryId'
import { dedupeEvents, encodeEntry, eventNamespace, parseEntry, type Audience, type Entry, type EntryForm, type StatusEvent, type StoredEntry } from './entry'

/** The entries map of a session document (customer or rep doc). */
export function entriesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.entries)
}

/** Per document: its clock, which has seen every id in it, and the newest entry id (whose form writers copy while the meta is missing). */
interface DocState {
  clock: HybridClock
  newest: string | undefined
}

const states = new WeakMap<Y.Doc, DocState>()

function stateOf(doc: Y.Doc): DocState {
  let state = states.get(doc)
  if (state) return state
  const created: DocState = { clock: new HybridClock(doc.clientID.toString(36)), newest: undefined }
  const map = entriesMap(doc)
  const see = (id: string): void => {
    const stamp = parseEntryId(id)
    if (!stamp) return
    created.clock.observe(stamp)
    if (created.newest === undefined || id > created.newest) created.newest = id
  }
  for (const id of map.keys()) see(id)
  map.observe((event) => event.keysChanged.forEach(see))
  states.set(doc, created)
  state = created
  return state
}

/** The document's clock, which has seen every id in it (and keeps seeing new ones). */
function clockOf(doc: Y.Doc): HybridClock {
  return stateOf(doc).clock
}

/**
 * The form this device writes entries in: the document's version says (v2 maps below version 3, so a
 * session an older build still writes stays readable to it until a client migrates it, migrations.ts);
 * a document whose meta has not arrived yet copies its newest entry, and an empty one gets v3 arrays.
 */
export function entryForm(doc: Y.Doc): EntryForm {
  const version = doc.getMap<unknown>(ROOT.meta).get('schemaVersion')
  if (typeof version === 'number') return version < COMPACT_ENTRIES_VERSION ? 'v2' : 'v3'
  const { newest } = stateOf(doc)
  return isRecord(newest === undefined ? undefined : entriesMap(doc).get(newest)) ? 'v2' : 'v3'
}

/** Stores `entry` under `id` in the document's form (inside the caller's transaction). */
export function storeEntry(doc: Y.Doc, id: string, entry: StoredEntry): void {
  entriesMap(doc).set(id, encodeEntry(id, entry, entryForm(doc)))
}

/** Allocates the next id for a local write: sorts after every id this doc has seen. */
export function nextEntryId(doc: Y.Doc, now: number = Date.now()): string {
  return formatEntryId(clockOf(doc).next(now))
}

/** Thrown when an entry would break the schema (e.g. an over-long message). */
export class EntryRejected extends Error {
  constructor(readonly reason: 'tooLong' | 'invalid') {
    super(reason === 'tooLong' ? `Message longer than ${MAX_MESSAGE_CHARS} characters` : 'Invalid entry')
    this.name = 'EntryRejected'
  }
}

/** Who writes an entry: a rep, or the customer of the session. */
export interface Writer {
  role: 'rep' | 'customer'
  id: string
  name: string
}

/** What a status note may say besides its event. */
export interface NoteDetails {
  /** The note's subject (a name, a file, a URL); the writer's name when absent. */
  text?: string
  eventKey?: string
  ref?: string
  audience?: Audience
  at?: number
}

/** Appends a chat message by `writer`; returns its id. Rep-only messages come from reps only. */
export function appendMessage(doc: Y.Doc, writer: Writer, text: string, audience: Audience = 'all'): string {
  if (audience === 'reps' && writer.role !== 'rep') throw new EntryRejected('invalid')
  return appendEntry(doc, { kind: 'chat', audience, authorId: writer.id, authorName: writer.name, authorRole: writer.role, text })
}

/** Appends a URL pushed by a rep to the customer (already checked with `checkPushUrl`); returns its id. */
export function appendPushedUrl(doc: Y.Doc, rep: Writer, url: string): string {
  if (rep.role !== 'rep') throw new EntryRejected('invalid')
  return appendEntry(doc, { kind: 'url', audience: 'all', authorId: rep.id, authorName: rep.name, authorRole: 'rep', text: url })
}

/**
 * Appends an automatic status note observed by `writer`'s client. A rep's client writes notes as
 * `system` (the relay publishes those); the customer's as `customer` (the relay mirrors those):
 * this is the one place that rule lives.
 */
export function appendStatusNote(doc: Y.Doc, writer: Writer, event: StatusEvent, details: NoteDetails = {}): string {
  const { text = writer.name, eventKey, ref, audience = 'all', at } = details
  return appendEntry(doc, {
    kind: 'status',
    event,
    audience,
    authorId: writer.id,
    authorName: writer.name,
    authorRole: writer.role === 'rep' ? 'system' : 'customer',
    text,
    ...(eventKey === undefined ? {} : { eventKey }),
    ...(ref === undefined ? {} : { ref }),
    ...(at === undefined ? {} : { at }),
  })
}

/**
 * Appends the customer's satisfaction rating (1–5) as a `rated` note. One per customer: its event
 * key is the customer's, so a second rating is not shown (the first note of a key wins).
 */
export function appendRating(doc: Y.Doc, customer: Writer, rating: number): string {
  if (customer.role !== 'customer' || !Number.isInteger(rating) || rating < 1 || rating > 5) throw new EntryRejected('invalid')
  return appendStatusNote(doc, customer, 'rated', { text: String(rating), eventKey: `rated:${customer.id}` })
}

/** Appends a new entry written by this device; returns its id. Outside src/doc, use the writers above. */
export function appendEntry(doc: Y.Doc, entry: Omit<StoredEntry, 'at'> & { at?: number }): string {
  const at = entry.at ?? Date.now()
  if (entry.text.length > MAX_MESSAGE_CHARS) throw new EntryRejected('tooLong')
  const id = nextEntryId(doc, at)
  const stored = encodeEntry(id, { ...entry, at }, entryForm(doc))
  if (!parseEntry(id, stored)) throw new EntryRejected('invalid')
  doc.transact(() => entriesMap(doc).set(id, stored), LOCAL)
  return id
}

/** Writes an already-identified entry if the id is free (copying between docs). Returns whether it wrote. */
export function putEntryIfAbsent(doc: Y.Doc, entry: Entry, origin: unknown): boolean {
  const map = entriesMap(doc)
  if (map.has(entry.id)) return false
  doc.transact(() => storeEntry(doc, entry.id, entry), origin)
  return true
}

/** Reads one entry by id, validated. */
export function readEntry(doc: Y.Doc, id: string): Entry | undefined {
  return parseEntry(id, entriesMap(doc).get(id))
}

/** Every valid entry, in id order (the same order on every peer), one note per observed event. */
export function readTranscript(doc: Y.Doc): Entry[] {
  const entries: Entry[] = []
  entriesMap(doc).forEach((raw, id) => {
    const entry = parseEntry(id, raw)
    if (entry) entries.push(entry)
  })
  return dedupeEvents(entries.sort(byId))
}

/**
 * Whether a note for `eventKey` is already in the document from `namespace` (the team's by default,
 * see `eventNamespace`), so an observer need not write another. A customer's note never stops the team's.
 */
export function hasEventNote(doc: Y.Doc, eventKey: string, namespace = 'team'): boolean {
  for (const [id, raw] of entriesMap(doc).entries()) {
    const entry = parseEntry(id, raw)
    if (entry?.eventKey === eventKey && eventNamespace(entry) === namespace) return true
  }
  return false
}

/** Orders entries by id. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
