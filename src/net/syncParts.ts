/**
 * Sync answers in parts, both ends, as the sync module y-webrtc uses reads
 * them (tabSyncStep2.ts): one chunk, fetched when a page's first peer
 * appears (peerReading.ts). y-protocols' `readSyncMessage`, except that a
 * peer's sync step 1 gets its answer in parts when it is big (syncAnswer.ts;
 * another tab's is answered whole), and the parts of a peer's answer are held
 * and applied with its sync step 2 in one transaction (answerParts.ts).
 */
import * as decoding from 'lib0/decoding'
import type * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import type * as Y from 'yjs'
import { answeredBy, applyTogether, holdPart } from './answerParts'
import { readPeer } from './peerReading'
import { writeAnswer } from './syncAnswer'

export { answerLater } from './syncAnswer'

/** y-protocols' `readSyncMessage`, with a peer's answers in parts (see above). */
export function readSyncMessage(
  decoder: decoding.Decoder,
  encoder: encoding.Encoder,
  doc: Y.Doc,
  transactionOrigin: unknown,
  errorHandler?: (error: Error) => unknown,
): 0 | 1 | 2 {
  const type = decoding.readVarUint(decoder)
  if (type !== sync.messageYjsSyncStep1 && type !== sync.messageYjsSyncStep2 && type !== sync.messageYjsUpdate) throw new Error('Unknown message type')
  const peer = readPeer(doc)
  const update = decoding.readVarUint8Array(decoder) // a state vector for sync step 1
  switch (type) {
    case sync.messageYjsSyncStep1:
      if (peer) writeAnswer(encoder, doc, update, (message) => peer.send(message))
      else sync.writeSyncStep2(encoder, doc, update)
      return type
    case sync.messageYjsSyncStep2:
      applyTogether(doc, [...(peer ? answeredBy(doc, peer) : []), update], transactionOrigin, errorHandler)
      return type
    default:
      if (!peer || !holdPart(doc, peer, update, transactionOrigin)) applyTogether(doc, [update], transactionOrigin, errorHandler)
      return type
  }
}
