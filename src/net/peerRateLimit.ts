/**
 * A per-peer budget for incoming document traffic (Yjs updates and awareness
 * on one data channel). Two token buckets — bytes and messages — refill at a
 * steady rate up to a burst. A message that overdraws either bucket puts the
 * peer in a penalty: everything it sends is ignored until the penalty ends,
 * then the caller drops the link so a fresh sync recovers anything genuine
 * that was ignored (Yjs sync is idempotent, so nothing of the record is lost).
 * Pure logic: the clock is passed in.
 */

/** How much one peer may send, and for how long it is ignored after overdrawing. */
export interface RateBudget {
  /** Bytes per second refilled. */
  bytesPerSecond: number
  /** Most bytes at once: at least the largest legitimate message (a full first sync). */
  burstBytes: number
  /** Messages per second refilled. */
  messagesPerSecond: number
  /** Most messages at once. */
  burstMessages: number
  /** How long a peer that overdrew is ignored. */
  penaltyMs: number
}

/** Budget of one peer on a document's data channel. */
export const PEER_UPDATE_BUDGET: RateBudget = {
  bytesPerSecond: 2 * 1024 * 1024, // far above typing and pasting, far below a flood that freezes a page
  burstBytes: 64 * 1024 * 1024, // a full first sync of a long session arrives as one message (chunkedChannel's cap)
  messagesPerSecond: 100, // a fast typist sends ~15 updates/s plus awareness; ten times that is not a person
  burstMessages: 500, // room for a reconnect's backlog of small updates and awareness at once
  penaltyMs: 5_000, // "a moment": long enough to shed a flood, short enough that a session continues
}

/** What to do with one incoming message. */
export type Admission =
  /** Within budget: deliver it. */
  | 'deliver'
  /** This message overdrew the budget: ignore it; the penalty starts now (report it once). */
  | 'throttle'
  /** The peer is in its penalty: ignore it. */
  | 'ignore'

/** Token buckets for one peer. */
export class PeerRateLimiter {
  readonly #budget: RateBudget
  #bytes: number
  #messages: number
  #refilledAt: number
  #penaltyUntil = -Infinity

  constructor(budget: RateBudget, now: number) {
    this.#budget = budget
    this.#bytes = budget.burstBytes
    this.#messages = budget.burstMessages
    this.#refilledAt = now
  }

  /** Whether the peer is being ignored at `now`. */
  throttled(now: number): boolean {
    return now < this.#penaltyUntil
  }

  /** When the current (or last) penalty ends; -Infinity if there was none. */
  get penaltyUntil(): number {
    return this.#penaltyUntil
  }

  /** Charges one message of `bytes` at `now` and says whether to deliver it. */
  admit(bytes: number, now: number): Admission {
    if (this.throttled(now)) return 'ignore'
    this.#refill(now)
    if (bytes > this.#bytes || this.#messages < 1) {
      this.#penaltyUntil = now + this.#budget.penaltyMs
      return 'throttle'
    }
    this.#bytes -= bytes
    this.#messages -= 1
    return 'deliver'
  }

  #refill(now: number): void {
    const seconds = Math.max(0, now - this.#refilledAt) / 1000
    this.#refilledAt = Math.max(this.#refilledAt, now)
    this.#bytes = Math.min(this.#budget.burstBytes, this.#bytes + seconds * this.#budget.bytesPerSecond)
    this.#messages = Math.min(this.#budget.burstMessages, this.#messages + seconds * this.#budget.messagesPerSecond)
  }
}
