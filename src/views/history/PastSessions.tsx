/** The `Past sessions` list: customer, date, outcome and reps of every session on this device. */
import { For, Show } from 'solid-js'
import type { History, HistorySession } from '../../app/history/history'
import { formatDateTime, t, type MessageKey } from '../../i18n/i18n'

const OUTCOME_KEYS: Record<string, MessageKey> = {
  resolved: 'history.outcome.resolved',
  unresolved: 'history.outcome.unresolved',
  unknown: 'history.outcome.unknown',
}

/** One row per session, with Open transcript and Delete. */
export function PastSessions(props: { history: History; onOpen: (sessionId: string) => void }) {
  const name = (row: HistorySession) => row.customerName || t('history.unnamed')
  const remove = (row: HistorySession) => {
    if (window.confirm(t('history.deleteConfirm', { name: name(row) }))) void props.history.remove(row.sessionId)
  }
  return (
    <section class="history__sessions">
      <h2>{t('history.sessions')}</h2>
      <Show when={props.history.ready()} fallback={<p class="hint" aria-busy="true">{t('history.loading')}</p>}>
        <Show when={props.history.sessions().length > 0} fallback={<p class="hint">{t('history.none')}</p>}>
          <ul class="history__list" aria-label={t('history.sessions')}>
            <For each={props.history.sessions()}>
              {(row) => (
                <li class="history__row" data-session-id={row.sessionId}>
                  <span class="history__customer">{name(row)}</span>
                  <time dateTime={new Date(row.createdAt).toISOString()}>{formatDateTime(row.createdAt)}</time>
                  <span class="history__outcome">{t(OUTCOME_KEYS[row.outcome ?? ''] ?? 'history.outcome.none')}</span>
                  <span class="history__rating">{row.rating === undefined ? t('history.noRating') : t('history.rating', { rating: row.rating })}</span>
                  <span class="history__reps">{row.reps.join(', ')}</span>
                  <Show when={row.portal}>{(portal) => <span class="history__portal">{t('queue.portal', { name: portal() })}</span>}</Show>
                  <button type="button" class="button" onClick={() => props.onOpen(row.sessionId)}>
                    {t('history.view')}
                  </button>
                  <button
                    type="button"
                    class="button"
                    aria-label={t('history.deleteLabel', { name: name(row) })}
                    disabled={props.history.isOpen(row.sessionId)}
                    title={props.history.isOpen(row.sessionId) ? t('history.deleteOpen') : undefined}
                    onClick={() => remove(row)}
                  >
                    {t('history.delete')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  )
}
