/** The `Push URL` dialog: only absolute http(s) URLs are accepted; anything else gets a clear error and is not sent. */
import { Show, createSignal } from 'solid-js'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import { checkPushUrl } from '../../doc/pushUrl'
import { t } from '../../i18n/i18n'

/** Props: open state and what to do with a checked URL. */
export function PushUrlDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onPush: (url: string) => void }) {
  const [value, setValue] = createSignal('')
  const [error, setError] = createSignal<string>()
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const check = checkPushUrl(value())
    if (!check.ok) {
      setError(check.reason === 'badScheme' ? t('push.badScheme', { scheme: `${check.scheme}:` }) : t('push.invalid'))
      return
    }
    props.onPush(check.url)
    setValue('')
    setError(undefined)
    props.onOpenChange(false)
  }
  return (
    <ModalDialog open={props.open} onOpenChange={(open) => { if (!open) setError(undefined); props.onOpenChange(open) }} title={t('push.title')}>
            <form class="dialog__body" onSubmit={submit}>
              <label class="field">
                <span>{t('push.url')}</span>
                <input
                  type="text"
                  inputMode="url"
                  autocomplete="url"
                  value={value()}
                  aria-invalid={error() ? 'true' : undefined}
                  aria-describedby="push-url-help"
                  onInput={(e) => setValue(e.currentTarget.value)}
                />
              </label>
              <p id="push-url-help" class="hint">{t('push.help')}</p>
              <Show when={error()}>
                <p role="alert" class="error">{error()}</p>
              </Show>
              <div class="dialog__actions">
                <CloseButton label={t('push.cancel')} />
                <button type="submit" class="button button--primary">{t('push.push')}</button>
              </div>
            </form>
    </ModalDialog>
  )
}
