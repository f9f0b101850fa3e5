/**
 * The per-session storage bound and the warning before the browser's quota
 * is reached. A customer doc is stored too, so a peer writing 2 MiB/s would
 * fill the origin's quota (and then every write of every session fails);
 * each session gets a fixed share, and the rep is warned while there is
 * still room to export and delete. Pure: the caller passes the browser's
 * estimate (storageQuota.ts) and the bytes a session's documents hold.
 */
import type { StorageInfo } from './storageQuota'

/** Bytes one session's documents may hold: a 100,000-message session is ~15 MB; four times that is not a chat. */
export const SESSION_STORAGE_BYTES = 64 * 1024 * 1024
/** Share of the origin's quota past which the rep is warned: room left to export and delete before writes fail. */
export const QUOTA_WARNING_FRACTION = 0.8

/** What the storage state asks of the app. */
export type StorageVerdict =
  /** Nothing to say. */
  | 'ok'
  /** The origin is past QUOTA_WARNING_FRACTION of its quota: warn the rep. */
  | 'nearQuota'
  /** This session holds more than SESSION_STORAGE_BYTES: stop storing what peers add to it, and say so. */
  | 'sessionFull'

/** The verdict for a session holding `sessionBytes`, given the browser's estimate (undefined where it cannot tell). */
export function storageVerdict(info: StorageInfo | undefined, sessionBytes: number, sessionCap = SESSION_STORAGE_BYTES): StorageVerdict {
  if (sessionBytes > sessionCap) return 'sessionFull'
  if (info && info.quota > 0 && info.usage > info.quota * QUOTA_WARNING_FRACTION) return 'nearQuota'
  return 'ok'
}

/** The per-session share in force: SESSION_STORAGE_BYTES, unless a debug page lowered it (browser tests). */
let sessionCapOverride: number | undefined

/** Lowers (or, with undefined, restores) the share of sessions opened from now on: a debug hook for browser tests. */
export function setSessionStorageCap(bytes: number | undefined): void {
  sessionCapOverride = bytes
}

/** The share of a session opened now. */
export function sessionStorageCap(): number {
  return sessionCapOverride ?? SESSION_STORAGE_BYTES
}

/** What a session's share holds: bytes written per document, and what peers sent that was not stored. */
export interface SessionShareState {
  /** Bytes written to this device for the session's documents (an upper bound of what they hold: merges shrink it). */
  bytes: number
  /** Bytes of peers' updates not stored because the session was past its share. */
  refusedBytes: number
  /** When a peer's update was last not stored, if ever. */
  refusedAt?: number
}

/**
 * One session's storage share, shared by its documents (a rep has two, the customer one). Counts what
 * each document writes; once past the cap, peers' updates to the documents that refuse them are not
 * stored (the page still holds them; the rep's own writes and the record keep being stored).
 */
export class SessionShare {
  readonly cap: number
  readonly #parts = new Map<string, number>()
  #refusedBytes = 0
  #refusedAt: number | undefined
  readonly #listeners = new Set<() => void>()

  constructor(cap = sessionStorageCap()) {
    this.cap = cap
  }

  /** Sets the bytes document `part` holds (at load). */
  set(part: string, bytes: number): void {
    this.#parts.set(part, bytes)
    this.#notify()
  }

  /** Adds bytes document `part` wrote. */
  add(part: string, bytes: number): void {
    this.#parts.set(part, (this.#parts.get(part) ?? 0) + bytes)
  }

  /** Bytes of document `part`. */
  partBytes(part: string): number {
    return this.#parts.get(part) ?? 0
  }

  /** Bytes of every document of the session. */
  get bytes(): number {
    let sum = 0
    for (const bytes of this.#parts.values()) sum += bytes
    return sum
  }

  /** Whether the session is past its share (storageVerdict's 'sessionFull'). */
  get full(): boolean {
    return this.fullWith(0)
  }

  /** Whether the session would be past its share with `extra` more bytes written. */
  fullWith(extra: number): boolean {
    return storageVerdict(undefined, this.bytes + extra, this.cap) === 'sessionFull'
  }

  /** Records peers' updates of `bytes` that were not stored. */
  refuse(bytes: number, now = Date.now()): void {
    this.#refusedBytes += bytes
    this.#refusedAt = now
    this.#notify()
  }

  /** The state, for the warnings. */
  state(): SessionShareState {
    return { bytes: this.bytes, refusedBytes: this.#refusedBytes, ...(this.#refusedAt === undefined ? {} : { refusedAt: this.#refusedAt }) }
  }

  /** Calls `listener` when something was refused (or a document loaded); returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #notify(): void {
    this.#listeners.forEach((listener) => listener())
  }
}
