/**
 * Local persistence of documents in IndexedDB (y-indexeddb). Attached before
 * any network provider, so the device's copy is loaded first. Edits are
 * written merged, in a task of their own shortly after the edit's: y-indexeddb
 * would otherwise open an IndexedDB transaction inside each update event,
 * ahead of the network provider's send (issue #10, delivery latency), a write
 * in the edit's own task (a microtask) kept the rep's page busy after Enter,
 * and one in the very next task ran ahead of the rest of the send path (issue
 * 20, `VISIBLE_WRITE_DELAY_MS`). Nothing is lost to a reload or a closed tab:
 * on `pagehide` and when the page is hidden, the pending write is made and
 * committed at once, and every write not yet stored is also copied to
 * localStorage until it is (src/store/unsavedEdits.ts): the navigation cut a
 * write under way in about half of the reloads that followed a message.
 *
 * Per-session storage bound (issue 18, src/store/storageBound.ts): each write
 * is counted toward the session's share (the count is kept in the database's
 * `custom` store, written in the same transaction as the update). Past the
 * share, a document that refuses peers (the customer doc: anyone holding the
 * join link writes to it) stores only this page's own writes; peers' updates
 * stay in memory for this visit, are not stored, and are reported to the share
 * (the rep's warnings). y-indexeddb's compaction writes the whole in-memory
 * document, so it no longer runs for such a document once it refuses.
 */
import * as Y from 'yjs'
import * as idb from 'lib0/indexeddb'
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb'
import type { SessionShare } from './storageBound'
import { markLoadedFromStore } from '../net/tabSync'
import { MAX_UNSAVED_BYTES, applyUnsaved, forgetUnsaved, keepUnsaved, newCopyId, readUnsaved, unsavedKey, unsavedKeys } from './unsavedEdits'

/** A document's local database. */
export interface DocStore {
  /** Stops persisting (the data stays on disk). */
  close(): Promise<void>
  /** Deletes the document's database from this device. */
  clear(): Promise<void>
}

/** The database name of a document; the prefix lets History find every session on the device. */
export function docDatabaseName(kind: 'customer' | 'rep' | 'team', id: string): string {
  return `asiste:${kind}:${id}`
}

/** The session share a document counts toward. */
export interface StorageBoundOptions {
  share: SessionShare
  /** This document's name in the share (`rep`, `customer`). */
  part: string
  /** Whether peers' updates are not stored once the share is full (the customer doc); the record is always stored. */
  refusePeers: boolean
}

/** Key of the written-bytes count in a database's `custom` store. */
const STORED_BYTES_KEY = 'asiste:storedBytes'

/** Loads `doc` from its database (resolves once loaded; an empty database resolves too). */
export async function persistDoc(doc: Y.Doc, databaseName: string, bound?: StorageBoundOptions): Promise<DocStore> {
  const persistence = new IndexeddbPersistence(databaseName, doc)
  const batching = batchWrites(doc, databaseName, persistence, bound)
  await persistence.whenSynced
  if (bound) {
    // Written-bytes count of this database, or (a database from before the count) the size of what it holds.
    const stored: unknown = await persistence.get(STORED_BYTES_KEY).catch(() => undefined)
    bound.share.add(bound.part, typeof stored === 'number' && stored >= 0 ? stored : Y.encodeStateAsUpdate(doc).byteLength)
    bound.share.set(bound.part, bound.share.partBytes(bound.part)) // tells the warnings the count is known
  }
  markLoadedFromStore(doc) // other tabs of this browser read the same database (src/net/tabSync.ts)
  batching.restoreUnsaved() // after the mark: what it applies is news to the other tabs
  return {
    close: () => {
      batching.stop()
      return persistence.destroy()
    },
    clear: () => {
      batching.stop(false) // the pending edits would land in a database being deleted
      forgetUnsaved(unsavedKeys(databaseName))
      return persistence.clearData()
    },
  }
}

