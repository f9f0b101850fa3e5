/** The message box: Enter or `Send` sends, Shift+Enter adds a line; an over-long message is refused with a clear error. */
import { Show, createSignal } from 'solid-js'
import { MAX_MESSAGE_CHARS } from '../doc/schema'
import { t } from '../i18n/i18n'

/** The composer; `onSend` receives the text (never empty). */
export function Composer(props: { onSend: (text: string) => void; lang?: string }) {
  const [draft, setDraft] = createSignal('')
  const [error, setError] = createSignal<string>()
  let box: HTMLTextAreaElement | undefined
  const errorId = `composer-error-${Math.random().toString(36).slice(2)}`

  const send = (): void => {
    const text = draft()
    if (text.trim() === '') return
    if (text.length > MAX_MESSAGE_CHARS) {
      setError(t('composer.tooLong', { length: text.length, max: MAX_MESSAGE_CHARS }))
      return
    }
    try {
      props.onSend(text)
      setDraft('')
      setError(undefined)
    } catch (cause) {
      setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) }))
    }
    box?.focus()
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
      onSubmit={(event) => {
        event.preventDefault()
        send()
      }}
    >
      <textarea
        ref={box}
        class="composer__box"
        aria-label={t('composer.label')}
        placeholder={t('composer.placeholder')}
        lang={props.lang}
        rows={2}
        value={draft()}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? errorId : undefined}
        onInput={(event) => {
          setDraft(event.currentTarget.value)
          if (error() && event.currentTarget.value.length <= MAX_MESSAGE_CHARS) setError(undefined)
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="button button--primary">
        {t('composer.send')}
      </button>
      <Show when={error()}>
        <p id={errorId} role="alert" class="composer__error">
          {error()}
        </p>
      </Show>
    </form>
  )
}
