/** Help about the session tools, including why "Run as service" is not offered in a browser. */
import { CloseButton, ModalDialog } from './ModalDialog'
import { t } from '../../i18n/i18n'

/** The help dialog. */
export function HelpDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <ModalDialog open={props.open} onOpenChange={props.onOpenChange} title={t('tools.helpTitle')}>
            <div class="dialog__body">
              <p>{t('tools.helpRunAsService')}</p>
              <p>{t('tools.helpKeys')}</p>
              <p>{t('tools.helpSessionKeys')}</p>
              <p>{t('tabs.shortcutsHelp')}</p>
              <div class="dialog__actions">
                <CloseButton label={t('tools.close')} primary />
              </div>
            </div>
    </ModalDialog>
  )
}
