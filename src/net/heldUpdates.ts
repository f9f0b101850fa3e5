/**
 * Bounds the updates Yjs holds because their dependencies have not arrived
 * (`doc.store.pendingStructs` / `pendingDs`). Yjs keeps them forever and
 * re-reads them on every later update: 32 MiB held cost a rep 180–1,050 ms
 * per 40-byte update. A genuine peer's store is causally complete, so what it
 * sends is applicable once a resync with it completes; anything still held
 * after that, or past the caps, is discarded (a resync fetches whatever was
 * genuine again) and the peer whose messages grew it is blamed.
 */
import type * as Y from 'yjs'

/** Held bytes one peer may add: a genuine gap is a few small updates; ~128 KiB re-reads in well under the 5 ms update budget. */
export const HELD_BYTES_PER_PEER = 128 * 1024
/** Held bytes from all peers together (many hostile ids at once). */
export const HELD_BYTES_TOTAL = 256 * 1024
/** Checks (one per presence refresh, 2 s) held updates may survive unchanged: resyncs that long would have completed them. */
export const HELD_PATIENCE_CHECKS = 3

/** Bytes Yjs holds for `doc` that it could not apply yet. */
export function heldBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}

/** Forgets everything held: the document stays as integrated; a resync brings back what was genuine. */
export function discardHeld(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}

/** Caps of a HeldUpdateGuard. */
export interface HeldCaps {
  perPeer: number
  total: number
  patience: number
}

const DEFAULT_CAPS: HeldCaps = { perPeer: HELD_BYTES_PER_PEER, total: HELD_BYTES_TOTAL, patience: HELD_PATIENCE_CHECKS }

/**
 * Attributes held bytes to the peer whose message grew them. Call `before()` right before a peer's
 * message is applied and `after(peerId)` right after; a returned peer id overflowed: drop its link.
 */
export class HeldUpdateGuard {
  readonly #doc: Y.Doc
  readonly #caps: HeldCaps
  readonly #charges = new Map<string, number>()
  #mark = 0
  #lastSeen = 0
  #unchangedChecks = 0

  constructor(doc: Y.Doc, caps: Partial<HeldCaps> = {}) {
    this.#doc = doc
    this.#caps = { ...DEFAULT_CAPS, ...caps }
  }

  /** Remembers how much was held before a message is applied. */
  before(): void {
    this.#mark = heldBytes(this.#doc)
  }

  /**
   * Charges `peerId` with what its message added. On overflow everything held is discarded and the
   * peer to drop is returned (the one charged most when only the total overflowed).
   */
  after(peerId: string): string | undefined {
    const held = heldBytes(this.#doc)
    if (held === 0) {
      this.#charges.clear()
      return undefined
    }
    const charge = (this.#charges.get(peerId) ?? 0) + Math.max(0, held - this.#mark)
    this.#charges.set(peerId, charge)
    if (charge <= this.#caps.perPeer && held <= this.#caps.total) return undefined
    const culprit = charge > this.#caps.perPeer ? peerId : this.#mostCharged()
    this.#reset()
    return culprit
  }

  /**
   * A periodic check: held updates that stayed unchanged through `patience` checks (each one asked
   * every peer to resync) depend on something no peer has. Returns the peer blamed (the one charged
   * most; none if nobody was) when it discarded, else undefined.
   */
  check(): string[] | undefined {
    const held = heldBytes(this.#doc)
    this.#unchangedChecks = held > 0 && held === this.#lastSeen ? this.#unchangedChecks + 1 : 0
    this.#lastSeen = held
    if (this.#unchangedChecks < this.#caps.patience) return undefined
    const blamed = this.#mostCharged()
    this.#reset()
    return blamed === undefined ? [] : [blamed]
  }

  /** Bytes currently charged to `peerId`. */
  charged(peerId: string): number {
    return this.#charges.get(peerId) ?? 0
  }

  #mostCharged(): string | undefined {
    let most: string | undefined
    let bytes = -1
    this.#charges.forEach((charge, id) => {
      if (charge > bytes) [most, bytes] = [id, charge]
    })
    return most
  }

  #reset(): void {
    discardHeld(this.#doc)
    this.#charges.clear()
    this.#unchangedChecks = 0
    this.#lastSeen = 0
  }
}
