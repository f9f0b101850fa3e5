/** Shows the rep the credentials the customer sent, once: closing forgets them. */
import type { Credentials } from '../../app/tools/credentials'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import { t } from '../../i18n/i18n'

/** Props: the decrypted credentials (dialog closed when undefined) and the dismiss action. */
export function CredentialsRevealDialog(props: { credentials: Credentials | undefined; onDismiss: () => void }) {
  return (
    <ModalDialog
      open={props.credentials !== undefined}
      onOpenChange={(open) => {
        if (!open) props.onDismiss()
      }}
      title={t('credentials.revealTitle')}
    >
      <p class="hint">{t('credentials.revealHelp')}</p>
      <dl class="details">
        <dt>{t('credentials.user')}</dt>
        <dd>{props.credentials?.user}</dd>
        <dt>{t('credentials.password')}</dt>
        <dd>{props.credentials?.password}</dd>
      </dl>
      <div class="dialog__actions">
        <CloseButton label={t('tools.close')} primary />
      </div>
    </ModalDialog>
  )
}
