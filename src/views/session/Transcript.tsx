/**
 * The transcript `log`, virtualised so a session of 100,000 entries keeps a
 * few dozen DOM nodes. It follows new entries while the reader is at the
 * bottom and offers "Jump to latest" otherwise.
 */
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount, type JSX } from 'solid-js'
import { createVirtualizer, type VirtualItem } from '@tanstack/solid-virtual'
import type { Entry } from '../../doc/entry'
import type { DeliveryState } from '../../doc/receipts'
import { EntryView } from './EntryView'
import type { FileTransfers } from '../../app/tools/fileTransfer'
import type { TranscriptScroll } from '../../app/session/sessionViewState'
import { t, tn } from '../../i18n/i18n'
import { createNewMessageAnnouncer } from './newMessageAnnouncer'
import { TranscriptFooter, AT_BOTTOM_PX } from './TranscriptFooter'

const ESTIMATED_ROW_PX = 64 // a one-line message with its header; real heights are measured
const OVERSCAN_ROWS = 8 // rows rendered beyond the viewport so fast scrolling shows no gaps
const HEADER_KEY = 'header' // the virtual row of the details block (entry ids never take this form)

type RowKey = VirtualItem['key']

function sameKeys(a: RowKey[], b: RowKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}

/** The transcript of one session. */
export function Transcript(props: {
  entries: Entry[]
  selfId: string | undefined
  /** Whose view this is: wording differs (e.g. a pushed link). */
  viewer: 'rep' | 'customer'
  /** Rendered above the first entry, inside the log (the details block). */
  header?: () => JSX.Element
  /** Delivery state of an entry, for the viewer's own messages. */
  deliveryOf?: (entry: Entry) => DeliveryState | undefined
  /** Where the reader left this transcript (a tab switch remounts it): restored on mount. */
  scroll?: TranscriptScroll
  /** Receives where the reader is when the transcript unmounts. */
  onScrollSave?: (scroll: TranscriptScroll) => void
  /** Find in session: the query whose matches are marked, and the entry of the current match (scrolled into view). */
  find?: { query: string; currentId: string | undefined }
  /** This page's file transfers, shown inline in their file notes. */
  files?: FileTransfers
}) {
  let scroller: HTMLDivElement | undefined
  const saved = props.scroll
  const [following, setFollowing] = createSignal(saved?.following ?? true)
  const announcement = createNewMessageAnnouncer(() => props.entries, () => props.selfId)
  const offset = (): number => (props.header ? 1 : 0)
  const virtualizer = createVirtualizer<HTMLDivElement, HTMLDivElement>({
    get count() {
      return props.entries.length + offset()
    },
    getScrollElement: () => scroller ?? null,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => (index < offset() ? HEADER_KEY : (props.entries[index - offset()]?.id ?? index)),
    initialMeasurementsCache: saved?.measurements ?? [],
    initialOffset: saved && !saved.following ? saved.offset : 0,
  })
  // The virtualizer hands out new row objects on every change; rows are keyed by entry id instead, so a new
  // message mounts one row rather than re-creating every visible one (issue #10, delivery latency).
  const rowsByKey = createMemo(() => new Map(virtualizer.getVirtualItems().map((row) => [row.key, row])))
  const rowKeys = createMemo(() => [...rowsByKey().keys()], [], { equals: sameKeys })
  onMount(() => {
    if (scroller && saved && !saved.following) scroller.scrollTop = saved.offset
  })
  onCleanup(() => props.onScrollSave?.({ offset: virtualizer.scrollOffset ?? 0, following: following(), measurements: virtualizer.takeSnapshot() }))
  const scrollToEnd = (): void => {
    const count = props.entries.length + offset()
    if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }
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
      if ((followPending || rows.length > 0) && following()) scrollToEnd()
      followPending = false
    })
  }
  onCleanup(() => frame !== undefined && cancelAnimationFrame(frame))
  createEffect(
    on(
      () => props.entries.length,
      () => {
        if (!following()) return
        followPending = true
        inNextFrame()
      },
    ),
  )
  // Find reaches entries far outside the rendered rows: scroll the model's index into view, then it renders.
  createEffect(
    on(
      () => props.find?.currentId,
      (id) => {
        if (id === undefined) return
        const index = props.entries.findIndex((entry) => entry.id === id)
        if (index === -1) return
        setFollowing(false)
        virtualizer.scrollToIndex(index + offset(), { align: 'center' })
      },
    ),
  )
  const onScroll = (): void => {
    if (!scroller) return
    setFollowing(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < AT_BOTTOM_PX)
  }
  return (
    <div class="transcript">
      <p class="transcript__count" aria-live="off">
        {tn('transcript.count', props.entries.length)}
      </p>
      {/* The virtual list re-renders rows as it scrolls, so the log itself stays quiet (aria-live off) and new
          messages from others are announced once, through the polite live region below. */}
      <div ref={scroller} class="transcript__scroller" role="log" aria-live="off" aria-label={t('transcript.label')} tabindex="0" onScroll={onScroll}>
        <Show when={props.entries.length + offset() > 0} fallback={<p class="transcript__empty">{t('transcript.empty')}</p>}>
          <div class="transcript__space" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            <For each={rowKeys()}>
              {(key) => {
                const row = (): VirtualItem | undefined => rowsByKey().get(key)
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
                    <Show when={key !== HEADER_KEY} fallback={props.header?.()}>
                      <Show when={props.entries[(row()?.index ?? -1) - offset()]}>
                        {(entry) => (
                          <EntryView
                            entry={entry()}
                            selfId={props.selfId}
                            viewer={props.viewer}
                            delivery={props.deliveryOf?.(entry())}
                            highlight={props.find?.query}
                            current={props.find?.currentId === entry().id}
                            files={props.files}
                          />
                        )}
                      </Show>
                    </Show>
                  </div>
                )
              }}
            </For>
          </div>
        </Show>
      </div>
      <TranscriptFooter announcement={announcement()} following={following()} onJump={() => { setFollowing(true); scrollToEnd() }} />
    </div>
  )
}
