/**
 * The console's transcript `log`. A short session (up to SHORT_LIST_MAX entries) is a plain list; past
 * that the rows are virtualised so a session of 100,000 entries keeps a few dozen DOM nodes. The virtual
 * list is a chunk of its own (the virtualiser is ~10 kB gzip), fetched as a session nears the limit or
 * opens long, so the console's start loads none of it (issue 20, bundles). The swap keeps the reader's
 * place: the plain list hands its measured rows and offset to the virtual one. Either way it follows new
 * entries while the reader is at the bottom and offers "Jump to latest" otherwise.
 */
import { Show, createEffect, createMemo, createSignal, on, onCleanup, untrack, type Component, type JSX } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { Entry } from '../../doc/entry'
import type { DeliveryState } from '../../doc/receipts'
import { EntryView } from './EntryView'
import type { FileTransfers } from '../../app/tools/fileTransfer'
import type { TranscriptScroll } from '../../app/session/sessionViewState'
import { t, tn } from '../../i18n/i18n'
import { createNewMessageAnnouncer } from './newMessageAnnouncer'
import { TranscriptFooter, createFollowJudge } from './TranscriptFooter'
import { ShortRows } from './ShortRows'
import { PREFETCH_AT, SHORT_LIST_MAX, type RowsHandle, type RowsProps } from './transcriptRows'

let virtualRows: Promise<Component<RowsProps>> | undefined
/** The virtual list's chunk, fetched once per page. */
function loadVirtualRows(): Promise<Component<RowsProps>> {
  virtualRows ??= import('./VirtualRows').then((module) => module.VirtualRows)
  return virtualRows
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
  const [scroller, setScroller] = createSignal<HTMLDivElement>()
  const [following, setFollowing] = createSignal(props.scroll?.following ?? true)
  const announcement = createNewMessageAnnouncer(() => props.entries, () => props.selfId)
  let rows: RowsHandle | undefined
  // Where the rows mount: the saved place at first, then what the plain list hands the virtual one.
  let place = props.scroll
  // Once long, a transcript stays virtual while mounted; it was never virtual if it never grew long.
  const [virtual, setVirtual] = createSignal<Component<RowsProps>>()
  createEffect(
    on(
      () => props.entries.length,
      (length) => {
        if (length < PREFETCH_AT || virtual()) return
        void loadVirtualRows().then((rowsComponent) => {
          if (untrack(() => props.entries.length) <= SHORT_LIST_MAX || untrack(virtual)) return
          place = rows?.save()
          setVirtual(() => rowsComponent)
          // A find match the plain list did not render (a long session while the chunk loaded): shown now.
          const id = untrack(() => props.find?.currentId)
          if (id !== undefined) reveal(id)
        }, () => undefined) // no chunk (offline before the app was cached): the plain list stays
      },
    ),
  )
  onCleanup(() => {
    const saved = rows?.save()
    if (saved) props.onScrollSave?.(saved)
  })
  const reveal = (id: string): void => {
    const index = props.entries.findIndex((entry) => entry.id === id)
    if (index === -1) return
    setFollowing(false)
    rows?.reveal(index)
  }
  // Find reaches entries far outside the rendered rows: the rows scroll the entry into view.
  createEffect(on(() => props.find?.currentId, (id) => id !== undefined && reveal(id)))
  const judgeFollowing = createFollowJudge()
  const onScroll = (): void => {
    const element = scroller()
    if (!element) return
    setFollowing(judgeFollowing(element, following()))
  }
  // What every row reads, read from the props once per change: each row reading the props' getters (the
  // session's find state builds a new object, and its condition a new memo, on each read) made a new row
  // dearer to draw, in the rep's Enter (issue 20, Enter dispatch).
  const selfId = createMemo(() => props.selfId)
  const findQuery = createMemo(() => props.find?.query)
  const findCurrent = createMemo(() => props.find?.currentId)
  const rowsProps = (element: HTMLDivElement): RowsProps => ({
    scroller: element,
    get entries() {
      return props.entries
    },
    get hasHeader() {
      return props.header !== undefined
    },
    header: () => props.header?.(),
    entryView: (entry) => (
      <EntryView
        entry={entry()}
        selfId={selfId()}
        viewer={props.viewer}
        delivery={props.deliveryOf?.(entry())}
        highlight={findQuery()}
        current={findCurrent() === entry().id}
        files={props.files}
      />
    ),
    following,
    get saved() {
      return place
    },
    bind: (handle) => (rows = handle),
  })
  return (
    <div class="transcript">
      <p class="transcript__count" aria-live="off">
        {tn('transcript.count', props.entries.length)}
      </p>
      {/* The rows re-render as the reader scrolls (and the list changes kind as it grows), so the log itself
          stays quiet (aria-live off) and new messages from others are announced once, through the polite
          live region below. */}
      <div ref={setScroller} class="transcript__scroller" role="log" aria-live="off" aria-label={t('transcript.label')} tabindex="0" onScroll={onScroll}>
        <Show when={props.entries.length > 0 || props.header} fallback={<p class="transcript__empty">{t('transcript.empty')}</p>}>
          <Show when={scroller()}>
            {(element) => (
              <Show when={virtual()} fallback={<ShortRows {...rowsProps(element())} />}>
                {(rowsComponent) => <Dynamic component={rowsComponent()} {...rowsProps(element())} />}
              </Show>
            )}
          </Show>
        </Show>
      </div>
      <TranscriptFooter announcement={announcement()} following={following()} onJump={() => { setFollowing(true); rows?.scrollToEnd() }} />
    </div>
  )
}
