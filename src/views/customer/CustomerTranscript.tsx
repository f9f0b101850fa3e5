/**
 * The customer page's transcript `log`: the newest entries rendered in order, more as the reader scrolls
 * up (or as find reaches an older match). A customer's session is one conversation, so it needs no
 * virtual list (the rep console's `Transcript` keeps one for sessions of 100,000 entries); without it the
 * customer page loads none of the virtualiser's code (issue 20, bundles). Rendering only the newest page
 * of rows at first keeps a late join into a long session from laying out thousands of rows; a page ends at
 * `PAGE` rows or `PAGE_CHARS` characters of text, whichever comes first (but at least `MIN_PAGE` rows), since
 * laying out text is what a row costs (150 rows of 4 KB messages took the customer's page 0.44 s to lay out).
 * Same behaviour as the console's: it follows new entries while the reader is at the bottom, offers
 * "Jump to latest" otherwise, announces others' messages once, and scrolls find's current match into view.
 */
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js'
import type { Entry } from '../../doc/entry'
import type { DeliveryState } from '../../doc/receipts'
import type { FileTransfers } from '../../app/tools/fileTransfer'
import { EntryView } from '../session/EntryView'
import { createNewMessageAnnouncer } from '../session/newMessageAnnouncer'
import { TranscriptFooter, createFollowJudge } from '../session/TranscriptFooter'
import { t, tn } from '../../i18n/i18n'

const PAGE = 150 // at most this many rows rendered at first, and added each time the reader nears the top
const PAGE_CHARS = 24_000 // …and fewer once their text reaches this many characters (still several screens)…
const MIN_PAGE = 20 // …but never fewer than this many (the conversation's last turns show whatever their length)
const NEAR_TOP_PX = 600 // within this distance of the top, the next older rows are rendered

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

/** How many entries, going back from index `end`, make one page: up to `PAGE`, stopping past `MIN_PAGE` once their text reaches `PAGE_CHARS`. */
export function pageBefore(entries: readonly Entry[], end: number): number {
  let count = 0
  for (let chars = 0; count < PAGE && count < end && (count < MIN_PAGE || chars < PAGE_CHARS); count++) chars += entries[end - count - 1]!.text.length
  return count
}

/** The transcript of the customer's session. */
export function CustomerTranscript(props: {
  entries: Entry[]
  selfId: string | undefined
  /** Delivery state of an entry, for the customer's own messages. */
  deliveryOf?: (entry: Entry) => DeliveryState | undefined
  /** Find in session: the query whose matches are marked, and the entry of the current match (scrolled into view). */
  find?: { query: string; currentId: string | undefined }
  /** This page's file transfers, shown inline in their file notes. */
  files?: FileTransfers
}) {
  let scroller: HTMLDivElement | undefined
  const rows = new Map<string, HTMLElement>()
  const [following, setFollowing] = createSignal(true)
  const announcement = createNewMessageAnnouncer(() => props.entries, () => props.selfId)
  // Rows are keyed by entry id: a snapshot with new entry objects updates rows in place instead of re-creating them.
  const byId = createMemo(() => new Map(props.entries.map((entry) => [entry.id, entry])))
  const ids = createMemo(() => props.entries.map((entry) => entry.id), [], { equals: sameIds })
  // How many of the newest entries are rendered: one page until the reader nears the top (see onScroll).
  const [shown, setShown] = createSignal<number | undefined>(undefined)
  const count = createMemo(() => shown() ?? pageBefore(props.entries, props.entries.length))
  const shownIds = createMemo(() => {
    const all = ids()
    const rendered = count()
    return all.length <= rendered ? all : all.slice(all.length - rendered)
  }, [], { equals: sameIds })
  const scrollToEnd = (): void => {
    if (scroller) scroller.scrollTop = scroller.scrollHeight
  }
  onMount(scrollToEnd)
  createEffect(
    on(
      () => props.entries.length,
      (length, previous) => {
        if (following()) queueMicrotask(scrollToEnd)
        // A reader scrolled back keeps every row rendered above it: the window grows instead of sliding.
        else if (previous !== undefined && length > previous) setShown((shown() ?? pageBefore(props.entries, previous)) + length - previous)
      },
    ),
  )
  createEffect(
    on(
      () => props.find?.currentId,
      (id) => {
        if (id === undefined) return
        const index = ids().indexOf(id)
        // A match older than the rendered rows: render down to it first, then scroll to it.
        if (index >= 0 && ids().length - index > count()) setShown(ids().length - index + Math.ceil(pageBefore(props.entries, index) / 2))
        const reveal = (): void => {
          const row = rows.get(id)
          if (!row) return
          setFollowing(false)
          row.scrollIntoView({ block: 'center' })
        }
        // Rows added from inside this effect are rendered once it returns.
        if (rows.has(id)) reveal()
        else queueMicrotask(reveal)
      },
    ),
  )
  const judgeFollowing = createFollowJudge()
  const onScroll = (): void => {
    if (!scroller) return
    setFollowing(judgeFollowing(scroller, following()))
    const rendered = count()
    if (scroller.scrollTop < NEAR_TOP_PX && rendered < ids().length) {
      // Older rows go in above what the reader sees: keep the same distance from the bottom (scroll
      // anchoring is off on this list, so this is the only adjustment, also when the reader is at the very top).
      const fromBottom = scroller.scrollHeight - scroller.scrollTop
      setShown(rendered + pageBefore(props.entries, props.entries.length - rendered))
      scroller.scrollTop = scroller.scrollHeight - fromBottom
    }
  }
  return (
    <div class="transcript">
      <p class="transcript__count" aria-live="off">
        {tn('transcript.count', props.entries.length)}
      </p>
      {/* As in the console's transcript, the log stays quiet and the live region below announces new messages from others once. */}
      <div ref={scroller} class="transcript__scroller" role="log" aria-live="off" aria-label={t('transcript.label')} tabindex="0" onScroll={onScroll}>
        <Show when={props.entries.length > 0} fallback={<p class="transcript__empty">{t('transcript.empty')}</p>}>
          <div class="transcript__list">
            <For each={shownIds()}>
              {(id) => {
                onCleanup(() => rows.delete(id))
                return (
                  <div
                    class="transcript__row"
                    ref={(el) => {
                      rows.set(id, el)
                    }}
                  >
                    <Show when={byId().get(id)}>
                      {(entry) => (
                        <EntryView
                          entry={entry()}
                          selfId={props.selfId}
                          viewer="customer"
                          delivery={props.deliveryOf?.(entry())}
                          highlight={props.find?.query}
                          current={props.find?.currentId === entry().id}
                          files={props.files}
                        />
                      )}
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
