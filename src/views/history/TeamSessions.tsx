/** History's `Team sessions`: the current team's sessions by UTC day, today first; `Show earlier days` opens one more day. */
import { For, Show, onCleanup } from 'solid-js'
import { useConsole } from '../../app/shell/appContext'
import type { TeamDay } from '../../app/history/teamHistory'
import { formatTime, lang, t } from '../../i18n/i18n'

/** A day as people read it, in the UI language (the day is a UTC date, so it is formatted in UTC). */
function dayLabel(day: TeamDay, isToday: boolean): string {
  const text = new Intl.DateTimeFormat(lang(), { dateStyle: 'full', timeZone: 'UTC' }).format(Date.parse(`${day.day}T00:00:00Z`))
  return t(isToday ? 'history.teamToday' : 'history.teamDay', { day: text })
}

/** The list, under the device's own Past sessions. */
export function TeamSessions() {
  const { teamHistory } = useConsole()
  onCleanup(() => void teamHistory.collapse()) // earlier days leave their rooms with History
  return (
    <section class="history__team" aria-labelledby="history-team-title">
      <h2 id="history-team-title">{t('history.team')}</h2>
      <p class="hint">{t('history.teamHelp')}</p>
      <For each={teamHistory.days()}>
        {(day, index) => (
          <>
            <h3 class="history__day">{dayLabel(day, index() === 0)}</h3>
            <Show when={day.rows.length > 0} fallback={<p class="hint">{t('history.teamNone')}</p>}>
              <ul class="history__list" aria-label={dayLabel(day, index() === 0)}>
                <For each={day.rows}>
                  {(row) => (
                    <li class="history__row history__row--team" data-session-id={row.sessionId}>
                      <span class="history__customer">{row.customerName || t('history.unnamed')}</span>
                      <time dateTime={new Date(row.createdAt).toISOString()}>{formatTime(row.createdAt)}</time>
                      <span>{t(`history.teamState.${row.state}`)}</span>
                      <span class="history__reps">{row.reps.join(', ')}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </For>
      <p class="hint" aria-live="polite">{teamHistory.loading() ? t('history.teamLoading') : ''}</p>
      <button type="button" class="button" disabled={teamHistory.loading()} onClick={() => void teamHistory.showEarlier()}>
        {t('history.showEarlier')}
      </button>
    </section>
  )
}
