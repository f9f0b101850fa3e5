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
import { MESSAGE_SYNC, PART_BYTES, awaitsAnswer, readPeer, type ReadPeer } from './peerReading'
import { loadSyncParts, syncParts } from './syncPartsLoader'
import { loadedStateVector } from './tabSync'

export * from 'y-protocols/sync'

/** Sync step 2: the updates `encodedStateVector` lacks; without one, what changed since the IndexedDB load (or everything). */
export const writeSyncStep2 = (encoder: encoding.Encoder, doc: Y.Doc, encodedStateVector?: Uint8Array): void =>
  sync.writeSyncStep2(encoder, doc, encodedStateVector ?? loadedStateVector(doc))

/** An update that changes nothing (no structs, an empty delete set). */
const EMPTY_UPDATE = new Uint8Array([0, 0])

/** Peers whose sync step 1 waits for the code of answers in parts: the state vector of their latest step 1. */
const waiting = new WeakMap<ReadPeer, Uint8Array>()

/**
 * Sends `peer` the answer to its sync step 1 once the code of answers in parts is fetched: the parts, then
 * the sync step 2, for the state vector of its latest step 1. If the fetch fails (offline before the app was
 * cached), the whole answer as one sync step 2, as y-protocols would have sent it (an Asiste peer reads it
 * framed). A peer whose link closed meanwhile asks again when it reconnects.
 */
function answerWhenFetched(doc: Y.Doc, peer: ReadPeer): void {
  const send = (message: Uint8Array): void => peer.send(message)
  const stateVector = (): Uint8Array | undefined => {
    const latest = waiting.get(peer)
    waiting.delete(peer)
    return latest
  }
  void loadSyncParts()
    .then(
      (parts) => {
        const latest = stateVector()
        if (latest) parts.answerLater(doc, latest, send)
      },
      () => {
        const latest = stateVector()
        if (!latest) return
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        sync.writeSyncStep2(encoder, doc, latest)
        send(encoding.toUint8Array(encoder))
      },
    )
    .catch(() => undefined)
}

/**
 * y-protocols' `readSyncMessage`, or once fetched, syncParts.ts's (sync answers in parts). Before that:
 * - a peer's sync step 1 whose answer is more than a part gets an empty update as the reply y-webrtc sends
 *   (valid for every peer, and answered by none: two pages waiting for the code do not bounce step 1s), and
 *   its answer once the code is there (`answerWhenFetched`, one per peer however often it asks meanwhile);
 * - a peer's sync step 2 ends the wait for its answer (answerParts.ts would otherwise hold its updates once
 *   the code is there).
 */
export const readSyncMessage: typeof sync.readSyncMessage = (decoder, encoder, doc, transactionOrigin, errorHandler) => {
  const parts = syncParts()
  if (parts) return parts.readSyncMessage(decoder, encoder, doc, transactionOrigin, errorHandler)
  const peer = readPeer(doc)
  const type = peer ? decoding.peekVarUint(decoder) : undefined
  if (peer && type === sync.messageYjsSyncStep2) awaitsAnswer(doc, peer, true)
  if (!peer || type !== sync.messageYjsSyncStep1) return sync.readSyncMessage(decoder, encoder, doc, transactionOrigin, errorHandler)
  decoding.readVarUint(decoder)
  const encodedStateVector = decoding.readVarUint8Array(decoder)
  const answer = Y.encodeStateAsUpdate(doc, encodedStateVector)
  if (answer.byteLength <= PART_BYTES && !waiting.has(peer)) {
    encoding.writeVarUint(encoder, sync.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, answer)
  } else {
    sync.writeUpdate(encoder, EMPTY_UPDATE)
    if (!waiting.has(peer)) answerWhenFetched(doc, peer)
    waiting.set(peer, encodedStateVector)
  }
  return sync.messageYjsSyncStep1
}
