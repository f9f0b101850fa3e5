/** The Screen section of the session panel: a live thumbnail of the customer's screen; double-click opens the Viewer. */
import { Match, Show, Switch, createSignal } from 'solid-js'
import type { ScreenState } from '../../doc/screenRequests'
import { ScreenVideo } from './ScreenVideo'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import { t } from '../../i18n/i18n'
import './media.css'

/** Props: the live stream (while shared) and the newest request's state. */
export function ScreenPanel(props: { stream: MediaStream | undefined; state: ScreenState | undefined }) {
  const [viewer, setViewer] = createSignal(false)
  let large: HTMLVideoElement | undefined
  return (
    <>
      <Switch fallback={<p class="hint">{t('panel.screenEmpty')}</p>}>
        <Match when={props.stream}>
          {(stream) => (
            <>
              <ScreenVideo stream={stream()} label={t('screen.video')} class="screen__thumb" onDblClick={() => setViewer(true)} />
              <p class="hint">{t('screen.openViewer')}</p>
            </>
          )}
        </Match>
        <Match when={props.state === 'pending'}>
          <p class="hint" role="status">{t('screen.requested')}</p>
        </Match>
      </Switch>
      <ModalDialog open={viewer() && props.stream !== undefined} onOpenChange={setViewer} title={t('screen.viewer')} wide>
        <Show when={props.stream}>
          {(stream) => <ScreenVideo stream={stream()} label={t('screen.video')} class="screen__large" ref={(el) => (large = el)} />}
        </Show>
        <div class="dialog__actions">
          <button type="button" class="button" onClick={() => void large?.requestFullscreen()}>
            {t('screen.fullScreen')}
          </button>
          <CloseButton label={t('tools.close')} primary />
        </div>
      </ModalDialog>
    </>
  )
}
