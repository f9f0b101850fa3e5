/**
 * The rows of a long transcript, virtualised so a session of 100,000 entries keeps a few dozen DOM nodes.
 * Its own chunk with @tanstack/virtual-core: Transcript.tsx loads it only once a session grows past
 * SHORT_LIST_MAX entries (or opens that long). It follows new entries while the reader is at the end.
 */
import { For, Show, createComputed, createEffect, createMemo, on, onCleanup, onMount, untrack } from 'solid-js'
import type { Entry } from '../../doc/entry'
import { createVirtualizer, type VirtualItem } from '@tanstack/solid-virtual'
import { HEADER_KEY, createRowValues, type RowsProps } from './transcriptRows'

const ESTIMATED_ROW_PX = 64 // a one-line message with its header; real heights are measured
const OVERSCAN_ROWS = 8 // rows rendered beyond the viewport so fast scrolling shows no gaps

type RowKey = VirtualItem['key']

function sameKeys(a: RowKey[], b: RowKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}

/** What one rendered row shows: its place in the list and its entry (none for the details block). */
interface RowView {
  index: number
  start: number
  entry: Entry | undefined
}

function sameView(a: RowView | undefined, b: RowView | undefined): boolean {
  return a?.index === b?.index && a?.start === b?.start && a?.entry === b?.entry
}

/** The virtual rows of one transcript, inside the frame's scroller. */
export function VirtualRows(props: RowsProps) {
  const saved = props.saved
  const offset = (): number => (props.hasHeader ? 1 : 0)
  // getItemKey runs for every row, from the first, on each change of the count (an appended message): it
  // reads these plain copies, not the props' reactive getters (~1 µs a read: ~0.3 ms of an Enter at 300
  // entries, growing with the session; issue 20). The virtualiser reads the count first, which refreshes them.
  let list = untrack(() => props.entries)
  let headerRows = untrack(offset)
  const virtualizer = createVirtualizer<HTMLDivElement, HTMLDivElement>({
    get count() {
      list = props.entries
      headerRows = offset()
      return list.length + headerRows
    },
    getScrollElement: () => props.scroller,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => (index < headerRows ? HEADER_KEY : (list[index - headerRows]?.id ?? index)),
    initialMeasurementsCache: saved?.measurements ?? [],
    // Following: where the scroller is now (the plain list it replaces may be scrolled to its end), so
    // mounting scrolls nothing, no scroll event says the reader left the end, and the next frame follows.
    initialOffset: () => (saved && !saved.following ? saved.offset : props.scroller.scrollTop),
  })
  // The virtualizer hands out new row objects on every change; rows are keyed by entry id instead, so a new
  // message mounts one row rather than re-creating every visible one (issue #10, delivery latency).
  const rowKeys = createMemo(() => virtualizer.getVirtualItems().map((row) => row.key), [], { equals: sameKeys })
  // Each row holds where it is and its entry in a signal of its own, written by one plain pass over the
  // visible rows only when they changed: an append wakes the new row alone, not every visible row's reads
  // (issue 20, Enter dispatch; the same as ShortRows.tsx).
  const rows = createRowValues<RowKey, RowView>(sameView)
  createComputed(() => {
    const entries = props.entries
    const header = offset()
    for (const row of virtualizer.getVirtualItems()) {
      rows.write(row.key, { index: row.index, start: row.start, entry: row.key === HEADER_KEY ? undefined : entries[row.index - header] })
    }
  })
  const scrollToEnd = (): void => {
    const count = props.entries.length + offset()
    if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }
  onMount(() => {
    if (saved && !saved.following) props.scroller.scrollTop = saved.offset
  })
  props.bind({
    scrollToEnd,
    reveal: (entryIndex) => virtualizer.scrollToIndex(entryIndex + offset(), { align: 'center' }),
    save: () => ({ offset: virtualizer.scrollOffset ?? 0, following: props.following(), measurements: virtualizer.takeSnapshot() }),
  })
  // Measuring a row and following the end read layout right after the DOM changed: a forced layout. Done
  // once per frame for every row mounted since, never in the task that appended (a rep's Enter, a received
  // update; issue 20, send path). A hidden page has no frames: its rows are measured when it shows again.
  const unmeasured = new Set<HTMLDivElement>()
  let followPending = false
  let frame: number | undefined
  const inNextFrame = (): void => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined
      const rows = [...unmeasured]
      unmeasured.clear()
      rows.forEach((row) => virtualizer.measureElement(row))
      // A row measured taller than its estimate pushes the end down: while following, keep the end in view.
      if ((followPending || rows.length > 0) && props.following()) scrollToEnd()
      followPending = false
    })
  }
  onCleanup(() => frame !== undefined && cancelAnimationFrame(frame))
  createEffect(
    on(
      () => props.entries.length,
      () => {
        if (!props.following()) return
        followPending = true
        inNextFrame()
      },
    ),
  )
  return (
    <div class="transcript__space" style={{ height: `${virtualizer.getTotalSize()}px` }}>
      <For each={rowKeys()}>
        {(key) => {
          const row = rows.read(key)
          return (
            <div
              class="transcript__row"
              data-index={row()?.index}
              ref={(el) => {
                unmeasured.add(el)
                inNextFrame()
              }}
              style={{ transform: `translateY(${row()?.start ?? 0}px)` }}
            >
              <Show when={key !== HEADER_KEY} fallback={props.header()}>
                <Show when={row()?.entry}>{(entry) => props.entryView(entry)}</Show>
              </Show>
            </div>
          )
        }}
      </For>
    </div>
  )
}
