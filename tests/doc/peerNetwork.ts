/**
 * An in-memory network of Y.Docs for convergence tests, in the spirit of the
 * Yjs test helper: every local update is queued per (sender → receiver) link,
 * a seeded PRNG picks which queued message is delivered next, and peers drop
 * off and come back. Reconnecting runs the y-protocols handshake (sync step 1:
 * state vector; step 2: the diff it asks for), so nothing is lost while a peer
 * was away. No timers, no network: a seed replays the same run exactly.
 */
import * as Y from 'yjs'

/** Transaction origin of updates this harness applies; they are not re-sent (as a provider does). */
export const NETWORK_ORIGIN = Symbol('peerNetwork')

/** A seeded source of numbers in [0, 1). */
export type Rng = () => number

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG, enough to drive a fuzz run. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in [0, n). */
export function pick(rng: Rng, n: number): number {
  return Math.floor(rng() * n)
}

type Message = { type: 'update'; update: Uint8Array } | { type: 'syncStep1'; stateVector: Uint8Array }

/** Most messages one `flush` may deliver: a run that needs more is looping, not converging. */
const MAX_FLUSH_DELIVERIES = 1_000_000

/** A full mesh of docs joined in one room. */
export class PeerNetwork {
  private readonly online: boolean[]
  /** links[from][to]: messages in flight, in send order (data channels are ordered). */
  private readonly links: Message[][][]
  private readonly unsubscribe: (() => void)[]

  constructor(
    readonly docs: readonly Y.Doc[],
    private readonly rng: Rng,
  ) {
    this.online = docs.map(() => true)
    this.links = docs.map(() => docs.map(() => []))
    this.unsubscribe = docs.map((doc, from) => {
      const onUpdate = (update: Uint8Array, origin: unknown): void => {
        if (origin === NETWORK_ORIGIN || !this.online[from]) return
        this.broadcast(from, { type: 'update', update })
      }
      doc.on('update', onUpdate)
      return () => doc.off('update', onUpdate)
    })
  }

  /** Whether peer `i` is connected. */
  isOnline(i: number): boolean {
    return this.online[i] === true
  }

  /** Messages in flight. */
  pending(): number {
    return this.links.reduce((sum, row) => sum + row.reduce((n, queue) => n + queue.length, 0), 0)
  }

  /** Cuts peer `i` off: what is in flight to or from it is lost. */
  disconnect(i: number): void {
    this.online[i] = false
    this.docs.forEach((_, j) => {
      this.queue(i, j).length = 0
      this.queue(j, i).length = 0
    })
  }

  /** Brings peer `i` back; it and every online peer exchange state vectors (sync step 1). */
  reconnect(i: number): void {
    if (this.online[i]) return
    this.online[i] = true
    this.docs.forEach((_, j) => {
      if (j === i || !this.online[j]) return
      this.queue(i, j).push(this.syncStep1(i))
      this.queue(j, i).push(this.syncStep1(j))
    })
  }

  /** Toggles a random peer's connection. */
  toggleRandomPeer(): void {
    const i = pick(this.rng, this.docs.length)
    if (this.online[i]) this.disconnect(i)
    else this.reconnect(i)
  }

  /** Delivers the oldest message of a randomly chosen busy link. Returns false when nothing is in flight. */
  deliverOne(): boolean {
    const busy: [number, number][] = []
    this.links.forEach((row, from) => row.forEach((queue, to) => queue.length > 0 && busy.push([from, to])))
    if (busy.length === 0) return false
    const [from, to] = busy[pick(this.rng, busy.length)]!
    const message = this.queue(from, to).shift()!
    const doc = this.docs[to]!
    if (message.type === 'update') {
      Y.applyUpdate(doc, message.update, NETWORK_ORIGIN)
    } else {
      // Sync step 2: answer with exactly what the asker lacks.
      this.queue(to, from).push({ type: 'update', update: Y.encodeStateAsUpdate(doc, message.stateVector) })
    }
    return true
  }

  /** Reconnects everyone and delivers until nothing is in flight (writes made while delivering are sent too). */
  flush(): void {
    this.docs.forEach((_, i) => this.reconnect(i))
    let delivered = 0
    while (this.deliverOne()) {
      if (++delivered > MAX_FLUSH_DELIVERIES) throw new Error('flush did not settle')
    }
  }

  /** Stops listening to the docs. */
  destroy(): void {
    this.unsubscribe.forEach((off) => off())
  }

  private broadcast(from: number, message: Message): void {
    this.docs.forEach((_, to) => {
      if (to !== from && this.online[to]) this.queue(from, to).push(message)
    })
  }

  private syncStep1(i: number): Message {
    return { type: 'syncStep1', stateVector: Y.encodeStateVector(this.docs[i]!) }
  }

  private queue(from: number, to: number): Message[] {
    return this.links[from]![to]!
  }
}
