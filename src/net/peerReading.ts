/**
 * What the sync module y-webrtc uses (tabSyncStep2.ts) knows about the
 * message it reads: which peer sent it (echoSkip.ts sets it around each of a
 * peer's 'data' events), and the code that answers and receives sync answers
 * in parts (syncParts.ts), fetched when a page's first peer appears: a
 * console with no peer yet never loads it (bench bundles). Until it is
 * there, answers go out as y-protocols writes them and parts are applied as
 * they come: both correct, only slower for a long session (and a stock peer
 * that connects first could not read a session over 256 KiB).
 */
import type * as Y from 'yjs'

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

type SyncParts = typeof import('./syncParts')
let parts: SyncParts | undefined
let loading: Promise<SyncParts> | undefined

/** Fetches the code of sync answers in parts, once (a page offline before the app was cached answers whole). */
export function loadSyncParts(): Promise<SyncParts> {
  return (loading ??= import('./syncParts').then((module) => (parts = module)))
}

/** The code of sync answers in parts, once fetched. */
export function syncParts(): SyncParts | undefined {
  return parts
}
