/** The customer link and the session code, with how the customer uses them, until the customer joins. */
import { Show } from 'solid-js'
import { useSession } from '../../app/shell/appContext'
import { t } from '../../i18n/i18n'
import '../customer/portal.css'

/** The join block of the session in context. */
export function JoinInfo() {
  const session = useSession()
  return (
    <>
      <div class="joininfo">
        <label class="field field--inline">
          <span>{t('console.customerLink')}</span>
          <input type="text" readOnly value={session.link()} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <Show when={session.portalCode()}>
          {(current) => (
            <>
              <p class="joininfo__code">
                {t('console.sessionCode')} <strong>{current().display}</strong>
              </p>
              <p class="hint joininfo__help">{t('console.sessionCodeHelp', { url: current().portalUrl, minutes: current().minutes })}</p>
            </>
          )}
        </Show>
      </div>
      <Show when={!session.intake() && !session.hidden()}>
        <p class="hint">{t('console.linkHelp')}</p>
      </Show>
    </>
  )
}
