/**
 * The `Emoji` button and its dialog (the choices load on first open,
 * EmojiChoices.tsx). The chosen emoji goes in at the message box's caret (over
 * its selection), and the caret and focus come back after it.
 */
import { Suspense, createSignal, lazy } from 'solid-js'
import { ModalDialog } from '../shell/ModalDialog'
import { t } from '../../i18n/i18n'
import { insertAt } from './insertText'

const EmojiChoices = lazy(() => import('./EmojiChoices').then((module) => ({ default: module.EmojiChoices })))

/**
 * Lucide's `face-slightly-smiling` (ISC), drawn as lucide-solid draws it at size 18. The customer page
 * starts with this button and no other icon, so it carries these four shapes and none of lucide-solid's
 * icon builder (≈1 kB gzip, issue 20); tests/views/EmojiPicker.test.tsx checks the shapes still match lucide's.
 */
export function SmileIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-face-slightly-smiling lucide-smile lucide-icon icon" aria-hidden="true">
      <path d="M15 10V9" />
      <path d="M16.472 15a6 6 0 01-8.943 0" />
      <path d="M9 10V9" />
      <circle cx="12" cy="12" r="10" />
    </svg>
  )
}

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
        <SmileIcon />
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
