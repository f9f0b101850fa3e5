/**
 * y-protocols' sync module as y-webrtc sees it in the browser build
 * (vite.config.ts resolves `y-protocols/sync` to this file for imports made
 * from inside y-webrtc): the same functions, except that
 * - `writeSyncStep2` called without a state vector — y-webrtc does so only
 *   when a room connects, to broadcast the document to other tabs — writes
 *   what changed since the document was loaded from IndexedDB, when it was
 *   (see tabSync.ts);
 * - a peer's sync step 1 is answered in parts when the answer is big
 *   (syncAnswer.ts). A tab's is answered as y-protocols does;
 * - the parts of a peer's answer are held and applied with its sync step 2,
 *   in one transaction (answerParts.ts).
 * Both once their code is fetched (peerReading.ts).
 */
import type * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import * as sync from 'y-protocols/sync'
import { syncParts } from './syncPartsLoader'
import { loadedStateVector } from './tabSync'

export * from 'y-protocols/sync'

/** Sync step 2: the updates `encodedStateVector` lacks; without one, what changed since the IndexedDB load (or everything). */
export const writeSyncStep2 = (encoder: encoding.Encoder, doc: Y.Doc, encodedStateVector?: Uint8Array): void =>
  sync.writeSyncStep2(encoder, doc, encodedStateVector ?? loadedStateVector(doc))

/** y-protocols' `readSyncMessage`, or once fetched, syncParts.ts's (sync answers in parts). */
export const readSyncMessage: typeof sync.readSyncMessage = (decoder, encoder, doc, transactionOrigin, errorHandler) =>
  (syncParts()?.readSyncMessage ?? sync.readSyncMessage)(decoder, encoder, doc, transactionOrigin, errorHandler)
