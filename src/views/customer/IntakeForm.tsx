/** The customer's intake: name, problem, and consent to share system information. */
import { Show, createSignal, onMount } from 'solid-js'
import { MAX_NAME_CHARS, MAX_REQUEST_CHARS } from '../../doc/schema'
import type { IntakeForm as IntakeValues } from '../../app/customer/customerSession'
import { t } from '../../i18n/i18n'

/**
 * The intake form; `onStart` gets the values (system info only with consent). `systemInfo` may fetch its
 * reader first (src/app/customer/lazySystemInfo.ts): ticking the box starts it, sending waits for it.
 */
export function IntakeForm(props: { onStart: (values: IntakeValues) => Promise<void>; systemInfo: () => Promise<Record<string, string>>; focusFirst?: boolean }) {
  let nameField: HTMLInputElement | undefined
  // Shown in place of the code form (portal): the keyboard lands on the first field, not on the page.
  onMount(() => {
    if (props.focusFirst) nameField?.focus()
  })
  const [name, setName] = createSignal('')
  const [request, setRequest] = createSignal('')
  const [share, setShare] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault()
        if (name().trim() === '') return setError(t('customer.nameRequired'))
        setBusy(true)
        const [typedName, typedRequest, shared] = [name(), request(), share()]
        const start = async (): Promise<void> => props.onStart({ name: typedName, request: typedRequest, system: shared ? await props.systemInfo() : {} })
        start().catch((cause: unknown) => {
          setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) }))
          setBusy(false)
        })
      }}
    >
      <h1>{t('customer.title')}</h1>
      <p>{t('customer.intro')}</p>
      <label class="field">
        <span>{t('customer.name')}</span>
        <input ref={nameField} type="text" maxLength={MAX_NAME_CHARS} autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('customer.request')}</span>
        <textarea rows={4} maxLength={MAX_REQUEST_CHARS} value={request()} onInput={(e) => setRequest(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={share()} onChange={(e) => {
            setShare(e.currentTarget.checked)
            // Fetched now, so sending need not wait; a failure here is retried when the form is sent.
            if (e.currentTarget.checked) void props.systemInfo().catch(() => undefined)
          }} aria-describedby="share-help" />
        <span>{t('customer.shareSystem')}</span>
      </label>
      <p id="share-help" class="hint">{t('customer.shareSystemHelp')}</p>
      <Show when={error()}>
        <p role="alert" class="error">{error()}</p>
      </Show>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {t('customer.start')}
      </button>
    </form>
  )
}
