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
 * its live updates for longer), before the page would hold more than
 * PARTS_MAX_BYTES (a closed link's parts too); later parts are held anew.
 * Applied outside the peer's message, they are still not sent back to it
 * (echoSkip.ts). Another tab's
 * messages are never held. Fetched when a page's first peer appears
 * (peerReading.ts).
 */
import * as Y from 'yjs'
import { applyAsFrom, awaitsAnswer } from './peerReading'

/** A pause between parts after which what arrived is applied anyway. */
export const PARTS_IDLE_MS = 1_000
/** Longest a part is held before it is applied. */
export const PARTS_MAX_MS = 3_000
/** Most bytes held at once, all peers and documents of the page together (the biggest single message Asiste reassembles, chunkedChannel's cap). */
export const PARTS_MAX_BYTES = 64 * 1024 * 1024

interface Held {
  parts: Uint8Array[]
  bytes: number
  origin: unknown
  /** When the first part was held (performance.now()). */
  since: number
  timer?: ReturnType<typeof setTimeout>
}

const states = new WeakMap<Y.Doc, Map<object, Held>>()
/** Bytes held by the page. */
let total = 0

function heldOf(doc: Y.Doc): Map<object, Held> {
  let held = states.get(doc)
  if (!held) states.set(doc, (held = new Map()))
  return held
}

/**
 * Applies `updates` in one transaction, each as y-protocols applies one: an update that fails is
 * logged and reported to `onError`, and the others are still applied.
 */
export function applyTogether(doc: Y.Doc, updates: Uint8Array[], origin: unknown, onError?: (error: Error) => unknown): void {
  const failed = (error: unknown): void => {
    onError?.(error as Error)
    console.error('Caught error while handling a Yjs update', error)
  }
  try {
    Y.transact(
      doc,
      () => {
        for (const update of updates) {
          try {
            Y.applyUpdate(doc, update, origin)
          } catch (error) {
            failed(error)
          }
        }
      },
      origin,
      false,
    )
  } catch (error) {
    failed(error) // an observer's, when the transaction ends
  }
}

/** Takes what is held for `peer` (nothing when nothing is). */
function take(doc: Y.Doc, peer: object): Held | undefined {
  const held = heldOf(doc).get(peer)
  if (!held) return undefined
  clearTimeout(held.timer)
  heldOf(doc).delete(peer)
  total -= held.bytes
  return held
}

/** Applies what is held for `peer` now, as from `peer` (not sent back to it) when nothing else waits in Yjs. */
function release(doc: Y.Doc, peer: object): void {
  const held = take(doc, peer)
  if (!held) return
  const apply = (): void => applyTogether(doc, held.parts, held.origin)
  if (doc.store.pendingStructs === null && doc.store.pendingDs === null) applyAsFrom(doc, peer, apply)
  else apply()
}

/** Holds `update` from `peer` when it is part of an answer we await; false: apply it now. */
export function holdPart(doc: Y.Doc, peer: object, update: Uint8Array, origin: unknown): boolean {
  if (!awaitsAnswer(doc, peer)) return false
  if (total + update.byteLength > PARTS_MAX_BYTES) release(doc, peer)
  if (total + update.byteLength > PARTS_MAX_BYTES) return false // other peers hold the rest: apply this one now
  let held = heldOf(doc).get(peer)
  if (!held) {
    held = { parts: [], bytes: 0, origin, since: performance.now() }
    heldOf(doc).set(peer, held)
  }
  clearTimeout(held.timer)
  const wait = Math.min(PARTS_IDLE_MS, held.since + PARTS_MAX_MS - performance.now())
  held.timer = setTimeout(() => release(doc, peer), Math.max(0, wait))
  held.parts.push(update)
  held.bytes += update.byteLength
  total += update.byteLength
  return true
}

/** `peer` answered: the parts held for it, to apply with its sync step 2 (and its updates are no longer held). */
export function answeredBy(doc: Y.Doc, peer: object): Uint8Array[] {
  awaitsAnswer(doc, peer, true)
  return take(doc, peer)?.parts ?? []
}

/** Bytes held for `doc` (for tests). */
export function heldPartBytes(doc: Y.Doc): number {
  let bytes = 0
  heldOf(doc).forEach((held) => (bytes += held.bytes))
  return bytes
}
