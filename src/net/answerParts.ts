/**
 * The receiving end of a sync answer in parts (syncAnswer.ts): the updates a
 * peer sends after we asked for its answer (our sync step 1) and before its
 * sync step 2 are held, and applied together with that step 2 in one
 * transaction. Applied one by one, each part cost the customer's page a
 * transaction, a verification round and a render of the newest rows: a 10 MB
 * late join took 5.0–6.8 s instead of 2.1–3.3 s (bench lateJoin, 2 shared
 * cores).
 *
 * What is held never waits long: parts are applied as they are once their
 * peer pauses for PARTS_IDLE_MS, PARTS_MAX_MS after the first was held (a
 * slow link shows its progress, and a peer that never answers cannot delay
 * its live updates for longer), before more than PARTS_MAX_BYTES would be
 * held (a closed link's parts too); later parts are held anew. Another tab's
 * messages are never held. Fetched when a page's first peer appears
 * (peerReading.ts).
 */
import * as Y from 'yjs'

/** A pause between parts after which what arrived is applied anyway. */
export const PARTS_IDLE_MS = 1_000
/** Longest a part is held before it is applied. */
export const PARTS_MAX_MS = 3_000
/** Most bytes held for one peer (the biggest single message Asiste reassembles, chunkedChannel's cap). */
export const PARTS_MAX_BYTES = 64 * 1024 * 1024

interface Held {
  parts: Uint8Array[]
  bytes: number
  origin: unknown
  /** When the first part was held (performance.now()). */
  since: number
  timer?: ReturnType<typeof setTimeout>
}

interface State {
  /** Peers sent our sync step 1 whose sync step 2 has not been read yet. */
  asked: WeakSet<object>
  held: Map<object, Held>
}

const states = new WeakMap<Y.Doc, State>()

function stateOf(doc: Y.Doc): State {
  let state = states.get(doc)
  if (!state) {
    state = { asked: new WeakSet(), held: new Map() }
    states.set(doc, state)
  }
  return state
}

/** Applies `updates` in one transaction, as y-protocols applies one (an error is logged, and reported to `onError`). */
export function applyTogether(doc: Y.Doc, updates: Uint8Array[], origin: unknown, onError?: (error: Error) => unknown): void {
  try {
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update, origin)), origin, false)
  } catch (error) {
    onError?.(error as Error)
    console.error('Caught error while handling a Yjs update', error)
  }
}

/** Takes what is held for `peer` (nothing when nothing is). */
function take(state: State, peer: object): Uint8Array[] {
  const held = state.held.get(peer)
  if (!held) return []
  clearTimeout(held.timer)
  state.held.delete(peer)
  return held.parts
}

/** Applies what is held for `peer` now. */
function release(doc: Y.Doc, state: State, peer: object): void {
  const origin = state.held.get(peer)?.origin
  const parts = take(state, peer)
  if (parts.length > 0) applyTogether(doc, parts, origin)
}

/** We sent sync step 1 to `peer`: its updates until its sync step 2 are parts of its answer. */
export function askedPeer(doc: Y.Doc, peer: object): void {
  stateOf(doc).asked.add(peer)
}

/** Holds `update` from `peer` when it is part of an answer; false: apply it now. */
export function holdPart(doc: Y.Doc, peer: object, update: Uint8Array, origin: unknown): boolean {
  const state = stateOf(doc)
  if (!state.asked.has(peer)) return false
  let held = state.held.get(peer)
  if (held && held.bytes + update.byteLength > PARTS_MAX_BYTES) {
    release(doc, state, peer)
    held = undefined
  }
  if (!held) {
    held = { parts: [], bytes: 0, origin, since: performance.now() }
    state.held.set(peer, held)
  }
  clearTimeout(held.timer)
  const wait = Math.min(PARTS_IDLE_MS, held.since + PARTS_MAX_MS - performance.now())
  held.timer = setTimeout(() => release(doc, state, peer), Math.max(0, wait))
  held.parts.push(update)
  held.bytes += update.byteLength
  return true
}

/** `peer` answered: the parts held for it, to apply with its sync step 2 (and its updates are no longer held). */
export function answeredBy(doc: Y.Doc, peer: object): Uint8Array[] {
  const state = stateOf(doc)
  state.asked.delete(peer)
  return take(state, peer)
}

/** Bytes held for `doc` (for tests). */
export function heldPartBytes(doc: Y.Doc): number {
  let bytes = 0
  stateOf(doc).held.forEach((held) => (bytes += held.bytes))
  return bytes
}
