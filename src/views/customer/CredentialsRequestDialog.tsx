/** The customer's `Login credentials request` dialog. The typed values live only in the inputs until sealed. */
import type { CustomerCredentials } from '../../app/tools/credentials'
import { ModalDialog } from '../shell/ModalDialog'
import { t } from '../../i18n/i18n'

/** Props: the customer's credential requests. */
export function CredentialsRequestDialog(props: { credentials: CustomerCredentials }) {
  let form: HTMLFormElement | undefined
  const name = () => props.credentials.pending()?.repName ?? ''
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    if (!form) return
    const data = new FormData(form)
    const user = String(data.get('user') ?? '')
    const password = String(data.get('password') ?? '')
    form.reset()
    await props.credentials.send({ user, password })
  }
  return (
    <ModalDialog
      open={props.credentials.pending() !== undefined}
      onOpenChange={(open) => {
        if (!open) props.credentials.decline()
      }}
      title={t('credentials.requestTitle')}
    >
      <form ref={form} class="dialog__body" autocomplete="off" onSubmit={(event) => void submit(event)}>
        <p>{t('credentials.requestText', { name: name() })}</p>
        <label class="field">
          <span>{t('credentials.user')}</span>
          <input name="user" type="text" autocomplete="off" />
        </label>
        <label class="field">
          <span>{t('credentials.password')}</span>
          <input name="password" type="password" autocomplete="off" />
        </label>
        <div class="dialog__actions">
          <button type="button" class="button" onClick={() => props.credentials.decline()}>
            {t('credentials.decline')}
          </button>
          <button type="submit" class="button button--primary">
            {t('credentials.send')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
