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

/** Counts the bytes of updates a document stores, from its encoded size at start (cheap per update). */
export class SessionBytes {
  #bytes: number

  constructor(initialBytes: number) {
    this.#bytes = initialBytes
  }

  /** Adds one stored update. */
  add(update: Uint8Array): void {
    this.#bytes += update.byteLength
  }

  /** Bytes counted so far. */
  get bytes(): number {
    return this.#bytes
  }
}
