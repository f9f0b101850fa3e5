/** The shell every modal dialog shares: Kobalte's Dialog (focus trap and return, Escape) with our overlay, panel and title. */
import type { JSX } from 'solid-js'
import { Dialog } from '@kobalte/core/dialog'
import { makeReturnFocus } from './returnFocus'
import './dialogs.css'

/** Props: open state, the title (the dialog's accessible name) and the body; focus goes back where it was on close, unless `onCloseAutoFocus` sends it elsewhere. */
export function ModalDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; title: string; wide?: boolean; onCloseAutoFocus?: (event: Event) => void; children: JSX.Element }) {
  const onCloseAutoFocus = makeReturnFocus(() => props.open, (event) => props.onCloseAutoFocus?.(event))
  return (
    <Dialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog" classList={{ 'dialog--wide': props.wide === true }} onCloseAutoFocus={onCloseAutoFocus}>
            <Dialog.Title class="dialog__title">{props.title}</Dialog.Title>
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  )
}

/** A button that closes the dialog it is in (Kobalte's close button, named by its text). */
export function CloseButton(props: { label: string; primary?: boolean }) {
  return (
    <Dialog.CloseButton class="button" classList={{ 'button--primary': props.primary === true }} aria-label={props.label}>
      {props.label}
    </Dialog.CloseButton>
  )
}
