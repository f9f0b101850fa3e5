/**
 * Gives focus back to whatever had it when a dialog opened. Kobalte returns
 * focus only to its own `Dialog.Trigger`; our dialogs open from plain
 * buttons (toolbar, topbar, menu), often mounted only once open (lazyPart.tsx),
 * so without this focus fell to the page body on close.
 */
import { createComputed, on } from 'solid-js'

/** Call in the dialog's component; pass the result as Kobalte's `onCloseAutoFocus`. `also` runs first and may send focus elsewhere (`preventDefault`). */
export function makeReturnFocus(open: () => boolean, also?: (event: Event) => void): (event: Event) => void {
  let opener: HTMLElement | undefined
  // A computation, not an effect: it runs while the dialog renders, before Kobalte moves focus into it.
  createComputed(on(open, (isOpen) => {
    if (isOpen) opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : undefined
  }))
  return (event) => {
    also?.(event)
    if (event.defaultPrevented) return
    event.preventDefault()
    if (opener?.isConnected) opener.focus({ preventScroll: true })
    opener = undefined
  }
}
