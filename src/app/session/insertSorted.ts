/**
 * Binary insertion into an id-sorted transcript: apart from createTranscript.ts (the rep's projection,
 * which re-exports it) so the customer page's projection (src/app/customer/visibleTranscript.ts) loads
 * only this (issue 20, bundles).
 */
import type { Entry } from '../../doc/entry'

/** Inserts `entry` into `sorted` (by id) unless an entry with that id is there. */
export function insertSorted(sorted: Entry[], entry: Entry): void {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    const probe = sorted[mid]
    if (probe !== undefined && probe.id < entry.id) low = mid + 1
    else high = mid
  }
  if (sorted[low]?.id !== entry.id) sorted.splice(low, 0, entry)
}
