/**
 * A peer's sync step 1 answered in parts. y-protocols answers with one
 * update of everything the peer lacks: at a late join to a long session that
 * is one 10 MB message, which the joining page can start applying, verifying
 * and rendering only once its last byte is in, and which a stock y-webrtc
 * peer cannot receive at all (messages over 256 KiB need Asiste's framing,
 * DESIGN.md §2). Here the same structs go out as updates of about
 * PART_BYTES each, in Yjs's order, followed by the sync step 2 itself (the
 * delete set, and anything this document holds back): the peer applies each
 * part while the next is on its way, and every part fits a stock peer's
 * limit.
 *
 * No part may wait on a later one: Yjs would hold it, and held updates are
 * capped (heldUpdates.ts). So a struct is written only once its origins and
 * parent are in the peer's state vector or already written (in an earlier
 * part or the same one), taking the clients in turn; a part closes at any
 * struct once it holds PART_BYTES. A struct bigger than a part makes a bigger
 * part (framed for Asiste peers).
 *
 * Reads the document's struct store (`doc.store.clients`), as Yjs's own
 * encoder does, and writes each struct with its own `write`. Fetched when a
 * page's first peer appears (peerReading.ts); a big answer asked for before
 * that waits for it (tabSyncStep2.ts).
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE_SYNC, PART_BYTES } from './peerReading'

// y-protocols' sync message types.
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

type Struct = Y.Item | Y.GC

/** The ids a struct needs the receiver to have before it (its own client's earlier clocks aside). */
function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return []
  const ids: Y.ID[] = []
  if (struct.origin) ids.push(struct.origin)
  if (struct.rightOrigin) ids.push(struct.rightOrigin)
  const parent = struct.parent
  if (parent instanceof Y.AbstractType && parent._item) ids.push(parent._item.id)
  return ids
}

/** One client's consecutive structs within a part, as they are written. */
interface Run {
  client: number
  clock: number
  count: number
  encoder: Y.UpdateEncoderV1
}

/** Writes one update: the runs' structs (higher client ids first, as Yjs does) and an empty delete set. */
function encodePart(runs: Iterable<Run>): Uint8Array {
  const sorted = [...runs].sort((a, b) => b.client - a.client)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, sorted.length)
  for (const run of sorted) {
    encoding.writeVarUint(encoder, run.count)
    encoding.writeVarUint(encoder, run.client)
    encoding.writeVarUint(encoder, run.clock)
    encoding.writeUint8Array(encoder, run.encoder.toUint8Array())
  }
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** A client's structs the receiver lacks: `next` is the index of the first not written yet. */
interface Pending {
  client: number
  structs: Struct[]
  next: number
  /** The clock the first struct is written from (the receiver may have its beginning). */
  from: number
}

/**
 * The structs `doc` has beyond `stateVector`, as updates of about `partBytes` each that apply in
 * order without waiting on a later one; the delete set is not in them. A struct is written once
 * everything it depends on has been (or the receiver has it), taking the clients in turn. Null when
 * everything fits one part (answer as y-protocols does).
 */
export function structParts(doc: Y.Doc, stateVector: Map<number, number>, partBytes = PART_BYTES): Uint8Array[] | null {
  /** Clocks the receiver will have: its own, then each struct as it is written. */
  const known = new Map(stateVector)
  const covered = (id: Y.ID): boolean => id.clock < (known.get(id.client) ?? 0)
  const pending: Pending[] = []
  for (const [client, list] of doc.store.clients) {
    const structs = list as Struct[]
    const first = structs[0]
    const last = structs[structs.length - 1]
    if (!first || !last) continue
    const from = Math.max(stateVector.get(client) ?? 0, first.id.clock)
    if (last.id.clock + last.length > from) pending.push({ client, structs, next: Y.findIndexSS(structs, from), from })
  }
  pending.sort((a, b) => b.client - a.client)
  const parts: Uint8Array[] = []
  let runs = new Map<number, Run>()
  let bytes = 0
  const write = (entry: Pending, mayClose: boolean): void => {
    const struct = entry.structs[entry.next] as Struct
    let run = runs.get(entry.client)
    if (!run) {
      run = { client: entry.client, clock: Math.max(entry.from, struct.id.clock), count: 0, encoder: new Y.UpdateEncoderV1() }
      runs.set(entry.client, run)
    }
    const before = encoding.length(run.encoder.restEncoder)
    struct.write(run.encoder, run.count === 0 ? run.clock - struct.id.clock : 0)
    bytes += encoding.length(run.encoder.restEncoder) - before
    run.count++
    entry.next++
    known.set(entry.client, Math.max(known.get(entry.client) ?? 0, struct.id.clock + struct.length))
    if (bytes < partBytes || !mayClose) return
    parts.push(encodePart(runs.values()))
    runs = new Map()
    bytes = 0
  }
  let left = pending.filter((entry) => entry.next < entry.structs.length)
  while (left.length > 0) {
    let progressed = false
    for (const entry of left) {
      while (entry.next < entry.structs.length && dependencies(entry.structs[entry.next] as Struct).every(covered)) {
        write(entry, true)
        progressed = true
      }
    }
    if (!progressed) {
      // Structs that wait on each other (Yjs never makes these): all of them in one part, which Yjs integrates whole.
      for (const entry of left) while (entry.next < entry.structs.length) write(entry, false)
    }
    left = left.filter((entry) => entry.next < entry.structs.length)
  }
  if (runs.size > 0) parts.push(encodePart(runs.values()))
  return parts.length > 1 ? parts : null
}

/** A y-webrtc sync message carrying `update` as sync step 2 or as an update. */
export function syncMessage(step: typeof SYNC_STEP2 | typeof SYNC_UPDATE, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * Answers sync step 1 (`encodedStateVector`, already read) into `encoder` as y-protocols'
 * `writeSyncStep2` does, except that an answer bigger than a part goes to `send` first as updates,
 * and only the rest (the delete set) is written into `encoder`.
 */
export function writeAnswer(encoder: encoding.Encoder, doc: Y.Doc, encodedStateVector: Uint8Array, send: (message: Uint8Array) => void): void {
  const parts = structParts(doc, Y.decodeStateVector(encodedStateVector))
  let sent = parts !== null
  try {
    for (const part of parts ?? []) send(syncMessage(SYNC_UPDATE, part))
  } catch {
    sent = false // a part did not go (the link closing): the answer below is the whole one
  }
  encoding.writeVarUint(encoder, SYNC_STEP2)
  // What is left once the parts are sent: the delete set, and what Yjs holds back.
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, sent ? Y.encodeStateVector(doc) : encodedStateVector))
}

/**
 * Answers a peer's sync step 1 (`encodedStateVector`) after the fact, in messages of its own: the parts
 * (`send`, one by one), then the sync step 2 as one y-webrtc sync message. For a step 1 that came before
 * this code was fetched (tabSyncStep2.ts).
 */
export function answerLater(doc: Y.Doc, encodedStateVector: Uint8Array, send: (message: Uint8Array) => void): void {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  writeAnswer(encoder, doc, encodedStateVector, send)
  send(encoding.toUint8Array(encoder))
}
