/**
 * What both transcripts (the console's virtual list, the customer's plain list) show below the log: the
 * polite live region that says others' new messages once, and "Jump to latest" while the reader is
 * scrolled back.
 */
import { Show } from 'solid-js'
import { t } from '../../i18n/i18n'

/** Within this distance of the end, a transcript keeps following new entries. */
export const AT_BOTTOM_PX = 48

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
