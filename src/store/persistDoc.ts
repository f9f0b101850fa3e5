/**
 * Local persistence of documents in IndexedDB (y-indexeddb). Attached before
 * any network provider, so the device's copy is loaded first. Edits are
 * written once per microtask, merged: y-indexeddb would otherwise open an
 * IndexedDB transaction inside each update event, ahead of the network
 * provider's send (issue #10, delivery latency). The write is still queued in
 * the same task as the edit, so it survives a reload as before.
 */
import * as Y from 'yjs'
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
  const stopBatching = batchWrites(doc, persistence)
  await persistence.whenSynced
  return {
    close: () => {
      stopBatching()
      return persistence.destroy()
    },
    clear: () => persistence.clearData(),
  }
}

/** Replaces y-indexeddb's per-update write with one merged write per microtask; returns a function that flushes and stops. */
function batchWrites(doc: Y.Doc, persistence: IndexeddbPersistence): () => void {
  const store = persistence._storeUpdate
  let batch: Uint8Array[] = []
  const flush = (): void => {
    if (batch.length === 0) return
    const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch)
    batch = []
    if (update) store(update, undefined)
  }
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates read from the database itself are not written back (y-indexeddb's own rule).
    if (origin === persistence) return
    if (batch.length === 0) queueMicrotask(flush)
    batch.push(update)
  }
  doc.off('update', store)
  doc.on('update', onUpdate)
  return () => {
    doc.off('update', onUpdate)
    flush()
  }
}
