/** The shell every modal dialog shares: Kobalte's Dialog (focus trap and return, Escape) with our overlay, panel and title. */
import type { JSX } from 'solid-js'
import { Dialog } from '@kobalte/core/dialog'
import './dialogs.css'

/** Props: open state, the title (the dialog's accessible name) and the body; `onCloseAutoFocus` may send focus elsewhere than the trigger. */
export function ModalDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; title: string; wide?: boolean; onCloseAutoFocus?: (event: Event) => void; children: JSX.Element }) {
  return (
    <Dialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog" classList={{ 'dialog--wide': props.wide === true }} onCloseAutoFocus={(event) => props.onCloseAutoFocus?.(event)}>
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
