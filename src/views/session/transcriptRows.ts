/**
 * What the console's transcript frame (Transcript.tsx) and the two ways of laying out its rows share: the
 * plain list of a short session (ShortRows.tsx) and the virtual list of a long one (VirtualRows.tsx, its
 * own chunk with the virtualiser, loaded only once a session grows long; issue 20, bundles).
 */
import { createSignal, onCleanup, type Accessor, type JSX, type Setter } from 'solid-js'
import type { VirtualItem } from '@tanstack/solid-virtual'
import type { Entry } from '../../doc/entry'
import type { TranscriptScroll } from '../../app/session/sessionViewState'

/** Up to this many entries a transcript is a plain list; past it, a virtual list (the customer's page shows as many at first). */
export const SHORT_LIST_MAX = 150
/** From this many entries on, the virtual list's chunk is fetched ahead, so growing past SHORT_LIST_MAX swaps at once. */
export const PREFETCH_AT = 120
/** The row of the details block (entry ids never take this form). */
export const HEADER_KEY = 'header'

/** What the frame asks of the rows that are mounted. */
export interface RowsHandle {
  scrollToEnd(): void
  /** Brings the row of this entry into the middle of the view. */
  reveal(entryIndex: number): void
  /** Where the reader is, enough to put the rows back (also into the other kind of list). */
  save(): TranscriptScroll
}

/** What the frame gives either kind of rows. */
export interface RowsProps {
  scroller: HTMLDivElement
  entries: Entry[]
  /** Whether the details block heads the rows. */
  hasHeader: boolean
  header: () => JSX.Element
  entryView: (entry: Accessor<Entry>) => JSX.Element
  /** Whether the reader is at the end (new rows are followed). */
  following: Accessor<boolean>
  /** Where to put the reader when the rows mount. */
  saved: TranscriptScroll | undefined
  bind(handle: RowsHandle): void
}

/** The measured rows of a plain list, in the form the virtualiser restores sizes from. */
export function measuredRows(rows: { key: string; size: number }[]): VirtualItem[] {
  let start = 0
  return rows.map(({ key, size }, index) => {
    const item = { key, index, start, end: start + size, size, lane: 0 }
    start += size
    return item
  })
}

/**
 * What each mounted row shows, written by one plain pass over the rows and read by each row alone: an append
 * wakes the new row only, not every row's reads (issue 20, Enter dispatch). Both kinds of rows use it.
 */
export function createRowValues<K, V>(equals: (a: V | undefined, b: V | undefined) => boolean = (a, b) => a === b): {
  /** Sets a row's value; its row (if mounted) updates only when the value is not `equals` the last. */
  write(key: K, value: V): void
  /** The row's own value, followed from now; call it in the row's owner (a row that unmounts forgets its value). */
  read(key: K): Accessor<V | undefined>
} {
  const latest = new Map<K, V>()
  const setters = new Map<K, Setter<V | undefined>>()
  return {
    write(key, value) {
      if (equals(latest.get(key), value)) return
      latest.set(key, value)
      setters.get(key)?.(() => value)
    },
    read(key) {
      const [value, setValue] = createSignal(latest.get(key), { equals })
      setters.set(key, setValue)
      onCleanup(() => {
        if (setters.get(key) !== setValue) return
        setters.delete(key)
        latest.delete(key)
      })
      return value
    },
  }
}
