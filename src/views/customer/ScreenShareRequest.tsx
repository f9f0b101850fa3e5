/** The customer's side of screen sharing: the request dialog, then a Stop sharing bar while sharing. */
import { Show } from 'solid-js'
import type { CustomerScreen } from '../../app/tools/screenShare'
import { ModalDialog } from '../shell/ModalDialog'
import { t } from '../../i18n/i18n'

/** Props: the customer's screen-sharing state. */
export function ScreenShareRequest(props: { screen: CustomerScreen }) {
  const canShare = typeof navigator.mediaDevices?.getDisplayMedia === 'function'
  return (
    <>
      <ModalDialog
        open={props.screen.pending() !== undefined && !props.screen.sharing()}
        onOpenChange={(open) => {
          if (!open) props.screen.decline()
        }}
        title={t('screen.requestTitle')}
      >
        <p>{t('screen.requestText', { name: props.screen.pending()?.repName ?? '' })}</p>
        <Show when={!canShare}>
          <p role="alert" class="error">{t('screen.unavailable')}</p>
        </Show>
        <div class="dialog__actions">
          <button type="button" class="button" onClick={() => props.screen.decline()}>
            {t('screen.decline')}
          </button>
          <button type="button" class="button button--primary" disabled={!canShare} onClick={() => void props.screen.accept()}>
            {t('screen.share')}
          </button>
        </div>
      </ModalDialog>
      <Show when={props.screen.sharing()}>
        <p class="banner banner--action" role="status">
          {t('screen.sharing')}{' '}
          <button type="button" class="button button--primary" onClick={() => props.screen.stop()}>
            {t('screen.stop')}
          </button>
        </p>
      </Show>
    </>
  )
}
