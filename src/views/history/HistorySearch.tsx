/** The `Search transcripts` box and its highlighted results over every session on this device. */
import { For, Show, createEffect, createSignal } from 'solid-js'
import type { History, HistoryHit } from '../../app/history/history'
import { formatDateTime, t } from '../../i18n/i18n'
import { Highlighted } from './Highlighted'

/** Search box and results; choosing a result opens its session's transcript. */
export function HistorySearch(props: { history: History; onOpen: (sessionId: string) => void }) {
  const [query, setQuery] = createSignal('')
  // The worker answers asynchronously: the latest question wins, and the hits shown say which query they answer,
  // so "no results" never flashes for a query still being searched.
  const [answer, setAnswer] = createSignal<{ query: string; hits: HistoryHit[] }>({ query: '', hits: [] })
  let asked = 0
  createEffect(() => {
    props.history.sessions() // re-run as the index grows
    const current = query()
    if (!props.history.ready()) return
    const ticket = ++asked
    void props.history
      .search(current)
      .catch(() => [])
      .then((hits) => {
        if (ticket === asked) setAnswer({ query: current, hits })
      })
  })
  const hits = (): HistoryHit[] => answer().hits
  const answered = (): boolean => answer().query === query()
  return (
    <section class="history__search">
      <input
        type="search"
        class="input"
        aria-label={t('history.search')}
        placeholder={t('history.search')}
        aria-describedby="history-search-help"
        value={query()}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <p id="history-search-help" class="hint">{t('history.searchHelp')}</p>
      <Show when={query().trim() !== ''}>
        <Show when={hits().length > 0} fallback={<Show when={answered()}><p class="hint">{t('history.noResults', { query: query() })}</p></Show>}>
          <ul class="history__results" aria-label={t('history.results')}>
            <For each={hits()}>
              {(hit) => (
                <li class="history__hit">
                  <button type="button" class="history__hit-open" onClick={() => props.onOpen(hit.sessionId)}>
                    <span class="history__hit-who">{hit.customerName || t('history.unnamed')}</span>{' '}
                    <time dateTime={new Date(hit.at).toISOString()}>{formatDateTime(hit.at)}</time>
                    <span class="history__hit-text">
                      <Highlighted text={hit.text} ranges={hit.ranges} />
                    </span>
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
