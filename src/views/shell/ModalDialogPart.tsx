/** Kobalte's Dialog (focus trap and return, Escape) with our overlay, panel and title; ModalDialog.tsx loads it when a dialog first opens. */
import type { JSX } from 'solid-js'
import { Dialog } from '@kobalte/core/dialog'
import { makeReturnFocus } from './returnFocus'
import { DialogClose } from './dialogClose'

/** Props: open state, the title (the dialog's accessible name) and the body; `onCloseAutoFocus` may send focus elsewhere than where it was. */
export interface ModalDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  wide?: boolean
  onCloseAutoFocus?: (event: Event) => void
  children: JSX.Element
}

/** The dialog itself. */
export function ModalDialogPart(props: ModalDialogProps) {
  const onCloseAutoFocus = makeReturnFocus(() => props.open, (event) => props.onCloseAutoFocus?.(event))
  return (
    <Dialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog" classList={{ 'dialog--wide': props.wide === true }} onCloseAutoFocus={onCloseAutoFocus}>
            <Dialog.Title class="dialog__title">{props.title}</Dialog.Title>
            <DialogClose.Provider value={() => props.onOpenChange(false)}>{props.children}</DialogClose.Provider>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  )
}
