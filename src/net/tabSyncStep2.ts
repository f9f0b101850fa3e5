/**
 * y-protocols' sync module as y-webrtc sees it in the browser build
 * (vite.config.ts resolves `y-protocols/sync` to this file for imports made
 * from inside y-webrtc): the same functions, except that `writeSyncStep2`
 * called without a state vector — y-webrtc does so only when a room connects,
 * to broadcast the document to other tabs — writes what changed since the
 * document was loaded from IndexedDB, when it was (see tabSync.ts). Replies to
 * a peer's or a tab's sync step 1 are written inside y-protocols and are
 * untouched.
 */
import type * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import * as sync from 'y-protocols/sync'
import { loadedStateVector } from './tabSync'

export * from 'y-protocols/sync'

/** Sync step 2: the updates `encodedStateVector` lacks; without one, what changed since the IndexedDB load (or everything). */
export const writeSyncStep2 = (encoder: encoding.Encoder, doc: Y.Doc, encodedStateVector?: Uint8Array): void =>
  sync.writeSyncStep2(encoder, doc, encodedStateVector ?? loadedStateVector(doc))
