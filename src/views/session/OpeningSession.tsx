/**
 * A session tab whose documents are still loading: its last screenful as this device last showed it
 * (src/store/sessionSnapshot.ts), read-only, at the bottom of the transcript area, and a line saying the
 * session is opening (no message box yet, so nothing typed is lost). The real session view replaces it.
 * The log stays quiet (aria-live off, like the real one) and busy, so nothing is announced twice.
 */
import { For, Show, onMount } from 'solid-js'
import { useConsole } from '../../app/shell/appContext'
import type { Entry } from '../../doc/entry'
import { EntryView } from './EntryView'
import { t } from '../../i18n/i18n'

/** The opening session `sessionId`, in its tab panel (nothing when it has no snapshot). */
export function OpeningSession(props: { sessionId: string }) {
  const { workspace } = useConsole()
  return (
    <Show when={workspace.snapshot(props.sessionId)}>
      {(rows) => {
        // Laid out by the next frame: the session's documents may start loading (their parse is a long task).
        onMount(() => requestAnimationFrame(() => workspace.snapshotShown(props.sessionId)))
        return (
          <div role="tabpanel" id={`panel-${props.sessionId}`} aria-labelledby={`tab-${props.sessionId}`}>
            <section class="session" aria-busy="true">
              <div class="session__body">
                <div class="session__chat">
                  <SnapshotRows rows={rows()} selfId={workspace.profile()?.repId} />
                  <p class="hint">{t('tabs.opening')}</p>
                </div>
              </div>
            </section>
          </div>
        )
      }}
    </Show>
  )
}

/** The rows of a snapshot in the transcript's place, scrolled to the end. */
export function SnapshotRows(props: { rows: readonly Entry[]; selfId: string | undefined }) {
  let scroller: HTMLDivElement | undefined
  onMount(() => {
    if (scroller) scroller.scrollTop = scroller.scrollHeight
  })
  return (
    <div class="transcript transcript--snapshot">
      <div ref={scroller} class="transcript__scroller" role="log" aria-live="off" aria-busy="true" aria-label={t('transcript.label')} tabindex="0">
        <div class="transcript__list">
          <For each={props.rows}>
            {(entry) => (
              <div class="transcript__row">
                <EntryView entry={entry} selfId={props.selfId} viewer="rep" />
              </div>
            )}
          </For>
        </div>
      </div>
    </div>
  )
}
