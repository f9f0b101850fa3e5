/**
 * `ModalDialog` fetched when it first opens: the dialog library (Kobalte) and its styles load with it,
 * so a page that may never show a dialog (the customer page: screen, credentials, emoji) starts without them.
 */
import { lazy } from 'solid-js'
import type { ComponentProps } from 'solid-js'
import type { ModalDialog as ModalDialogType } from './ModalDialog'
import { OpenedOnce } from './OpenedOnce'

const ModalDialog = lazy(() => import('./ModalDialog').then((module) => ({ default: module.ModalDialog })))

/** The same props as `ModalDialog`. */
export function LazyModalDialog(props: ComponentProps<typeof ModalDialogType>) {
  return (
    <OpenedOnce when={props.open}>
      <ModalDialog {...props} />
    </OpenedOnce>
  )
}
