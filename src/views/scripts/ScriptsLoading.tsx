/**
 * What the script pickers and the library show while the library's code loads (it is fetched on first use),
 * and, when that fetch failed (offline before the service worker cached it), a clear error with a way to try
 * again instead of "Loading…" for good.
 */
import { Show } from 'solid-js'
import { t } from '../../i18n/i18n'

export function ScriptsLoading(props: { failed?: () => boolean; retry: () => void }) {
  return (
    <Show
      when={props.failed?.()}
      fallback={
        <p class="hint" role="status" aria-busy="true">
          {t('loading')}
        </p>
      }
    >
      <p role="alert" class="error">
        {t('scripts.loadFailed')}{' '}
        <button type="button" onClick={() => props.retry()}>
          {t('scripts.retry')}
        </button>
      </p>
    </Show>
  )
}
