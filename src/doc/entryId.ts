/**
 * Entry ids: a hybrid logical clock rendered as a string that sorts the same
 * way on every peer. `<time>.<counter>.<origin>`: time is milliseconds in
 * base 36 (9 chars, good until year 5188), counter breaks ties within one
 * millisecond and carries causality past a skewed clock, origin makes ids of
 * different writers distinct.
 */

const TIME_WIDTH = 9 // 36^9 ms ≈ 3,200 years: fixed width keeps string order = time order
const COUNTER_WIDTH = 4 // 36^4 = 1.7 M entries in one millisecond, then the clock carries into the next ms
const MAX_TIME = 36 ** TIME_WIDTH - 1
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1 // a wider counter would sort before narrower ones as a string

/**
 * How far ahead of this device's wall clock a peer's id may move this clock (the usual hybrid
 * logical clock bound): network-synced clocks agree within seconds and a phone off the network
 * drifts a few minutes; a stamp further ahead is a broken or hostile clock, followed only up to
 * the bound so one peer cannot push every writer's time (and order) hours ahead.
 */
export const MAX_CLOCK_LEAD_MS = 5 * 60 * 1000

/** A parsed entry id. */
export interface ClockStamp {
  time: number
  counter: number
  origin: string
}

const ID_PATTERN = /^([0-9a-z]{9})\.([0-9a-z]{4,8})\.([0-9a-z-]{1,40})$/

/** Formats a clock stamp as a sortable id. */
export function formatEntryId(stamp: ClockStamp): string {
  return `${stamp.time.toString(36).padStart(TIME_WIDTH, '0')}.${stamp.counter
    .toString(36)
    .padStart(COUNTER_WIDTH, '0')}.${stamp.origin}`
}

/** Whether `id` is one this schema writes (what `parseEntryId` accepts), without building the stamp: validating 100k entries on open. */
export function isEntryId(id: string): boolean {
  return ID_PATTERN.test(id)
}

/** Parses an id, or returns undefined when it is not one this schema writes. */
export function parseEntryId(id: string): ClockStamp | undefined {
  const match = ID_PATTERN.exec(id)
  if (!match) return undefined
  const [, time, counter, origin] = match
  if (time === undefined || counter === undefined || origin === undefined) return undefined
  return { time: parseInt(time, 36), counter: parseInt(counter, 36), origin }
}

/** Compares two clock stamps in id order. */
export function compareStamps(a: ClockStamp, b: ClockStamp): number {
  return a.time - b.time || a.counter - b.counter || (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0)
}

/**
 * The clock of one writer. `observe` every id seen (local or remote) so the
 * next stamp sorts after everything this writer already knew: that is what
 * makes the order causal-ish even when wall clocks disagree.
 */
export class HybridClock {
  private latest: ClockStamp = { time: 0, counter: 0, origin: '' }

  constructor(private readonly origin: string) {}

  /** Records a stamp seen in the document; one more than MAX_CLOCK_LEAD_MS ahead of `now` moves the clock only to that bound. */
  observe(stamp: ClockStamp, now: number = Date.now()): void {
    const limit = Math.floor(now) + MAX_CLOCK_LEAD_MS
    const bounded = stamp.time > limit ? { time: limit, counter: 0, origin: '' } : stamp
    if (compareStamps(bounded, this.latest) > 0) this.latest = bounded
  }

  /** The next stamp for a local write at wall-clock time `now` (a non-finite reading counts as 0). */
  next(now: number): ClockStamp {
    const wall = Number.isFinite(now) ? Math.min(Math.max(Math.floor(now), 0), MAX_TIME) : 0
    let time = Math.max(wall, this.latest.time)
    let counter = time === this.latest.time ? this.latest.counter + 1 : 0
    if (counter > MAX_COUNTER) {
      time += 1
      counter = 0
    }
    const stamp = { time, counter, origin: this.origin }
    this.latest = stamp
    return stamp
  }
}
