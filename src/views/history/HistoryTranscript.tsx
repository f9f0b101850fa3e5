/** A past session's transcript, read only (no composer, no network). */
import { For, Show, createResource } from 'solid-js'
import type { History } from '../../app/history/history'
import { t } from '../../i18n/i18n'
import { EntryView } from '../session/EntryView'

/** Loads and shows one session's transcript. */
export function HistoryTranscript(props: { history: History; sessionId: string; selfId: string | undefined; onClose: () => void }) {
  const [entries] = createResource(() => props.sessionId, (sessionId) => props.history.transcript(sessionId))
  const name = () => props.history.sessions().find((row) => row.sessionId === props.sessionId)?.customerName || t('history.unnamed')
  return (
    <section class="history__transcript" aria-label={t('history.transcript', { name: name() })}>
      <header class="toolbar-row">
        <h2>{t('history.transcript', { name: name() })}</h2>
        <span class="hint">{t('history.readOnly')}</span>
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('history.close')}
        </button>
      </header>
      <Show when={entries()} fallback={<p class="hint" aria-busy="true">{t('loading')}</p>}>
        {(list) => (
          <div role="log" aria-label={t('transcript.label')} class="transcript">
            <For each={list()}>{(entry) => <EntryView entry={entry} selfId={props.selfId} viewer="rep" />}</For>
          </div>
        )}
      </Show>
    </section>
  )
}
