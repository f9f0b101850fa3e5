/**
 * The reactive projection of a document's transcript: a sorted array of
 * validated entries, updated incrementally from Yjs events (binary insertion
 * for a few new entries, one sort for a large batch such as an initial sync).
 */
import type * as Y from 'yjs'
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
import { byId, entriesMap, readTranscript } from '../doc/transcript'
import { dedupeEvents, parseEntry, type Entry } from '../doc/entry'

/** Past this many new entries in one event, re-sorting beats binary insertion. */
const BATCH_RESORT = 64

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

/** A signal of the transcript of `doc`, kept in id order. Must run inside a reactive owner. */
export function createTranscript(doc: Y.Doc): Accessor<Entry[]> {
  const map = entriesMap(doc)
  const [entries, setEntries] = createSignal<Entry[]>(readTranscript(doc), { equals: false })
  const onChange = (event: Y.YMapEvent<unknown>): void => {
    const added: Entry[] = []
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') return
      const entry = parseEntry(id, map.get(id))
      if (entry) added.push(entry)
    })
    const deleted = [...event.changes.keys].filter(([, change]) => change.action === 'delete').map(([id]) => id)
    if (added.length === 0 && deleted.length === 0) return
    setEntries((current) => {
      let next = deleted.length > 0 ? current.filter((entry) => !deleted.includes(entry.id)) : current
      if (added.length > BATCH_RESORT) {
        const known = new Set(next.map((entry) => entry.id))
        next = next.concat(added.filter((entry) => !known.has(entry.id))).sort(byId)
      } else {
        for (const entry of added) insertSorted(next, entry)
      }
      return next
    })
  }
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))
  // Several peers may note one event: show the note with the smallest id per event key, like readTranscript.
  return createMemo(() => dedupeEvents(entries()))
}
