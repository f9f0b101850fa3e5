/**
 * What this page remembers about each remote peer across its connections: its
 * update budget, its strikes and how long it is shut out. Limits that live on
 * a connection reset whenever a misbehaving peer reconnects; these live on the
 * peer, keyed by its y-webrtc peer id (kept across pause/resume and signaling
 * reconnects). Not by awareness client id: any holder of the room key can
 * publish presence under another page's client id, so a hostile peer could get
 * a genuine one shut out. A peer that picks a new id is a new peer: the totals
 * in heldUpdates.ts and the server's per-address limits bound that case.
 * Pure logic: the clock is passed in.
 */
import { PEER_UPDATE_BUDGET, PeerRateLimiter, type RateBudget } from './peerRateLimit'

/** How long a peer is shut out after its first, second, third… offence (the last repeats). */
export const SHUT_OUT_MS = [10_000, 60_000, 10 * 60_000] as const // a glitch costs seconds, a flood minutes
/** Most peers remembered: ids are chosen by peers, so the ledger itself must not grow without bound. */
export const MAX_REMEMBERED_PEERS = 512

interface PeerRecord {
  limiter: PeerRateLimiter
  strikes: number
  shutOutUntil: number
  seenAt: number
}

/** Per-peer state that outlives connections. */
export class PeerLedger {
  readonly #budget: RateBudget
  readonly #peers = new Map<string, PeerRecord>()

  constructor(budget: RateBudget = PEER_UPDATE_BUDGET) {
    this.#budget = budget
  }

  /** The update budget of `peerId`: the same one on every connection of that peer. */
  limiter(peerId: string, now: number): PeerRateLimiter {
    return this.#record(peerId, now).limiter
  }

  /** Records an offence by `peerId`; returns when its shut-out ends. */
  strike(peerId: string, now: number): number {
    const record = this.#record(peerId, now)
    const ms = SHUT_OUT_MS[Math.min(record.strikes, SHUT_OUT_MS.length - 1)] ?? SHUT_OUT_MS[0]
    record.strikes += 1
    record.shutOutUntil = now + ms
    return record.shutOutUntil
  }

  /** Whether `peerId` is shut out at `now` (its links are dropped on sight). */
  shutOut(peerId: string, now: number): boolean {
    return (this.#peers.get(peerId)?.shutOutUntil ?? -Infinity) > now
  }

  /** How many peers are remembered (for tests). */
  get size(): number {
    return this.#peers.size
  }

  #record(peerId: string, now: number): PeerRecord {
    let record = this.#peers.get(peerId)
    if (!record) {
      record = { limiter: new PeerRateLimiter(this.#budget, now), strikes: 0, shutOutUntil: -Infinity, seenAt: now }
      this.#peers.set(peerId, record)
      this.#forgetOldest(now)
    }
    record.seenAt = now
    return record
  }

  /** Forgets the least recently seen peer that is not shut out, once past the cap. */
  #forgetOldest(now: number): void {
    if (this.#peers.size <= MAX_REMEMBERED_PEERS) return
    let oldest: string | undefined
    let oldestAt = Infinity
    for (const [id, record] of this.#peers) {
      if (record.shutOutUntil <= now && record.seenAt < oldestAt) {
        oldest = id
        oldestAt = record.seenAt
      }
    }
    this.#peers.delete(oldest ?? (this.#peers.keys().next().value as string))
  }
}
