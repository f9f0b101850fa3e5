/** The `Incoming file` dialog: who sends what, Accept / Decline. */
import type { Transfer } from '../../app/tools/fileTransfer'
import { formatBytes } from '../../i18n/format'
import { ModalDialog } from '../shell/ModalDialog'
import { t } from '../../i18n/i18n'

/** Props: the offer waiting for an answer (closed when undefined). */
export function FileOfferDialog(props: { offer: Transfer | undefined; onAccept: (key: string) => void; onDecline: (key: string) => void }) {
  const answer = (accept: boolean): void => {
    const offer = props.offer
    if (offer) (accept ? props.onAccept : props.onDecline)(offer.key)
  }
  return (
    <ModalDialog
      open={props.offer !== undefined}
      onOpenChange={(open) => {
        if (!open) answer(false)
      }}
      title={t('files.offerTitle')}
    >
      <p>{t('files.offerText', { peer: props.offer?.peer ?? '', name: props.offer?.name ?? '', size: formatBytes(props.offer?.size ?? 0) })}</p>
      <p class="hint">{t('files.offerHelp')}</p>
      <div class="dialog__actions">
        <button type="button" class="button" onClick={() => answer(false)}>
          {t('files.decline')}
        </button>
        <button type="button" class="button button--primary" onClick={() => answer(true)}>
          {t('files.accept')}
        </button>
      </div>
    </ModalDialog>
  )
}
