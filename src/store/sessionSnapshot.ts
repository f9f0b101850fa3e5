/**
 * A session's last screenful: the newest entries of the rep's record as this
 * device last showed them, kept beside the record so a reopened session shows
 * its end at once while the documents load (issue 20, big session open).
 *
 * It lives under one key of the `custom` store of the session's rep-doc
 * database (y-indexeddb creates that store; the written-bytes count is there
 * too), so deleting the session's databases, or clearing the site's data,
 * deletes it with them. It is a cache: never synced, never exported, and read
 * back as untrusted input — every row is validated again with `parseEntry`,
 * and a record that does not fit is ignored.
 */
import { encodeEntry, parseEntry, type Entry } from '../doc/entry'
import { docDatabaseName } from './persistDoc'

/** Rows kept: more than a tall window shows, so the first screen is full. */
export const SNAPSHOT_ROWS = 50
/** Text kept, in characters: bounds the record (50 entries at the message limit would be 1 M characters). */
export const SNAPSHOT_TEXT_CHARS = 32_000
/** The record's key in the rep-doc database's `custom` store. */
export const SNAPSHOT_KEY = 'asiste:lastRows'
/** The record's format; a record of another version is ignored. */
const VERSION = 1

/** What is stored: the format version and `[id, compact entry]` rows, oldest first. */
export interface SnapshotRecord {
  v: number
  rows: [string, unknown][]
}

/** The record for the newest of `entries` (id order), within the row and text bounds. */
export function snapshotRecord(entries: readonly Entry[]): SnapshotRecord {
  const rows: [string, unknown][] = []
  let chars = 0
  for (let i = entries.length - 1; i >= 0 && rows.length < SNAPSHOT_ROWS; i--) {
    const entry = entries[i]!
    chars += entry.text.length + entry.authorName.length
    if (chars > SNAPSHOT_TEXT_CHARS && rows.length > 0) break
    rows.push([entry.id, encodeEntry(entry.id, entry, 'v3')])
  }
  return { v: VERSION, rows: rows.reverse() }
}

/** The entries of a stored record, validated; undefined when the record does not parse (then it is ignored). */
export function parseSnapshot(raw: unknown): Entry[] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { v, rows } = raw as Record<string, unknown>
  if (v !== VERSION || !Array.isArray(rows) || rows.length > SNAPSHOT_ROWS) return undefined
  const entries: Entry[] = []
  let chars = 0
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 2) return undefined
    const entry = parseEntry(row[0], row[1])
    if (!entry) return undefined
    chars += entry.text.length + entry.authorName.length
    // Ids strictly ascending: the rows are keyed by id, and a repeated one would be a duplicate row.
    if ((entries.length > 0 && entries[entries.length - 1]!.id >= entry.id) || (chars > SNAPSHOT_TEXT_CHARS && entries.length > 0)) return undefined
    entries.push(entry)
  }
  return entries
}

/**
 * Opens a session's rep-doc database only if it exists with its stores: an open that would create it is
 * aborted, so a missing database is never made into one without y-indexeddb's stores.
 */
function openExisting(sessionId: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest
    try {
      request = indexedDB.open(docDatabaseName('rep', sessionId))
    } catch {
      return resolve(undefined)
    }
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onerror = (event) => {
      event.preventDefault() // the aborted upgrade: not an error worth reporting
      resolve(undefined)
    }
    request.onblocked = () => resolve(undefined)
    request.onsuccess = () => {
      const db = request.result
      if (db.objectStoreNames.contains('custom')) return resolve(db)
      db.close()
      resolve(undefined)
    }
  })
}

/** The session's last screenful as this device last showed it, or undefined (none, or not valid). */
export async function readSnapshot(sessionId: string): Promise<Entry[] | undefined> {
  const db = await openExisting(sessionId)
  if (!db) return undefined
  try {
    const raw = await new Promise<unknown>((resolve) => {
      const request = db.transaction('custom', 'readonly').objectStore('custom').get(SNAPSHOT_KEY)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => resolve(undefined)
    })
    return parseSnapshot(raw)
  } catch {
    return undefined
  } finally {
    db.close()
  }
}

/** Writes one session's last screenful. */
export interface SnapshotWriter {
  /** Stores the newest of `entries` (id order); nothing once the session's database is gone. */
  write(entries: readonly Entry[]): void
  /** Closes the writer's connection (after the write in flight, if any). */
  close(): void
}

/**
 * A writer that keeps its connection to the rep-doc database open, so a write made on `pagehide` starts in
 * that task. It lets go of the connection when the database is deleted (History's Delete, `versionchange`).
 */
export function createSnapshotWriter(sessionId: string): SnapshotWriter {
  let db: IDBDatabase | undefined
  let opening: Promise<void> | undefined
  let closed = false
  let latest: SnapshotRecord | undefined
  const put = (): void => {
    if (!db || !latest) return
    const record = latest
    latest = undefined
    try {
      db.transaction('custom', 'readwrite').objectStore('custom').put(record, SNAPSHOT_KEY)
    } catch (cause) {
      console.warn('could not save the session snapshot', cause)
    }
  }
  const open = (): void => {
    opening ??= openExisting(sessionId).then((opened) => {
      if (!opened) {
        opening = undefined // not there (yet, or any more): a later write looks again, never creating it
        return
      }
      db = opened
      db.onversionchange = () => {
        db?.close()
        db = undefined
        closed = true
      }
      put()
      if (closed) {
        db.close()
        db = undefined
      }
    })
  }
  return {
    write(entries) {
      if (closed) return
      latest = snapshotRecord(entries)
      if (db) put()
      else open()
    },
    close() {
      closed = true // a write already asked for still lands once the connection opens
      db?.close()
      db = undefined
    },
  }
}
