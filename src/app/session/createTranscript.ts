/**
 * The reactive projection of a document's transcript: a sorted array of
 * validated entries, updated incrementally from Yjs events (binary insertion
 * for a few new entries, one linear merge for a large batch such as an initial sync).
 */
import type * as Y from 'yjs'
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { byId, entriesMap, readTranscript } from '../../doc/transcript'
import { dedupeEvents, parseEntry, type Entry } from '../../doc/entry'
import { insertSorted } from './insertSorted'

export { insertSorted }

/** Past this many new entries in one event, one merge beats binary insertion (each splice copies the array). */
const BATCH_RESORT = 64

/**
 * Merges two id-sorted lists of distinct ids; on an id in both, keeps `sorted`'s entry (like
 * insertSorted). Linear, so a batch into a large transcript does not re-sort it (issue #10).
 */
export function mergeSorted(sorted: readonly Entry[], fresh: readonly Entry[]): Entry[] {
  const merged: Entry[] = []
  let i = 0
  let j = 0
  while (i < sorted.length && j < fresh.length) {
    const a = sorted[i]!
    const b = fresh[j]!
    if (b.id < a.id) {
      merged.push(b)
      j++
    } else {
      merged.push(a)
      i++
      if (a.id === b.id) j++
    }
  }
  for (; i < sorted.length; i++) merged.push(sorted[i]!)
  for (; j < fresh.length; j++) merged.push(fresh[j]!)
  return merged
}

/**
 * A signal of the transcript of `doc`, kept in id order. Must run inside a reactive owner.
 *
 * Yjs changes are queued and applied once per microtask: the re-render (and the
 * virtual list's layout reads) then runs after every other observer of the
 * transaction, so the relay puts a rep's message on the wire before this page
 * draws it (issue #10, delivery latency). Reading the accessor outside a
 * reactive scope applies pending changes first, so a read right after a
 * transaction is never stale.
 */
export function createTranscript(doc: Y.Doc): Accessor<Entry[]> {
  const map = entriesMap(doc)
  let sorted = readTranscript(doc)
  let view = dedupeEvents(sorted)
  const added = new Map<string, Entry>()
  const deleted = new Set<string>()
  let scheduled = false
  // Applied by an early read but not yet announced to subscribers.
  let unannounced = false
  const [version, setVersion] = createSignal(0)

  const applyPending = (): void => {
    if (added.size === 0 && deleted.size === 0) return
    if (deleted.size > 0) sorted = sorted.filter((entry) => !deleted.has(entry.id) || added.has(entry.id))
    if (added.size > BATCH_RESORT) {
      sorted = mergeSorted(sorted, [...added.values()].sort(byId))
    } else {
      for (const entry of added.values()) insertSorted(sorted, entry)
    }
    added.clear()
    deleted.clear()
    unannounced = true
    // Several peers may note one event: show the note with the smallest id per event key, like readTranscript.
    view = dedupeEvents(sorted)
  }
  const flush = (): void => {
    scheduled = false
    applyPending()
    if (!unannounced) return
    unannounced = false
    setVersion((n) => n + 1)
  }
  const onChange = (event: Y.YMapEvent<unknown>): void => {
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') {
        added.delete(id)
        deleted.add(id)
        return
      }
      const entry = parseEntry(id, map.get(id))
      if (entry) added.set(id, entry)
    })
    if (scheduled || (added.size === 0 && deleted.size === 0)) return
    scheduled = true
    queueMicrotask(flush)
  }
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))
  return () => {
    version()
    applyPending()
    return view
  }
}
