/**
 * y-webrtc sends every document update to every WebRTC peer, the update it has
 * just applied from a peer included: that peer gets its own update straight
 * back. On a two-party chat every message crossed the link twice, and the echo
 * cost the receiving page a blocking `RTCDataChannel.send` right after applying
 * (≈0.4 ms, before its next task) and the sender a decode and apply of what it
 * already has (issue 20, bench/sendStages.ts). This withholds exactly that copy:
 * the update of a transaction y-webrtc applied from peer X's message is not sent
 * to X, when nothing was held before it. Everything else is unchanged: the same
 * update still goes to every other peer (a partial mesh still relays) and to
 * other tabs, updates written by observers during the apply (receipts) still go
 * to X, and so do y-webrtc's sync answers.
 *
 * Why "nothing held": applying X's message may also integrate updates Yjs held
 * back from another peer (they waited for X's), and X may lack those; the
 * transaction's update then carries more than X sent, so X gets it.
 *
 * It also puts y-webrtc's update listener first among the document's `update`
 * listeners, so an update leaves before other listeners run (persistence
 * batching schedules a task there). Reads y-webrtc's room internals
 * (`webrtcConns`, `_docUpdateHandler`) and lib0's listener sets, as connectDoc.ts
 * and peerGuard.ts already read y-webrtc's.
 *
 * The same hooks tell the sync module which peer's message y-webrtc is
 * reading (peerReading.ts), so a big sync answer can go to that peer in
 * parts, and answerParts.ts when we ask a peer for its answer (sync step 1
 * sent); the first peer fetches that code.
 */
import type * as Y from 'yjs'
import { askedPeer, releasedFrom, setReadPeer } from './peerReading'
import { loadSyncParts } from './syncPartsLoader'

/** The slice of simple-peer this module drives. */
interface EchoPeer {
  send(data: Uint8Array): void
  prependListener(event: 'data', listener: () => void): void
  on(event: 'data', listener: () => void): void
}

/** The slice of y-webrtc's Room this module drives. */
export interface EchoRoom {
  readonly webrtcConns: Map<string, { peer: unknown }>
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void
}

/** Echo suppression of one room; `hook()` takes in connections created since the last call. */
export interface EchoSkip {
  hook(): void
  /** Puts y-webrtc's update listener first again (y-webrtc re-adds it last when it reconnects). */
  putFirst(): void
}

// y-webrtc's sync message type and y-protocols' sync step 1.
const SYNC_MESSAGE = 0
const SYNC_STEP1 = 0

/** Whether Yjs holds nothing back for `doc` (no update waits for a missing one). */
function nothingHeld(doc: Y.Doc): boolean {
  return doc.store.pendingStructs === null && doc.store.pendingDs === null
}

/** Installs echo suppression on `room` (a connected y-webrtc room of `doc`). */
export function skipEchoes(doc: Y.Doc, room: EchoRoom): EchoSkip {
  const hooked = new WeakSet<object>()
  /** The peer whose message is being applied, when nothing was held before it. */
  let applying: EchoPeer | undefined
  /** The peer a broadcast must leave out (only while y-webrtc sends the update applied from it). */
  let withheld: EchoPeer | undefined
  const original = room._docUpdateHandler
  const handler = (update: Uint8Array, origin: unknown): void => {
    // y-webrtc applies a peer's message with the room as the transaction's origin.
    withheld = origin === room ? (applying ?? (releasedFrom(doc) as EchoPeer | undefined)) : undefined
    try {
      original(update, origin)
    } finally {
      withheld = undefined
    }
  }
  const listeners = (): Set<unknown> | undefined => (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')
  const putFirst = (): void => {
    const set = listeners()
    if (!set?.has(handler)) return
    const rest = [...set].filter((listener) => listener !== handler)
    set.clear()
    set.add(handler)
    rest.forEach((listener) => set.add(listener))
  }
  const registered = listeners()?.has(original) ?? false
  if (registered) doc.off('update', original)
  room._docUpdateHandler = handler // y-webrtc adds and removes it by this property on connect and disconnect
  if (registered) doc.on('update', handler)
  putFirst()

  const clear = (): void => {
    applying = undefined
    setReadPeer(doc, undefined)
  }
  const hook = (): void => {
    room.webrtcConns.forEach(({ peer: value }) => {
      const peer = value as EchoPeer
      if (hooked.has(peer)) return
      hooked.add(peer)
      const send = peer.send
      peer.send = function (this: EchoPeer, data: Uint8Array) {
        if (withheld === peer) return
        if (data[0] === SYNC_MESSAGE && data[1] === SYNC_STEP1) askedPeer(doc, peer)
        send.call(this, data)
      }
      void loadSyncParts().catch(() => undefined) // offline before the app was cached: answers stay whole
      // y-webrtc applies a message in its own 'data' listener: ours run just before and just after it.
      peer.prependListener('data', () => {
        applying = nothingHeld(doc) ? peer : undefined
        setReadPeer(doc, peer)
        queueMicrotask(clear) // if y-webrtc's listener throws, ours below never runs
      })
      peer.on('data', clear)
    })
  }
  hook()
  return { hook, putFirst }
}
