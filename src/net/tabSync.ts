/**
 * What y-webrtc sends other tabs of this browser when a room connects. y-webrtc
 * broadcasts sync step 2 over BroadcastChannel on every connect — the whole
 * document, encoded and AES-GCM-encrypted, even with no other tab listening
 * (a third of a 100,000-entry session's open; BENCHMARKS.md, bigSession). For
 * a document loaded from this browser's IndexedDB, the other tabs of the
 * browser read the same database, so what they can lack is only what changed
 * here since the load: the browser build (vite.config.ts) hands y-webrtc a
 * `writeSyncStep2` (`tabSyncStep2.ts`) that sends that difference instead.
 * What another tab has and this one lacks still comes back as before: it
 * answers this tab's sync step 1 with its own step 2. A document never loaded
 * from IndexedDB (none is marked) still broadcasts its whole state.
 */
import * as Y from 'yjs'

const loadedStates = new WeakMap<Y.Doc, Uint8Array>()

/** Records `doc`'s state vector as this browser's database held it (call right after the load). */
export function markLoadedFromStore(doc: Y.Doc): void {
  loadedStates.set(doc, Y.encodeStateVector(doc))
}

/** The state vector recorded by `markLoadedFromStore`, if any. */
export function loadedStateVector(doc: Y.Doc): Uint8Array | undefined {
  return loadedStates.get(doc)
}