/**
 * How long a visible page lets an edit's write wait. The tasks right after an edit are the send path's: the
 * relay's signature and publish on the rep's page, the entry's verification and render on the customer's
 * (≈1–5 ms in all); a write in the next task (≈0.5–1 ms of IndexedDB work per document) went ahead of them
 * (issue 20, bench/sendStages.ts). Short enough that a crash loses no more than a typing burst's last moment.
 */
export const VISIBLE_WRITE_DELAY_MS = 25

/** Callbacks waiting for the `VISIBLE_WRITE_DELAY_MS` timer. */
const delayed = new Set<() => void>()
let delayTimer: ReturnType<typeof setTimeout> | undefined

/**
 * Runs `callback` in a task of its own: after VISIBLE_WRITE_DELAY_MS on a visible page, in the next task
 * otherwise (timers of a hidden page are throttled to once a second or a minute; no document: unit tests).
 */
function soon(callback: () => void): void {
  if (typeof document === 'undefined' || document.visibilityState !== 'visible') return inOwnTask(callback)
  delayed.add(callback)
  delayTimer ??= setTimeout(() => {
    delayTimer = undefined
    const due = [...delayed]
    delayed.clear()
    due.forEach((run) => run())
  }, VISIBLE_WRITE_DELAY_MS)
}

/** Callbacks waiting for the next `inOwnTask` turn. */
const nextTurn = new Set<() => void>()
let turnPort: MessagePort | undefined

/**
 * Runs `callback` in a task of its own, as soon as the current one ends: a MessageChannel message is neither
 * clamped like a nested `setTimeout(0)` nor throttled to once a second (or a minute) in a hidden tab.
 */
function inOwnTask(callback: () => void): void {
  if (!turnPort) {
    const channel = new MessageChannel()
    channel.port2.onmessage = () => {
      const due = [...nextTurn]
      nextTurn.clear()
      due.forEach((run) => run())
    }
    // Node (unit tests) would otherwise stay alive for the open port; browsers have no `unref`.
    ;(channel.port2 as MessagePort & { unref?: () => void }).unref?.()
    turnPort = channel.port1
  }
  if (nextTurn.size === 0) turnPort.postMessage(null)
  nextTurn.add(callback)
}

/** Calls `flush` when the page is being left or hidden (the last moment this page surely runs); returns a stop. */
function flushWhenLeaving(flush: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {}
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onHidden)
  return () => {
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onHidden)
  }
}

/** An update at least this big is stored as it is, not merged with the others of its turn (see mergedForStore). */
export const STORE_AS_IS_BYTES = 64 * 1024

/**
 * What a turn's updates are stored as: the small ones merged into one (fewer rows for the next load to read),
 * each big one as it is. Merging re-reads and re-writes every byte, and a big update is one already: a late
 * join's first sync (10 MB) cost the customer's page ~0.1 s more to merge with the few small updates of its
 * turn (receipts, the customer's own note) than to store beside them (BENCHMARKS.md, lateJoin). Stored updates
 * are applied together when the document loads, so how they are split does not change what it holds.
 */
export function mergedForStore(updates: readonly Uint8Array[]): Uint8Array[] {
  const small = updates.filter((update) => update.byteLength < STORE_AS_IS_BYTES)
  const big = updates.filter((update) => update.byteLength >= STORE_AS_IS_BYTES)
  if (small.length <= 1) return [...small, ...big]
  return [Y.mergeUpdates(small), ...big]
}

/** Origin of the transaction that applies the edits a page being left kept in localStorage (src/store/unsavedEdits.ts). */
const UNSAVED = Symbol('unsaved edits')

/** An update waiting to be written, and whether a peer sent it (a remote transaction) or this page made it. */
interface PendingWrite {
  update: Uint8Array
  peer: boolean
}

/** The write batching of one document (batchWrites). */
interface Batching {
  /** Applies and stores the edits earlier pages kept in localStorage as they were left; drops the copies once stored. Call after the load. */
  restoreUnsaved(): void
  /** Stops, writing what is pending unless told not to. */
  stop(writePending?: boolean): void
}

