/**
 * The rows of a short transcript (up to SHORT_LIST_MAX entries): a plain list in document flow, so the
 * console needs no virtualiser until a session grows long. While the virtual list's chunk loads for a
 * session that is already long, it shows the newest SHORT_LIST_MAX entries. It follows new entries while
 * the reader is at the end, and hands its measured rows to the virtual list that replaces it.
 */
import { For, Show, createComputed, createEffect, createMemo, on, onCleanup, onMount, untrack } from 'solid-js'
import type { Entry } from '../../doc/entry'
import { HEADER_KEY, SHORT_LIST_MAX, createRowValues, measuredRows, type RowsProps } from './transcriptRows'

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}

/** The plain rows of one transcript, inside the frame's scroller. */
export function ShortRows(props: RowsProps) {
  // Kept until the rows unmount (not deleted with each row): the hand-over to the virtual list, and the save
  // on unmount, read the rows' heights after Solid has disposed them but before they leave the DOM.
  const elements = new Map<string, HTMLElement>()
  // Mounted long (the virtual list's chunk on its way): the newest rows only. Mounted short: every row, also
  // past the limit, so a reader scrolled back keeps the same rows above until the virtual list takes over.
  const limit = untrack(() => props.entries.length) > SHORT_LIST_MAX ? SHORT_LIST_MAX : Infinity
  const shown = createMemo(() => (props.entries.length <= limit ? props.entries : props.entries.slice(-limit)))
  // Keyed by entry id: a snapshot with new entry objects updates rows in place instead of re-creating them.
  // Each row holds its entry in a signal of its own, and one plain pass over the list writes only those
  // whose entry object changed: an append wakes the new row alone. (A memo per row over one id → entry map,
  // new on each append, marked and re-checked every row's reads: ~1.4 ms of the Enter at 150 rows; issue 20.)
  const rows = createRowValues<string, Entry>()
  createComputed(() => {
    for (const entry of shown()) rows.write(entry.id, entry)
  })
  const keys = createMemo(() => [...(props.hasHeader && shown().length === props.entries.length ? [HEADER_KEY] : []), ...shown().map((entry) => entry.id)], [], { equals: sameKeys })
  const complete = (): boolean => shown().length === props.entries.length
  const scrollToEnd = (): void => {
    props.scroller.scrollTop = props.scroller.scrollHeight
  }
  // Following the end reads layout: done in the next frame, never in the task that appended (issue 20, send path).
  let frame: number | undefined
  const followInNextFrame = (): void => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined
      if (props.following()) scrollToEnd()
    })
  }
  onCleanup(() => frame !== undefined && cancelAnimationFrame(frame))
  onMount(() => {
    const saved = props.saved
    if (saved && !saved.following && complete()) props.scroller.scrollTop = saved.offset
    else followInNextFrame()
  })
  createEffect(on(() => props.entries.length, () => props.following() && followInNextFrame(), { defer: true }))
  props.bind({
    scrollToEnd,
    reveal(entryIndex) {
      const id = props.entries[entryIndex]?.id
      const row = id === undefined ? undefined : elements.get(id)
      row?.scrollIntoView({ block: 'center' })
    },
    save: () => ({
      offset: props.scroller.scrollTop,
      following: props.following(),
      // Only a list with every row can say where each row starts; otherwise the virtual list measures afresh.
      measurements: complete() ? measuredRows(keys().map((key) => ({ key, size: elements.get(key)?.offsetHeight ?? 0 }))) : [],
    }),
  })
  return (
    <div class="transcript__list">
      <For each={keys()}>
        {(key) => {
          const entry = rows.read(key)
          return (
            <div class="transcript__row" ref={(el) => elements.set(key, el)}>
              <Show when={key !== HEADER_KEY} fallback={props.header()}>
                <Show when={entry()}>{(current: () => Entry) => props.entryView(current)}</Show>
              </Show>
            </div>
          )
        }}
      </For>
    </div>
  )
}
