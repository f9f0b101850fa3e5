/**
 * The swap from a session's saved last screenful to its real transcript (issue 20, big session open). The
 * virtual list mounts at its top and scrolls to the end over the next frames; drawn at once, that would show
 * the session's first rows, then an empty frame. So the snapshot stays over it, and the real transcript stays
 * hidden (out of the accessibility tree too: no row is there twice), until a frame in which the real list
 * shows its newest entry at the bottom; then the snapshot goes in that frame. No live region is involved.
 */
import { Show, createSignal, onCleanup, onMount, type JSX } from 'solid-js'
import type { Entry } from '../../doc/entry'
import { SnapshotRows } from './OpeningSession'

/** Longest the snapshot covers the real transcript (frames, ~1 s at 60 Hz): then it shows as it is. */
const MAX_COVER_FRAMES = 60

/** Whether the real (not busy) log inside `area` shows the entry `lastId` within its visible box. */
function endShown(area: HTMLElement, lastId: string | undefined): boolean {
  const log = [...area.querySelectorAll<HTMLElement>('[role="log"]')].find((element) => element.getAttribute('aria-busy') !== 'true')
  if (!log) return false
  if (lastId === undefined) return true
  const row = [...log.querySelectorAll<HTMLElement>('[data-entry-id]')].find((element) => element.dataset.entryId === lastId)
  if (!row) return false
  const rowBox = row.getBoundingClientRect()
  const logBox = log.getBoundingClientRect()
  return rowBox.bottom <= logBox.bottom + 1 && rowBox.bottom > logBox.top
}

/** `children` (the real transcript), covered by `rows` until it has drawn its end; just `children` without rows. */
export function SnapshotCover(props: { rows: readonly Entry[] | undefined; lastId: () => string | undefined; selfId: string | undefined; onUncovered: () => void; children: JSX.Element }) {
  const rows = props.rows
  const [covering, setCovering] = createSignal(rows !== undefined)
  let area: HTMLDivElement | undefined
  let frame: number | undefined
  let frames = 0
  const check = (): void => {
    frame = undefined
    if ((area && endShown(area, props.lastId())) || ++frames >= MAX_COVER_FRAMES) {
      setCovering(false)
      props.onUncovered()
      return
    }
    frame = requestAnimationFrame(check)
  }
  onMount(() => {
    if (covering()) frame = requestAnimationFrame(check)
  })
  onCleanup(() => frame !== undefined && cancelAnimationFrame(frame))
  return (
    <div
      ref={area}
      style={covering() ? { position: 'relative', display: 'flex', 'flex-direction': 'column', flex: '1 1 0%', 'min-height': '12rem' } : { display: 'contents' }}
    >
      <Show when={covering() && rows}>
        {(shown) => (
          <div style={{ position: 'absolute', inset: '0', display: 'flex', 'flex-direction': 'column', background: 'var(--bg)', 'z-index': '1' }}>
            <SnapshotRows rows={shown()} selfId={props.selfId} />
          </div>
        )}
      </Show>
      <div style={{ display: 'contents', visibility: covering() ? 'hidden' : undefined }}>{props.children}</div>
    </div>
  )
}
