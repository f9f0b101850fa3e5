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
 * Both once their code is fetched (peerReading.ts). A peer's sync step 1 read
 * before that, whose answer needs more than one part, is answered once the
 * code is there (`answerWhenFetched`): a stock peer cannot read the whole
 * answer in one message, and it is the first peer that triggers the fetch.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as sync from 'y-protocols/sync'
import { PART_BYTES, readPeer, type ReadPeer } from './peerReading'
import { loadSyncParts, syncParts } from './syncPartsLoader'
import { loadedStateVector } from './tabSync'

export * from 'y-protocols/sync'

/** Sync step 2: the updates `encodedStateVector` lacks; without one, what changed since the IndexedDB load (or everything). */
export const writeSyncStep2 = (encoder: encoding.Encoder, doc: Y.Doc, encodedStateVector?: Uint8Array): void =>
  sync.writeSyncStep2(encoder, doc, encodedStateVector ?? loadedStateVector(doc))

/** y-webrtc's message type for sync messages. */
const MESSAGE_SYNC = 0

/**
 * Sends `peer` the answer to its sync step 1 once the code of answers in parts is fetched: the parts, then
 * the sync step 2. If the fetch fails (offline before the app was cached), the whole answer as one sync step 2,
 * as y-protocols would have sent it (an Asiste peer reads it framed). A peer whose link closed meanwhile
 * asks again when it reconnects.
 */
function answerWhenFetched(doc: Y.Doc, peer: ReadPeer, encodedStateVector: Uint8Array): void {
  const send = (message: Uint8Array): void => peer.send(message)
  void loadSyncParts()
    .then(
      (parts) => parts.answerLater(doc, encodedStateVector, send),
      () => {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        sync.writeSyncStep2(encoder, doc, encodedStateVector)
        send(encoding.toUint8Array(encoder))
      },
    )
    .catch(() => undefined)
}

/**
 * y-protocols' `readSyncMessage`, or once fetched, syncParts.ts's (sync answers in parts). Before that, a
 * peer's sync step 1 whose answer is more than a part gets our own sync step 1 as the reply y-webrtc sends
 * (a valid message every peer answers), and its answer when the code is there (`answerWhenFetched`).
 */
export const readSyncMessage: typeof sync.readSyncMessage = (decoder, encoder, doc, transactionOrigin, errorHandler) => {
  const parts = syncParts()
  if (parts) return parts.readSyncMessage(decoder, encoder, doc, transactionOrigin, errorHandler)
  const peer = readPeer(doc)
  if (!peer || decoding.peekVarUint(decoder) !== sync.messageYjsSyncStep1) return sync.readSyncMessage(decoder, encoder, doc, transactionOrigin, errorHandler)
  decoding.readVarUint(decoder)
  const encodedStateVector = decoding.readVarUint8Array(decoder)
  const answer = Y.encodeStateAsUpdate(doc, encodedStateVector)
  if (answer.byteLength <= PART_BYTES) {
    encoding.writeVarUint(encoder, sync.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, answer)
  } else {
    sync.writeSyncStep1(encoder, doc)
    answerWhenFetched(doc, peer, encodedStateVector)
  }
  return sync.messageYjsSyncStep1
}
