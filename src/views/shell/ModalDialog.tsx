/**
 * The shell every modal dialog shares. Kobalte's Dialog (focus trap and
 * return, Escape, scroll lock: ~7 kB gzip) is in ModalDialogPart, loaded
 * when a dialog first opens (lazyPart.tsx), so pages that only might show
 * a dialog (the console, the customer chat) do not load it up front.
 */
import { useContext, type Component } from 'solid-js'
import { lazyPart } from './lazyPart'
import { DialogClose } from './dialogClose'
import type { ModalDialogProps } from './ModalDialogPart'
import './dialogs.css'

export type { ModalDialogProps } from './ModalDialogPart'

/** A modal dialog: open state, the title (its accessible name) and the body; focus goes back where it was on close, unless `onCloseAutoFocus` sends it elsewhere. */
export const ModalDialog: Component<ModalDialogProps> = lazyPart(() => import('./ModalDialogPart').then((module) => module.ModalDialogPart), (props) => props.open)

/** A button that closes the dialog it is in, named by its text. */
export function CloseButton(props: { label: string; primary?: boolean }) {
  const close = useContext(DialogClose)
  return (
    <button type="button" class="button" classList={{ 'button--primary': props.primary === true }} aria-label={props.label} onClick={() => close?.()}>
      {props.label}
    </button>
  )
}
