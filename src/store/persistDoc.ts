/**
 * Local persistence of documents in IndexedDB (y-indexeddb). Attached before
 * any network provider, so the device's copy is loaded first and every local
 * edit is on disk before it is offered to peers.
 */
import type * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'

/** A document's local database. */
export interface DocStore {
  /** Stops persisting (the data stays on disk). */
  close(): Promise<void>
  /** Deletes the document's database from this device. */
  clear(): Promise<void>
}

/** The database name of a document; the prefix lets History find every session on the device. */
export function docDatabaseName(kind: 'customer' | 'rep' | 'team', id: string): string {
  return `asiste:${kind}:${id}`
}

/** Loads `doc` from its database (resolves once loaded; an empty database resolves too). */
export async function persistDoc(doc: Y.Doc, databaseName: string): Promise<DocStore> {
  const persistence = new IndexeddbPersistence(databaseName, doc)
  await persistence.whenSynced
  return {
    close: () => persistence.destroy(),
    clear: () => persistence.clearData(),
  }
}
