/** The `Connection` status: Online / Offline / Connecting, and how many peers are linked. */
import { Show } from 'solid-js'
import { t, tn } from '../../i18n/i18n'
import type { LinkState } from '../../app/shell/networkHub'

/** Shows the link state; `peers` is optional (the console shows the active session's). */
export function ConnectionStatus(props: { state: LinkState; peers?: number }) {
  const label = () => t(props.state === 'online' ? 'connection.online' : props.state === 'offline' ? 'connection.offline' : 'connection.connecting')
  return (
    <div role="status" aria-label={t('connection.label')} class="connection" data-state={props.state}>
      <span class="connection__dot" aria-hidden="true" />
      <span>{label()}</span>
      <Show when={props.peers !== undefined}>
        <span class="connection__peers">· {tn('connection.peers', props.peers ?? 0)}</span>
      </Show>
    </div>
  )
}
