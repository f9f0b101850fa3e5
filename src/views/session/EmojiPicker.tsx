/**
 * The `Emoji` button and its dialog (the choices load on first open,
 * EmojiChoices.tsx). The chosen emoji goes in at the message box's caret (over
 * its selection), and the caret and focus come back after it.
 */
import { Suspense, createSignal, lazy } from 'solid-js'
import { ModalDialog } from '../shell/ModalDialog'
// The one icon itself, not shell/Icon.tsx's set: the customer page starts with this button and no other icon.
import FaceSlightlySmiling from 'lucide-solid/icons/face-slightly-smiling'
import { t } from '../../i18n/i18n'
import { insertAt } from './insertText'

const EmojiChoices = lazy(() => import('./EmojiChoices').then((module) => ({ default: module.EmojiChoices })))

/** Props: the message box (read for its caret) and how to change the draft. */
export function EmojiPicker(props: { box: () => HTMLTextAreaElement | undefined; onInsert: (value: string) => void; disabled?: boolean }) {
  const [open, setOpen] = createSignal(false)
  let selection: [number, number] = [0, 0]
  let caret: number | undefined
  const show = (): void => {
    const box = props.box()
    selection = box ? [box.selectionStart, box.selectionEnd] : [0, 0]
    caret = undefined
    setOpen(true)
  }
  const choose = (char: string): void => {
    const box = props.box()
    const next = insertAt(box?.value ?? '', char, selection[0], selection[1])
    props.onInsert(next.value)
    caret = next.caret
    setOpen(false)
  }
  return (
    <>
      <button type="button" class="button button--icon" aria-label={t('emoji.button')} title={t('emoji.button')} aria-haspopup="dialog" disabled={props.disabled} onClick={show}>
        <FaceSlightlySmiling class="icon" size={18} aria-hidden="true" />
      </button>
      <ModalDialog
        open={open()}
        onOpenChange={setOpen}
        title={t('emoji.dialog')}
        onCloseAutoFocus={(event) => {
          const box = props.box()
          if (!box) return
          event.preventDefault()
          box.focus()
          const at = caret ?? selection[1]
          box.setSelectionRange(at, at)
        }}
      >
        {/* Its own boundary: the page around it must not show "Loading" while the choices arrive. */}
        <Suspense fallback={<p class="hint" aria-busy="true">{t('loading')}</p>}>
          <EmojiChoices onChoose={choose} />
        </Suspense>
      </ModalDialog>
    </>
  )
}
