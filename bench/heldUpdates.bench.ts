/**
 * Main-thread time of one genuine update on a rep whose doc a hostile peer
 * made hold 32 MiB it can never apply (issue 18): a delete set naming items
 * that do not exist, which Yjs keeps as `pendingDs` and re-reads on every
 * later update. Measured without a guard (what the rep did before) and with
 * the HeldUpdateGuard that connectDoc.ts puts around every peer message.
 * Node, same Yjs code as the page; budget ≤ 5 ms per update.
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import type { BenchResult } from './benchResult'
import { HeldUpdateGuard, heldBytes } from '../src/net/heldUpdates'

const HELD_BYTES = 32 * 1024 * 1024 // what the issue measured
const MESSAGE_BYTES = 1024 * 1024 // the hostile sends it in 1 MiB updates
const GENUINE_UPDATES = 15 // enough for a median; each one costs up to a second before

/** A 1-MiB update of only a delete set: single-item ranges of a client nobody has. */
function orphanDeleteSet(client: number, firstClock: number): { update: Uint8Array; nextClock: number } {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // no structs
  encoding.writeVarUint(encoder, 1) // one client in the delete set
  encoding.writeVarUint(encoder, client)
  const ranges = Math.floor(MESSAGE_BYTES / 8)
  encoding.writeVarUint(encoder, ranges)
  let clock = firstClock
  for (let i = 0; i < ranges; i++, clock += 2) {
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint(encoder, 1)
  }
  return { update: encoding.toUint8Array(encoder), nextClock: clock }
}

function measure(guarded: boolean): { median: number; max: number; held: number } {
  const rep = new Y.Doc()
  const guard = new HeldUpdateGuard(rep)
  const deliver = (peer: string, update: Uint8Array): void => {
    if (guarded) guard.before()
    Y.applyUpdate(rep, update)
    if (guarded) guard.after(peer)
  }
  let clock = 0
  for (let sent = 0; sent < HELD_BYTES; sent += MESSAGE_BYTES) {
    const next = orphanDeleteSet(0x5eed, clock)
    clock = next.nextClock
    deliver('hostile', next.update)
  }
  const customer = new Y.Doc()
  const times: number[] = []
  customer.on('update', (update: Uint8Array) => {
    const start = performance.now()
    deliver('customer', update)
    times.push(performance.now() - start)
  })
  for (let i = 0; i < GENUINE_UPDATES; i++) customer.getMap('entries').set(`m${i}`, 'hello')
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)] ?? NaN, max: times.at(-1) ?? NaN, held: heldBytes(rep) }
}

export async function run(): Promise<BenchResult[]> {
  const before = measure(false)
  const after = measure(true)
  return [
    {
      name: 'genuine update with 32 MiB held by a hostile peer (guarded)',
      unit: 'ms',
      value: after.median,
      values: { max: after.max, heldBytesAfter: after.held, unguardedMedian: before.median, unguardedMax: before.max, heldBytesUnguarded: before.held },
      baseline: { name: 'unguarded', value: before.median },
      ratio: after.median / before.median,
      note: 'budget ≤ 5 ms; hostile sends 32 × 1 MiB delete-set-only updates naming items nobody has',
    },
  ]
}
