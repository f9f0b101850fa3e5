/** First run: the rep says who they are (`Your name`, `Save profile`). */
import { Show, createSignal } from 'solid-js'
import { MAX_NAME_CHARS } from '../../doc/schema'
import { t } from '../../i18n/i18n'

/** The profile form. */
export function ProfileForm(props: { onSave: (name: string) => Promise<void> }) {
  const [name, setName] = createSignal('')
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault()
        if (name().trim() === '') return setError(t('profile.nameRequired'))
        setBusy(true)
        props.onSave(name()).catch((cause: unknown) => {
          setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) }))
          setBusy(false)
        })
      }}
    >
      <h1>{t('profile.title')}</h1>
      <p>{t('profile.intro')}</p>
      <label class="field">
        <span>{t('profile.name')}</span>
        <input type="text" maxLength={MAX_NAME_CHARS} autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <Show when={error()}>
        <p role="alert" class="error">{error()}</p>
      </Show>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {t('profile.save')}
      </button>
    </form>
  )
}
