/**
 * How fast a customer can grow the record. The rep doc is append-only and
 * stored, and anyone with the customer key can write the customer doc, so
 * without a bound one 10 MiB update put 50,000 entries into the record in
 * ~0.9 s. The relay asks `admit` before it mirrors each new customer entry;
 * what overdraws the budget stays out of the record and is counted, so the
 * rep's view can flag it. Two token buckets (entries and bytes) refill each
 * minute; their bursts hold an offline backlog, their rates far exceed typing.
 * Each author has its own budget, so a flood written under another id does
 * not use up the genuine customer's (a browser test found exactly that).
 */
import type * as Y from 'yjs'
import { toStored, type Entry } from './entry'

/** Customer entries mirrored per minute, sustained: a fast typist sends ~20 messages a minute. */
export const RECORD_ENTRIES_PER_MINUTE = 120
/** Customer entries mirrored at once: a long offline backlog arriving on reconnect. */
export const RECORD_ENTRIES_BURST = 500
/** Bytes of customer entries mirrored per minute, sustained: 120 long messages. */
export const RECORD_BYTES_PER_MINUTE = 512 * 1024
/** Bytes of customer entries mirrored at once. */
export const RECORD_BYTES_BURST = 2 * 1024 * 1024
/**
 * Authors with a budget of their own in one record: the customer (one id across devices and reloads) and a few
 * more. Until entries are signed (issue 17) an author id is only a claim, so past this, new ones are refused.
 */
export const MAX_RECORD_AUTHORS = 8

/** A record-growth budget's rates. */
export interface GrowthRates {
  entriesPerMinute: number
  entriesBurst: number
  bytesPerMinute: number
  bytesBurst: number
}

const DEFAULT_RATES: GrowthRates = {
  entriesPerMinute: RECORD_ENTRIES_PER_MINUTE,
  entriesBurst: RECORD_ENTRIES_BURST,
  bytesPerMinute: RECORD_BYTES_PER_MINUTE,
  bytesBurst: RECORD_BYTES_BURST,
}

/** Bytes an entry adds to the record (its stored JSON). */
export function entryBytes(entry: Entry): number {
  return JSON.stringify(toStored(entry)).length
}

/** The customer side's allowance to grow one record. The clock is passed in. */
export class RecordGrowthBudget {
  readonly #rates: GrowthRates
  #entries: number
  #bytes: number
  #at: number
  /** Entries refused so far. */
  refused = 0
  /** When (the caller's clock) an entry was last refused. */
  lastRefusedAt: number | undefined

  constructor(now: number, rates: Partial<GrowthRates> = {}) {
    this.#rates = { ...DEFAULT_RATES, ...rates }
    this.#entries = this.#rates.entriesBurst
    this.#bytes = this.#rates.bytesBurst
    this.#at = now
  }

  /** Whether `entry` may enter the record at `now`; charges it if so, counts it if not. */
  admit(entry: Entry, now: number): boolean {
    const minutes = Math.max(0, now - this.#at) / 60_000
    this.#at = Math.max(this.#at, now)
    this.#entries = Math.min(this.#rates.entriesBurst, this.#entries + minutes * this.#rates.entriesPerMinute)
    this.#bytes = Math.min(this.#rates.bytesBurst, this.#bytes + minutes * this.#rates.bytesPerMinute)
    const bytes = entryBytes(entry)
    if (this.#entries < 1 || this.#bytes < bytes) {
      this.refused += 1
      this.lastRefusedAt = now
      return false
    }
    this.#entries -= 1
    this.#bytes -= bytes
    return true
  }
}

/** One record's budgets, by author. */
export class RecordGrowth {
  readonly #authors = new Map<string, RecordGrowthBudget>()
  readonly #rates: Partial<GrowthRates>
  /** Entries refused so far, all authors. */
  refused = 0
  /** When (the caller's clock) an entry was last refused. */
  lastRefusedAt: number | undefined

  constructor(rates: Partial<GrowthRates> = {}) {
    this.#rates = rates
  }

  /** Whether `entry` may enter the record at `now`, charged to its author. */
  admit(entry: Entry, now: number): boolean {
    let budget = this.#authors.get(entry.authorId)
    if (!budget && this.#authors.size < MAX_RECORD_AUTHORS) {
      budget = new RecordGrowthBudget(now, this.#rates)
      this.#authors.set(entry.authorId, budget)
    }
    if (budget?.admit(entry, now)) return true
    this.refused += 1
    this.lastRefusedAt = now
    return false
  }
}

const records = new WeakMap<Y.Doc, RecordGrowth>()

/** The growth budgets of the record `repDoc` (one per rep doc, shared by its relay and its warnings). */
export function recordGrowthBudget(repDoc: Y.Doc): RecordGrowth {
  let growth = records.get(repDoc)
  if (!growth) {
    growth = new RecordGrowth()
    records.set(repDoc, growth)
  }
  return growth
}
