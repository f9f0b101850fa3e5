/**
 * The device's document databases, by name (`asiste:<kind>:<id>`): which
 * sessions are stored here, deleting them for good, and raw updates for the
 * archive (export / import). Also History's summaries (the search index has
 * its own database, src/store/searchStore.ts).
 */
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { deleteLocal, readLocal, writeLocal } from './keyValue'
import { persistDoc } from './persistDoc'
import { applyUnsaved, forgetUnsaved, readUnsaved, unsavedDatabases, unsavedKeys } from './unsavedEdits'

const NAME = /^asiste:(rep|customer|team):([A-Za-z0-9_.:-]{1,64})$/

/** A parsed document database name. */
export interface DocDatabase {
  name: string
  kind: 'rep' | 'customer' | 'team'
  id: string
}

/** Parses a database name; undefined for anything that is not a document database. */
export function parseDatabaseName(name: string): DocDatabase | undefined {
  const match = NAME.exec(name)
  return match ? { name, kind: match[1] as DocDatabase['kind'], id: match[2] ?? '' } : undefined
}

/** Every document database on this device. */
export async function listDocDatabases(): Promise<DocDatabase[]> {
  const all = await indexedDB.databases()
  return all.flatMap((info) => (info.name ? (parseDatabaseName(info.name) ?? []) : []))
}

/** Deletes a database for good (resolves once the browser has removed it), with any copy of its edits a page kept as it was left. */
export function deleteDatabase(name: string): Promise<void> {
  forgetUnsaved(unsavedKeys(name))
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`))
    request.onblocked = () => resolve() // deletion completes once the last connection closes
  })
}

/** Reads a stored document into a fresh Y.Doc (no network), with any copy of edits a page kept as it was left; destroy it when done. */
export async function loadStoredDoc(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(name, doc)
  await persistence.whenSynced
  await persistence.destroy()
  applyUnsaved(doc, readUnsaved(name).updates)
  return doc
}

/**
 * Stores the copies of edits pages kept as they were left (src/store/unsavedEdits.ts) whose document no page has
 * opened since (a tab closed right after its session ended): opening it stores them and drops them. Copies of a
 * database that is gone are dropped. The console runs this once its sessions are open.
 */
export async function storeUnsavedCopies(): Promise<void> {
  const names = unsavedDatabases()
  if (names.length === 0) return
  const existing = new Set((await indexedDB.databases()).map((info) => info.name))
  for (const name of names) {
    if (!existing.has(name)) {
      forgetUnsaved(unsavedKeys(name))
      continue
    }
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    await store.close()
    doc.destroy()
  }
}

/** A stored document's full state as one Yjs update. */
export async function readDocUpdate(name: string): Promise<Uint8Array> {
  const doc = await loadStoredDoc(name)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Merges a Yjs update into a stored document (created if absent). */
export async function writeDocUpdate(name: string, update: Uint8Array): Promise<void> {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(name, doc)
  await persistence.whenSynced
  Y.applyUpdate(doc, update)
  await persistence.destroy()
  doc.destroy()
}

const INDEX_KEY = 'history:searchIndex'
const SUMMARIES_KEY = 'history:summaries'
const DIRTY_KEY = 'history:dirty'

/** Sessions changed since the index was last saved. */
export async function readStoredDirty(): Promise<string[]> {
  const raw = await readLocal<unknown>(DIRTY_KEY)
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : []
}

/** Records the sessions changed since the index was last saved. */
export function writeStoredDirty(sessionIds: string[]): Promise<void> {
  return writeLocal(DIRTY_KEY, sessionIds)
}

/** Drops the single-record search index of earlier versions (tens of MB); the per-session segments replace it. */
export function forgetLegacyIndex(): Promise<void> {
  return deleteLocal(INDEX_KEY)
}

/** The persisted per-session summaries of History (plain JSON, validated by the reader). */
export function readStoredSummaries(): Promise<unknown> {
  return readLocal<unknown>(SUMMARIES_KEY)
}

/** Persists History's per-session summaries. */
export function writeStoredSummaries(value: unknown): Promise<void> {
  return writeLocal(SUMMARIES_KEY, value)
}
