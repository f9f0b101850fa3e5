/**
 * The message box: Enter or `Send` sends, Shift+Enter adds a line; an
 * over-long message is refused with a clear error and kept. The draft is
 * owned by the caller (each session keeps its own).
 */
import { Show, createSignal, onCleanup } from 'solid-js'
import { MAX_MESSAGE_CHARS } from '../../doc/schema'
import type { Audience } from '../../doc/entry'
import { formatNumber, t } from '../../i18n/i18n'
import { EmojiPicker } from './EmojiPicker'

/** How long after the last keystroke "typing" ends. */
const TYPING_IDLE_MS = 3_000

/** Props of the composer. */
export interface ComposerProps {
  draft: string
  onDraftChange: (draft: string) => void
  /** Receives the text (never blank); may throw to refuse it. */
  onSend: (text: string) => void
  onTyping?: (typing: boolean) => void
  lang?: string
  spellCheck?: boolean
  disabled?: boolean
  /** Rep console only: who the message goes to; omitted on the customer page. */
  audience?: Audience
  onAudienceChange?: (audience: Audience) => void
  /** The audience cannot change (a hidden rep writes to reps only). */
  audienceLocked?: boolean
  /** Receives the message box element (for focus return). */
  boxRef?: (box: HTMLTextAreaElement) => void
  /** Receives a file pasted into the message box (a screenshot from the clipboard), to send it. */
  onPasteFile?: (file: File) => void
}

/** The composer. */
export function Composer(props: ComposerProps) {
  const [error, setError] = createSignal<string>()
  let box: HTMLTextAreaElement | undefined
  let idle: ReturnType<typeof setTimeout> | undefined
  const errorId = `composer-error-${Math.random().toString(36).slice(2)}`

  const stopTyping = (): void => {
    if (idle !== undefined) clearTimeout(idle)
    idle = undefined
    props.onTyping?.(false)
  }
  onCleanup(stopTyping)
  /**
   * "Stopped typing" after a send is an awareness update encoded and sent to every peer: it goes in a task
   * of its own, not in the Enter's (issue 20, send path). A keystroke in between keeps the rep typing.
   */
  const stopTypingSoon = (): void => {
    if (idle !== undefined) clearTimeout(idle)
    idle = undefined
    setTimeout(() => {
      if (idle === undefined) props.onTyping?.(false)
    }, 0)
  }
  const send = (): void => {
    const text = props.draft
    if (text.trim() === '') return
    if (text.length > MAX_MESSAGE_CHARS) {
      setError(t('composer.tooLong', { length: text.length, max: MAX_MESSAGE_CHARS }))
      return
    }
    try {
      props.onSend(text)
      props.onDraftChange('')
      setError(undefined)
      stopTypingSoon()
    } catch (cause) {
      setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) }))
    }
    // Back to the box after Send; after Enter it has focus already, and focus() would still recalculate
    // styles to check it can take focus, inside the Enter (issue 20, Enter dispatch).
    if (box && document.activeElement !== box) box.focus()
  }
  /**
   * Refuses, at the paste or drop, text that would take the draft past the limit: laying out a megabyte of
   * unbroken text in a live textarea blocks the page for minutes. The draft stays as it was.
   */
  const refuseOversized = (event: Event, incoming: DataTransfer | null): void => {
    const text = incoming?.getData('text/plain') ?? ''
    const field = event.currentTarget as HTMLTextAreaElement
    const length = field.value.length - (field.selectionEnd - field.selectionStart) + text.length
    if (length <= MAX_MESSAGE_CHARS) return
    event.preventDefault()
    setError(t('composer.pasteTooLong', { length: formatNumber(length), max: formatNumber(MAX_MESSAGE_CHARS) }))
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      send()
    }
  }
  return (
    <form
      class="composer"
      classList={{ 'composer--reps': props.audience === 'reps' }}
      onSubmit={(event) => {
        event.preventDefault()
        send()
      }}
    >
      <Show when={props.audience}>
        {(audience) => (
          <label class="composer__to">
            <span>{t('sendTo.label')}</span>
            <select
              value={audience()}
              disabled={props.audienceLocked}
              onChange={(event) => props.onAudienceChange?.(event.currentTarget.value === 'reps' ? 'reps' : 'all')}
            >
              <option value="all">{t('sendTo.all')}</option>
              <option value="reps">{t('sendTo.reps')}</option>
            </select>
          </label>
        )}
      </Show>
      <textarea
        ref={(el) => {
          box = el
          props.boxRef?.(el)
        }}
        class="composer__box"
        aria-label={t('composer.label')}
        placeholder={t('composer.placeholder')}
        lang={props.lang}
        spellcheck={props.spellCheck ?? true}
        disabled={props.disabled}
        rows={2}
        value={props.draft}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? errorId : undefined}
        onInput={(event) => {
          const length = event.currentTarget.value.length
          props.onDraftChange(event.currentTarget.value)
          // Said at once (a big paste), not only on send; the draft is kept whole, never cut.
          if (length > MAX_MESSAGE_CHARS) setError(t('composer.tooLong', { length, max: MAX_MESSAGE_CHARS }))
          else if (error()) setError(undefined)
          if (idle !== undefined) clearTimeout(idle)
          else props.onTyping?.(true)
          idle = setTimeout(stopTyping, TYPING_IDLE_MS)
        }}
        onKeyDown={onKeyDown}
        onPaste={(event) => {
          const file = props.onPasteFile ? event.clipboardData?.files[0] : undefined
          if (file) {
            event.preventDefault()
            props.onPasteFile?.(file)
            return
          }
          refuseOversized(event, event.clipboardData)
        }}
        onDrop={(event) => refuseOversized(event, event.dataTransfer)}
      />
      <div class="composer__tools">
        <EmojiPicker box={() => box} onInsert={(value) => props.onDraftChange(value)} disabled={props.disabled} />
        <button type="submit" class="button button--primary" disabled={props.disabled}>
          {t('composer.send')}
        </button>
      </div>
      <Show when={error()}>
        <p id={errorId} role="alert" class="composer__error">
          {error()}
        </p>
      </Show>
    </form>
  )
}
