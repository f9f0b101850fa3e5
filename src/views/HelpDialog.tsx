/** Help about the session tools, including why "Run as service" is not offered in a browser. */
import { Dialog } from '@kobalte/core/dialog'
import { t } from '../i18n/i18n'
import './dialogs.css'

/** The help dialog. */
export function HelpDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title class="dialog__title">{t('tools.helpTitle')}</Dialog.Title>
            <div class="dialog__body">
              <p>{t('tools.helpRunAsService')}</p>
              <p>{t('tools.helpKeys')}</p>
              <div class="dialog__actions">
                <Dialog.CloseButton class="button button--primary" aria-label={t('tools.close')}>{t('tools.close')}</Dialog.CloseButton>
              </div>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  )
}
