/** How a `CloseButton` reaches the dialog it sits in, without importing the dialog's (lazily loaded) code. */
import { createContext } from 'solid-js'

/** Closes the dialog in context; provided by ModalDialogPart. */
export const DialogClose = createContext<() => void>()
