/**
 * The transcript the customer's page shows: only entries that verified
 * (entryTrust.ts), in id order, one note per event — deduplicated *after*
 * filtering, so a forged team note with a smaller id cannot push the real one
 * out. Incremental: each change (an entry, or a verdict) re-places only its
 * ids; a verdict is a cached lookup, never a new verification.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { dedupeEvents, parseEntry, type Entry } from '../../doc/entry'
import { insertSorted } from '../session/insertSorted'
import type { EntryTrust } from './entryTrust'

/** The visible transcript and how many entries of the doc are not shown because they failed verification. */
export interface VisibleTranscript {
  entries: Accessor<Entry[]>
  hidden: Accessor<number>
}

function indexOf(sorted: readonly Entry[], id: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]!.id < id) low = mid + 1
    else high = mid
  }
  return sorted[low]?.id === id ? low : -1
}

/** Follows `doc`'s verified entries. Must run inside a reactive owner. */
export function createVisibleTranscript(doc: Y.Doc, trust: EntryTrust): VisibleTranscript {
  const map = entriesMap(doc)
  const sorted: Entry[] = []
  const unverified = new Set<string>()
  let view: Entry[] = []
  const [version, setVersion] = createSignal(0)
  let bumpQueued = false

  const place = (ids: Iterable<string>): void => {
    // A rep's entry arrives unverified (its verdict comes from the worker a task later): nothing the page
    // shows changes then, and re-running the transcript's effects inside the Yjs observer cost the
    // customer ~1 ms per incoming entry before the entry's verification was even asked for (issue 20).
    let changed = false
    for (const id of ids) {
      const at = indexOf(sorted, id)
      if (at >= 0) sorted.splice(at, 1)
      const entry = parseEntry(id, map.get(id))
      const wasHidden = unverified.delete(id) && trust.isRejected(id)
      if (at >= 0 || wasHidden) changed = true
      if (!entry) continue
      if (isVisible(entry, trust)) {
        insertSorted(sorted, entry)
        changed = true
      } else {
        unverified.add(id)
        if (trust.isRejected(id)) changed = true // the hidden count grows
      }
    }
    if (!changed) return
    view = dedupeEvents(sorted)
    // Readers re-run once per microtask, after every other observer of the transaction (as the rep's
    // createTranscript does): the page's render no longer runs inside Yjs's observer calls, ahead of the
    // entry's verification request and y-webrtc's own handling. `entries()` reads `view`, current already.
    if (bumpQueued) return
    bumpQueued = true
    queueMicrotask(() => {
      bumpQueued = false
      setVersion((n) => n + 1)
    })
  }
  const onChange = (event: Y.YMapEvent<unknown>): void => place(event.keysChanged)
  map.observe(onChange)
  const stopVerdicts = trust.onVerdict(place)
  onCleanup(() => {
    map.unobserve(onChange)
    stopVerdicts()
  })
  place(map.keys())
  return {
    entries: () => (version(), view),
    hidden: () => {
      version()
      let count = 0
      for (const id of unverified) if (trust.isRejected(id)) count++
      return count
    },
  }
}

/**
 * What the customer's page shows: entries that verified. With a link that carries no session key,
 * reps' entries cannot verify and are shown anyway, under a warning (`verifiable` is false).
 */
export function isVisible(entry: Entry, trust: EntryTrust): boolean {
  return trust.isGenuine(entry) || (!trust.verifiable && entry.authorRole !== 'customer')
}

/** Whether a verified team note says the session ended (a forged `ended` never closes the chat). */
export function endedByRep(entries: readonly Entry[], trust: EntryTrust): boolean {
  trust.version()
  return entries.some((entry) => entry.event === 'ended' && entry.authorRole !== 'customer' && trust.isGenuine(entry))
}
