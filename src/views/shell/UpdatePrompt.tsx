/** The banner that offers a new app version; the page reloads only when the rep presses Reload. */
import { Show } from 'solid-js'
import { t } from '../../i18n/i18n'

/** Shows "A new version is available" with a Reload button while an update waits. */
export function UpdatePrompt(props: { available: boolean; onApply: () => void }) {
  return (
    <Show when={props.available}>
      <div role="status" class="update-prompt">
        <span>{t('update.available')}</span>
        <button type="button" class="button" onClick={() => props.onApply()}>
          {t('update.reload')}
        </button>
      </div>
    </Show>
  )
}
