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
 * A big update from a peer (a late join's first sync: 10.7 MB in the lateJoin
 * bench) is not encoded again. Yjs encodes every transaction anew for the
 * document's `update` listeners, which cost the joining customer's page ~0.4 s
 * at 10.7 MB, and the listeners (persistence, the relay to other peers and tabs)
 * can take the bytes that arrived just as well. So while y-webrtc applies a sync
 * step 2 or update of BIG_UPDATE_BYTES or more, when nothing was held before it,
 * the `update` listeners are set aside (Yjs then encodes nothing), and they get
 * the received update once the message is applied, if it changed the document.
 * Transactions observers start meanwhile (receipts) reach them as usual: the
 * listeners come back as soon as another transaction is cleaned up.
 */
import * as decoding from 'lib0/decoding'
import type * as Y from 'yjs'

/** Smallest update from a peer handed to the `update` listeners as it arrived instead of encoded again by Yjs. */
export const BIG_UPDATE_BYTES = 256 * 1024

/** The update a y-webrtc message carries when it is a sync step 2 or an update (y-protocols' sync message types 1 and 2). */
export function syncUpdateOf(message: Uint8Array): Uint8Array | undefined {
  if (message[0] !== 0) return undefined // y-webrtc's messageSync
  try {
    const decoder = decoding.createDecoder(message)
    decoding.readVarUint(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== 1 && type !== 2) return undefined
    const update = decoding.readVarUint8Array(decoder)
    return decoding.hasContent(decoder) ? undefined : update
  } catch {
    return undefined
  }
}

/** Whether `transaction` changed the document (Yjs emits no `update` otherwise). */
function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/** The slice of simple-peer this module drives. */
interface EchoPeer {
  send(data: Uint8Array): void
  prependListener(event: 'data', listener: (message: unknown) => void): void
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

/** Whether Yjs holds nothing back for `doc` (no update waits for a missing one). */
function nothingHeld(doc: Y.Doc): boolean {
  return doc.store.pendingStructs === null && doc.store.pendingDs === null
}

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void

/** A big peer update being applied with the `update` listeners set aside. */
interface BigApply {
  update: Uint8Array
  listeners: UpdateListener[]
  transaction?: Y.Transaction
  back: boolean
  onCleanup: (transaction: Y.Transaction) => void
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
    withheld = origin === room ? applying : undefined
    try {
      original(update, origin)
    } finally {
      withheld = undefined
    }
  }
  const observers = (doc as unknown as { _observers: Map<string, Set<UpdateListener>> })._observers
  const listeners = (): Set<UpdateListener> | undefined => observers.get('update')
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

  /** The big update being applied, its listeners set aside. */
  let big: BigApply | undefined
  /** Gives the set-aside listeners back (ahead of any added meanwhile). */
  const bringBack = (apply: BigApply): void => {
    if (apply.back) return
    apply.back = true
    doc.off('beforeObserverCalls', apply.onCleanup)
    const added = listeners() ?? []
    observers.set('update', new Set([...apply.listeners, ...added]))
  }
  /** Sets the `update` listeners aside while y-webrtc applies `message`, when it is a big sync update. */
  const setAside = (message: unknown): BigApply | undefined => {
    if (!(message instanceof Uint8Array) || message.byteLength < BIG_UPDATE_BYTES) return undefined
    const update = syncUpdateOf(message)
    const set = listeners()
    if (!update || update.byteLength < BIG_UPDATE_BYTES || !set || set.size === 0) return undefined
    const apply: BigApply = {
      update,
      listeners: [...set],
      back: false,
      // The first transaction cleaned up is y-webrtc's apply; any other (an observer's write) needs the listeners.
      onCleanup: (transaction) => {
        if (apply.transaction === undefined && transaction.origin === room) apply.transaction = transaction
        else bringBack(apply)
      },
    }
    observers.delete('update') // Yjs encodes a transaction only when the document has this key
    doc.on('beforeObserverCalls', apply.onCleanup)
    return apply
  }
  /** Brings the listeners back and hands them the big update as it arrived, if its apply changed the document. */
  const finishBig = (): void => {
    const apply = big
    if (!apply) return
    big = undefined
    const captured = apply.transaction
    bringBack(apply)
    if (!captured || !changedDocument(captured)) return
    const update = apply.update.slice() // its own buffer: the message's stays with the channel
    for (const listener of [...(listeners() ?? [])]) listener(update, captured.origin, doc, captured)
  }
  const clear = (): void => {
    try {
      finishBig()
    } finally {
      applying = undefined
    }
  }
  const hook = (): void => {
    room.webrtcConns.forEach(({ peer: value }) => {
      const peer = value as EchoPeer
      if (hooked.has(peer)) return
      hooked.add(peer)
      const send = peer.send
      peer.send = function (this: EchoPeer, data: Uint8Array) {
        if (withheld !== peer) send.call(this, data)
      }
      // y-webrtc applies a message in its own 'data' listener: ours run just before and just after it.
      peer.prependListener('data', (message: unknown) => {
        applying = nothingHeld(doc) ? peer : undefined
        if (applying) big = setAside(message)
        queueMicrotask(clear) // if y-webrtc's listener throws, ours below never runs
      })
      peer.on('data', clear)
    })
  }
  hook()
  return { hook, putFirst }
}
