/**
 * Transcript layout at scale: a `Y.Map` keyed by sortable id (what
 * `appendEntry` does) against `Y.Array.push`. Each doc is filled to N entries
 * the way a session fills: every 10th message comes from a second peer's doc
 * as an update, so the two clients' items interleave (and each remote update
 * clears the array's search markers, so `push` walks the item list from the
 * start). Then the next 1,000 messages are sent and the local appends among
 * them timed (the remote ones keep interleaving, untimed).
 *
 * The array is filled with `insert(length)`: it yields byte-identical
 * documents to `push` but finds the end through a search marker, so the 100k
 * fill takes seconds instead of a minute. Timed appends use `push`.
 */
import * as Y from 'yjs'
import { appendEntry, nextEntryId } from '../src/doc/transcript'
import { parseEntry, toStored, type StoredEntry } from '../src/doc/entry'
import { LOCAL } from '../src/doc/schema'
import type { BenchResult } from './benchResult'

const SIZES = [10_000, 100_000]
const MEASURED = 1_000 // messages sent after reaching each size (9 in 10 are timed local appends)
const ROUNDS = 5 // the timed messages are split into rounds alternating between layouts
const WARMUP = 50 // untimed first: JIT, the map clock's scan of existing ids, the fill's last search marker
const REMOTE_EVERY = 10 // one message in ten is the other peer's, as in a two-person chat
const REMOTE_ORIGIN = 'bench:remote'
const T0 = 1_700_000_000_000

type LayoutName = 'map' | 'array'

interface Layout {
  name: LayoutName
  /** What the product would call to append one message. */
  append(doc: Y.Doc, entry: StoredEntry): void
  /** Appends with the same resulting item structure, faster, to fill docs (Y.Array: insert at length uses search markers). */
  fill(doc: Y.Doc, entry: StoredEntry): void
}

const ARRAY_ROOT = 'transcript'

/** Validate and stamp like appendEntry, then push to the end of a Y.Array. */
function arrayAppend(doc: Y.Doc, entry: StoredEntry, write: (array: Y.Array<unknown>, value: unknown) => void): void {
  const id = nextEntryId(doc, entry.at)
  const stored = toStored(entry)
  if (!parseEntry(id, stored)) throw new Error('invalid entry')
  const array = doc.getArray<unknown>(ARRAY_ROOT)
  doc.transact(() => write(array, { id, ...stored }), LOCAL)
}

const LAYOUTS: Layout[] = [
  { name: 'map', append: (doc, entry) => void appendEntry(doc, entry), fill: (doc, entry) => void appendEntry(doc, entry) },
  {
    name: 'array',
    append: (doc, entry) => arrayAppend(doc, entry, (array, value) => array.push([value])),
    fill: (doc, entry) => arrayAppend(doc, entry, (array, value) => array.insert(array.length, [value])),
  },
]

function message(i: number, remote: boolean): StoredEntry {
  return remote
    ? { kind: 'chat', audience: 'all', authorId: 'rep-7', authorName: 'Rafa', authorRole: 'rep', text: `Could you restart it and tell me what you see? (${i})`, at: T0 + i }
    : { kind: 'chat', audience: 'all', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', text: `The printer still shows error 0x${i.toString(16)} after the restart`, at: T0 + i }
}

/** Two connected peers: `local` sends its updates to `remote` (delivered before the remote writes); the remote's arrive at once. */
class Session {
  private readonly outbox: Uint8Array[] = []
  private next = 0
  readonly local = new Y.Doc()
  readonly remote = new Y.Doc()

  constructor(private readonly layout: Layout) {
    this.local.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE_ORIGIN) this.outbox.push(update)
    })
    this.remote.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE_ORIGIN) Y.applyUpdate(this.local, update, REMOTE_ORIGIN)
    })
  }

  /** Sends the next message; returns ms spent in the local append, or undefined when it was the remote's turn. */
  step(mode: 'fill' | 'append'): number | undefined {
    const i = this.next++
    if (i % REMOTE_EVERY === REMOTE_EVERY - 1) {
      this.deliverOutbox()
      this.layout[mode](this.remote, message(i, true))
      return undefined
    }
    const started = performance.now()
    this.layout[mode](this.local, message(i, false))
    return performance.now() - started
  }

  get count(): number {
    return this.next
  }

  private deliverOutbox(): void {
    if (this.outbox.length === 0) return
    Y.applyUpdate(this.remote, Y.mergeUpdates(this.outbox.splice(0)), REMOTE_ORIGIN)
  }
}

interface Measurement {
  meanMs: number
  p50Ms: number
  p99Ms: number
  bytes: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}

/**
 * Times MEASURED messages per session in alternating rounds, so background
 * noise (GC, other processes) falls on every layout alike.
 */
function timeAppends(sessions: Session[]): Measurement[] {
  for (const session of sessions) for (let i = 0; i < WARMUP; i++) session.step('append')
  const samples = sessions.map((): number[] => [])
  for (let round = 0; round < ROUNDS; round++) {
    sessions.forEach((session, index) => {
      for (let i = 0; i < MEASURED / ROUNDS; i++) {
        const ms = session.step('append')
        if (ms !== undefined) samples[index]!.push(ms)
      }
    })
  }
  return sessions.map((session, index) => {
    const sorted = samples[index]!.sort((a, b) => a - b)
    return {
      meanMs: sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      bytes: Y.encodeStateAsUpdate(session.local).byteLength,
    }
  })
}

/** Fills one session per layout to `size`, then times appends on each. */
function measureAt(size: number): Measurement[] {
  const sessions = LAYOUTS.map((layout) => {
    const session = new Session(layout)
    while (session.count < size) session.step('fill')
    return session
  })
  return timeAppends(sessions)
}

const label = (size: number): string => `${size / 1000}k`

/** Runs the comparison at every size. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  for (const size of SIZES) {
    const [map, array] = measureAt(size) as [Measurement, Measurement]
    const mapName = `append map@${label(size)}`
    results.push(
      { name: mapName, unit: 'ms/msg', value: map.meanMs, values: { p50: map.p50Ms, p99: map.p99Ms }, note: 'Y.Map by sortable id (appendEntry)' },
      {
        name: `append array@${label(size)}`,
        unit: 'ms/msg',
        value: array.meanMs,
        values: { p50: array.p50Ms, p99: array.p99Ms },
        baseline: { name: mapName, value: map.meanMs },
        ratio: array.meanMs / map.meanMs,
        note: 'Y.Array.push',
      },
      { name: `doc size map@${label(size)}`, unit: 'bytes', value: map.bytes, values: { perMsg: map.bytes / size } },
      {
        name: `doc size array@${label(size)}`,
        unit: 'bytes',
        value: array.bytes,
        values: { perMsg: array.bytes / size },
        baseline: { name: `doc size map@${label(size)}`, value: map.bytes },
        ratio: array.bytes / map.bytes,
      },
    )
  }
  return results
}
