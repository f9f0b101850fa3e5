/**
 * The customer link and the session code, with Copy buttons and how the customer uses them. Open until
 * the customer joins; then it folds to one line, so the transcript gets the room.
 */
import { Show } from 'solid-js'
import { useSession } from '../../app/shell/appContext'
import { t } from '../../i18n/i18n'
import { CopyButton } from '../shell/CopyButton'
import '../customer/portal.css'

/** The join block of the session in context. */
export function JoinInfo() {
  const session = useSession()
  const joined = () => session.intake() !== undefined
  return (
    <>
      <details class="joininfo" open={!joined()}>
        <summary class="joininfo__summary">{t('console.joinInfo')}</summary>
        <div class="joininfo__body">
          <label class="field field--inline">
            <span>{t('console.customerLink')}</span>
            <input type="text" readOnly value={session.link()} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton label={t('console.copyLink')} text={() => session.link()} />
          <Show when={session.portalCode()}>
            {(current) => (
              <>
                <p class="joininfo__code">
                  {t('console.sessionCode')} <strong>{current().display}</strong>
                </p>
                <CopyButton label={t('console.copyCode')} text={() => current().display} />
                <p class="hint joininfo__help">{t('console.sessionCodeHelp', { url: current().portalUrl, minutes: current().minutes })}</p>
              </>
            )}
          </Show>
        </div>
      </details>
      <Show when={!joined() && !session.hidden()}>
        <p class="hint">{t('console.linkHelp')}</p>
      </Show>
    </>
  )
}
