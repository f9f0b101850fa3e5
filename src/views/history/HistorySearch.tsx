/** The `Search transcripts` box and its highlighted results over every session on this device. */
import { For, Show, createMemo, createSignal } from 'solid-js'
import type { History } from '../../app/history/history'
import { formatDateTime, t } from '../../i18n/i18n'
import { Highlighted } from './Highlighted'

/** Search box and results; choosing a result opens its session's transcript. */
export function HistorySearch(props: { history: History; onOpen: (sessionId: string) => void }) {
  const [query, setQuery] = createSignal('')
  const hits = createMemo(() => {
    props.history.sessions() // re-run as the index grows
    return props.history.ready() ? props.history.search(query()) : []
  })
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
        <Show when={hits().length > 0} fallback={<p class="hint">{t('history.noResults', { query: query() })}</p>}>
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
