/**
 * Main-thread time of one genuine update on a rep whose doc a hostile peer
 * made hold 32 MiB it can never apply (issue 18): a delete set naming items
 * that do not exist, which Yjs keeps as `pendingDs` and re-reads on every
 * later update. Measured without a guard (what the rep did before) and with
 * the HeldUpdateGuard that connectDoc.ts puts around every peer message.
 * Node, same Yjs code as the page; budget ≤ 5 ms per update.
 *
 * Also the attendee list a rep reads after every customer-doc update, once a
 * hostile peer wrote 100k fake attendee records (issue 18): the incremental
 * index against the full scan it replaced.
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import type { BenchResult } from './benchResult'
import { HeldUpdateGuard, heldBytes } from '../src/net/heldUpdates'
import { attendeesMap, parseAttendee, putAttendee, readAttendeeList } from '../src/doc/attendees'

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

const FLOODED_ATTENDEES = 100_000
const ATTENDEE_READS = 21

/** Median ms of an attendee read after a one-record update, with FLOODED_ATTENDEES fake records: the index, and a full scan. */
function attendeeReads(): { indexed: number; fullScan: number } {
  const rep = new Y.Doc()
  const hostile = new Y.Doc()
  hostile.transact(() => {
    for (let i = 0; i < FLOODED_ATTENDEES; i++) attendeesMap(hostile).set(`fake${i.toString().padStart(6, '0')}`, { name: `Fake ${i}`, role: 'rep' })
  })
  Y.applyUpdate(rep, Y.encodeStateAsUpdate(hostile))
  const known = new Set(['carla'])
  readAttendeeList(rep, known)
  const indexed: number[] = []
  const scanned: number[] = []
  for (let i = 0; i < ATTENDEE_READS; i++) {
    putAttendee(rep, { id: `late${i}`, name: 'Late', role: 'rep', hidden: false })
    let start = performance.now()
    readAttendeeList(rep, known)
    indexed.push(performance.now() - start)
    start = performance.now()
    const all: string[] = []
    attendeesMap(rep).forEach((raw, id) => {
      if (parseAttendee(id, raw)) all.push(id)
    })
    all.sort()
    scanned.push(performance.now() - start)
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
  return { indexed: median(indexed), fullScan: median(scanned) }
}

export async function run(): Promise<BenchResult[]> {
  const before = measure(false)
  const after = measure(true)
  const reads = attendeeReads()
  return [
    {
      name: 'attendee list read after one update, 100k fake attendees (indexed)',
      unit: 'ms',
      value: reads.indexed,
      baseline: { name: 'full scan and sort', value: reads.fullScan },
      ratio: reads.indexed / reads.fullScan,
      note: 'budget ≤ 5 ms; src/doc/attendeeIndex.ts; the unit test proves the read walks no Y.Map',
    },
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
