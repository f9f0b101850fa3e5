/**
 * What the sync module y-webrtc uses (tabSyncStep2.ts) knows about the
 * message it reads: which peer sent it (echoSkip.ts sets it around each of a
 * peer's 'data' events), and which peers we asked for an answer (kept here,
 * in the first chunk, so the first peer's parts are held too). The code that
 * answers and receives sync answers in parts (syncParts.ts) is fetched by
 * syncPartsLoader.ts when a page's first peer appears: a console with no peer
 * yet never loads it (bench bundles). Until it is there, parts a peer sends
 * are applied as they come (correct, only slower), and a peer's sync step 1
 * whose answer needs more than one part waits for it (tabSyncStep2.ts), so a
 * stock peer that is a page's very first peer still gets an answer it can read.
 */
import type * as Y from 'yjs'

// Here, in the first chunk, for the answer that waits for the parts code (tabSyncStep2.ts) and that code alike.
/** Bytes of structs per part of a sync answer: under y-webrtc's 256 KiB message limit with room for the message's header. */
export const PART_BYTES = 192 * 1024
/** y-webrtc's message type for sync messages. */
export const MESSAGE_SYNC = 0

/** The peer whose message y-webrtc is reading (simple-peer's, or a test's stand-in). */
export interface ReadPeer {
  send(message: Uint8Array): void
}

const reading = new WeakMap<Y.Doc, ReadPeer>()

/** While y-webrtc reads a message from a peer of `doc`, that peer (undefined: none, e.g. another tab's message). */
export function setReadPeer(doc: Y.Doc, peer: ReadPeer | undefined): void {
  if (peer) reading.set(doc, peer)
  else reading.delete(doc)
}

/** The peer whose message y-webrtc is reading for `doc`, if any. */
export function readPeer(doc: Y.Doc): ReadPeer | undefined {
  return reading.get(doc)
}

const asked = new WeakMap<Y.Doc, WeakSet<object>>()

/** We sent `peer` sync step 1 for `doc` (kept here, not in the fetched code, so the first peer counts too). */
export function askedPeer(doc: Y.Doc, peer: object): void {
  let peers = asked.get(doc)
  if (!peers) asked.set(doc, (peers = new WeakSet()))
  peers.add(peer)
}

/** Whether we await `peer`'s sync step 2 for `doc`; `answered` forgets it. */
export function awaitsAnswer(doc: Y.Doc, peer: object, answered = false): boolean {
  const peers = asked.get(doc)
  const awaited = peers?.has(peer) ?? false
  if (answered) peers?.delete(peer)
  return awaited
}

const releasing = new WeakMap<Y.Doc, object>()

/** Runs `apply` (applying what `peer` sent, outside its 'data' event) so that echoSkip.ts does not send it back to `peer`. */
export function applyAsFrom(doc: Y.Doc, peer: object, apply: () => void): void {
  releasing.set(doc, peer)
  try {
    apply()
  } finally {
    releasing.delete(doc)
  }
}

/** The peer whose held updates are being applied for `doc` (see `applyAsFrom`). */
export function releasedFrom(doc: Y.Doc): object | undefined {
  return releasing.get(doc)
}
