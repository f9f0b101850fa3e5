/** Whether the console shows History (`#/history`) rather than the session tabs. */
import { createSignal, onCleanup, type Accessor } from 'solid-js'

/** The History route's hash. */
export const HISTORY_HASH = '#/history'

/** True while `location.hash` is `#/history`. Must run inside a reactive owner. */
export function createHistoryRoute(): Accessor<boolean> {
  const [open, setOpen] = createSignal(location.hash === HISTORY_HASH)
  const onHash = (): void => {
    setOpen(location.hash === HISTORY_HASH)
  }
  window.addEventListener('hashchange', onHash)
  onCleanup(() => window.removeEventListener('hashchange', onHash))
  return open
}
