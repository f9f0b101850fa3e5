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
import { markLoadedFromStore } from '../net/tabSync'

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
  markLoadedFromStore(doc) // other tabs of this browser read the same database (src/net/tabSync.ts)
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
  // Listen only once the stored updates are applied: Yjs encodes each transaction for its 'update'
  // listeners, and the load transaction (the whole stored doc, never written back) would be encoded
  // for nothing (issue #10, big session open). Edits made before the load are in y-indexeddb's own
  // pre-load snapshot; 'synced' fires right after the load transaction, in the same task.
  const listen = (): void => {
    persistence.off('synced', listen)
    doc.on('update', onUpdate)
  }
  doc.off('update', store)
  if (persistence.synced) listen()
  else persistence.on('synced', listen)
  return () => {
    persistence.off('synced', listen)
    doc.off('update', onUpdate)
    flush()
  }
}
