/**
 * What both transcripts (the console's virtual list, the customer's plain list) show below the log: the
 * polite live region that says others' new messages once, and "Jump to latest" while the reader is
 * scrolled back.
 */
import { Show } from 'solid-js'
import { t } from '../../i18n/i18n'

/** Within this distance of the end, a transcript keeps following new entries. */
export const AT_BOTTOM_PX = 48

/**
 * Judges, on each scroll event of one transcript's scroller, whether it still follows new entries: reaching
 * the end follows again; only a move up leaves it. The distance to the end alone is not enough: a scroll event
 * reaches the page a frame after its scroll, and rows appended meanwhile have made the list taller, so the
 * list's own follow scroll read as "the reader left the end" once a row (64 px estimated, more than
 * AT_BOTTOM_PX) came in before the event. Under load the list then stopped following, and a rep's own new
 * messages landed out of sight, with "Jump to latest" shown though the rep never scrolled.
 */
export function createFollowJudge(): (scroller: HTMLElement, following: boolean) => boolean {
  let lastTop: number | undefined
  return (scroller, following) => {
    const top = scroller.scrollTop
    const movedUp = lastTop !== undefined && top < lastTop - 1
    lastTop = top
    if (scroller.scrollHeight - top - scroller.clientHeight < AT_BOTTOM_PX) return true
    return movedUp ? false : following
  }
}

export function TranscriptFooter(props: { announcement: string; following: boolean; onJump: () => void }) {
  return (
    <>
      <p class="visually-hidden transcript__announcer" aria-live="polite">
        {props.announcement}
      </p>
      <Show when={!props.following}>
        <button type="button" class="transcript__jump" onClick={() => props.onJump()}>
          {t('transcript.jumpToLatest')}
        </button>
      </Show>
    </>
  )
}