/**
 * Replaces y-indexeddb's per-update write with one write per turn (`soon`; see mergedForStore). With a bound,
 * writes are counted and, past the share, peers' updates are not stored. A write that fails (its transaction
 * aborted: a full disk) is tried again with the next one. A page being left (or hidden) writes what is pending at
 * once and commits it, and keeps one copy in localStorage of every write not yet stored (a navigation cuts a write
 * made a moment before as readily as its own), overwritten at each leave and dropped once they all are stored
 * (src/store/unsavedEdits.ts).
 */
function batchWrites(doc: Y.Doc, databaseName: string, persistence: IndexeddbPersistence, bound?: StorageBoundOptions): Batching {
  const store = persistence._storeUpdate
  let batch: PendingWrite[] = []
  let scheduled = false
  let refusing = false
  /** Writes made and not yet stored, with what they hold. */
  const inFlight = new Set<PendingWrite[]>()
  /** What failed writes held: written again with the next write. */
  let retry: PendingWrite[] = []
  /** This page's copy of `databaseName` in localStorage (one, overwritten at each leave). */
  const copyId = newCopyId()
  let copied = false
  /** y-indexeddb's write (with a bound: in one transaction with the written-bytes count). */
  const write = (update: Uint8Array): IDBTransaction | undefined => {
    const db = persistence.db
    if (!db) return undefined
    const [updates, custom] = idb.transact(db, bound ? ['updates', 'custom'] : ['updates'])
    if (!updates) return undefined
    // lib0 types it narrowly; y-indexeddb stores Uint8Arrays. A failed write is reported once, by its transaction.
    idb.addAutoKey(updates, update as unknown as ArrayBuffer).catch(() => undefined)
    if (bound && custom) {
      bound.share.add(bound.part, update.byteLength)
      idb.put(custom, bound.share.partBytes(bound.part), STORED_BYTES_KEY).catch(() => undefined)
    }
    updates.transaction.addEventListener('abort', () => console.warn(`an edit could not be stored in ${databaseName}`, updates.transaction.error))
    // Compaction (y-indexeddb's, debounced as there) stores the whole in-memory document: not once peers are refused.
    if (++persistence._dbsize >= PREFERRED_TRIM_SIZE && !refusing) {
      if (persistence._storeTimeoutId !== null) clearTimeout(persistence._storeTimeoutId)
      persistence._storeTimeoutId = setTimeout(() => {
        persistence._storeTimeoutId = null
        if (!refusing) void storeState(persistence, false)
      }, persistence._storeTimeout)
    }
    return updates.transaction
  }
  /** Writes what is pending; a page being left commits it at once (left to commit itself when the task ends, the navigation could cut it). */
  const flush = (leaving = false): void => {
    scheduled = false
    const items = [...retry, ...storable()]
    retry = []
    if (items.length === 0) return
    inFlight.add(items)
    let transactions: (IDBTransaction | undefined)[] = [undefined]
    try {
      transactions = mergedForStore(items.map((item) => item.update)).map(write)
      if (leaving) transactions.forEach((transaction) => transaction?.commit?.())
    } catch (cause) {
      console.warn(`edits could not be written to ${databaseName}`, cause) // the connection was closed (the database deleted)
    }
    void (transactions.every(Boolean) ? allStored(transactions as IDBTransaction[]) : Promise.resolve(false)).then((stored) => {
      inFlight.delete(items)
      if (!stored) retry.push(...items)
      else if (copied && inFlight.size === 0 && retry.length === 0) {
        forgetUnsaved([unsavedKey(databaseName, copyId)])
        copied = false
      }
    })
  }
  /** The batch's updates to store (taken out of it): past the share, a doc that refuses peers keeps only this page's. */
  const storable = (): PendingWrite[] => {
    const items = batch
    batch = []
    if (!bound?.refusePeers || items.length === 0) return items
    // Judged update by update, counting what this batch keeps: a burst of peers' updates within one turn
    // stops at the share instead of all landing because the share was not full when the turn began.
    const kept: PendingWrite[] = []
    let keptBytes = 0
    let refusedBytes = 0
    for (const item of items) {
      if (item.peer && bound.share.fullWith(keptBytes)) refusedBytes += item.update.byteLength
      else {
        kept.push(item)
        keptBytes += item.update.byteLength
      }
    }
    if (refusedBytes > 0 || bound.share.full) {
      if (!refusing && persistence._storeTimeoutId !== null) clearTimeout(persistence._storeTimeoutId)
      refusing = true
    }
    if (refusedBytes > 0) bound.share.refuse(refusedBytes)
    return kept
  }
  /**
   * Keeps this page's copy of every write not yet stored (replacing its earlier one). All of them if they fit,
   * else only this page's own edits: a peer's big update (a late join's sync) is theirs to send again.
   */
  const keepUnstored = (): void => {
    const unstored = [...[...inFlight].flat(), ...retry, ...batch]
    const fits = unstored.reduce((sum, item) => sum + item.update.byteLength, 0) <= MAX_UNSAVED_BYTES
    const kept = fits ? unstored : unstored.filter((item) => !item.peer)
    if (kept.length === 0) return
    copied = keepUnsaved(databaseName, kept.map((item) => item.update), copyId) || copied
  }
  const restoreUnsaved = (): void => {
    const { keys, updates } = readUnsaved(databaseName)
    if (keys.length === 0) return
    // What earlier pages of this device had accepted (their own edits, peers' within the share): applied, then
    // written as they are, and the copies dropped once that write is stored.
    const read = applyUnsaved(doc, updates, UNSAVED)
    const transaction = read.length > 0 ? write(Y.mergeUpdates(read)) : undefined
    if (read.length === 0) forgetUnsaved(keys)
    else if (transaction) void allStored([transaction]).then((stored) => stored && forgetUnsaved(keys))
  }
  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    // Updates read from the database itself are not written back (y-indexeddb's own rule); restored copies are written by restoreUnsaved.
    if (origin === persistence || origin === UNSAVED) return
    if (!scheduled) {
      scheduled = true
      soon(flush)
    }
    // A peer's update arrives through Y.applyUpdate (a remote transaction); this page's own edits are local.
    batch.push({ update, peer: !transaction.local })
  }
  // Listen only once the stored updates are applied: Yjs encodes each transaction for its 'update'
  // listeners, and the load transaction (the whole stored doc, never written back) would be encoded
  // for nothing (issue #10, big session open). Edits made before the load are in y-indexeddb's own
  // pre-load snapshot; 'synced' fires right after the load transaction, in the same task.
  const listen = (): void => {
    persistence.off('synced', listen)
    doc.on('update', onUpdate)
  }
  doc.off('update', store)
  if (persistence.synced) listen()
  else persistence.on('synced', listen)
  const stopLeaving = flushWhenLeaving(() => {
    try {
      // Left before the load finished (a message sent in a session just made): y-indexeddb stores the edits made
      // until then only once its read returns, which the navigation does not wait for. Before the load the
      // document holds only this page's edits (no network provider is attached yet), so a copy of it is small.
      if (!persistence.synced) {
        const state = Y.encodeStateAsUpdate(doc)
        if (state.byteLength > 2) keepUnsaved(databaseName, [state], `${copyId}-load`) // 2 bytes: an empty document
      }
      flush(true)
    } finally {
      keepUnstored()
    }
  })
  const stop = (writePending = true): void => {
    persistence.off('synced', listen)
    doc.off('update', onUpdate)
    stopLeaving()
    nextTurn.delete(flush)
    delayed.delete(flush)
    scheduled = false
    if (writePending) flush()
    else batch = []
  }
  return { restoreUnsaved, stop }
}

/** Resolves true once every one of `transactions` is stored, false as soon as one fails. */
function allStored(transactions: IDBTransaction[]): Promise<boolean> {
  return Promise.all(
    transactions.map(
      (transaction) =>
        new Promise<boolean>((resolve) => {
          transaction.addEventListener('complete', () => resolve(true))
          transaction.addEventListener('abort', () => resolve(false))
          transaction.addEventListener('error', () => resolve(false))
        }),
    ),
  ).then((results) => results.every(Boolean))
}
