/** Intakes that came in through the session code, each with its name and request, waiting for the rep to accept or reject it. */
import { For, Show } from 'solid-js'
import { useSession } from '../../app/shell/appContext'
import { t } from '../../i18n/i18n'

/** The waiting intakes of the session in context (nothing when none). */
export function WaitingIntakes() {
  const session = useSession()
  const waiting = () => session.waitingIntakes()
  return (
    <Show when={waiting().intakes.length > 0 || waiting().ignored > 0}>
      <section class="banner banner--action intake-waiting" role="region" aria-labelledby={`intake-title-${session.sessionId}`}>
        <h2 id={`intake-title-${session.sessionId}`}>{t('intake.title')}</h2>
        <p class="hint">{t('intake.help')}</p>
        <ul class="intake-waiting__list">
          <For each={waiting().intakes}>
            {(intake) => (
              <li class="intake-waiting__item">
                <p>
                  <strong>{t('intake.who', { name: intake.customerName })}</strong> <span class="intake-waiting__request">{intake.request || t('intake.noRequest')}</span>
                </p>
                <div class="intake-waiting__actions">
                  <button type="button" class="button button--primary" onClick={() => void session.acceptIntake(intake.id)}>
                    {t('intake.accept')}
                  </button>
                  <button type="button" class="button" onClick={() => session.rejectIntake(intake.id)}>
                    {t('intake.reject')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
        <Show when={waiting().ignored > 0}>
          <p role="status">{t('intake.ignored', { count: waiting().ignored })}</p>
        </Show>
      </section>
    </Show>
  )
}
