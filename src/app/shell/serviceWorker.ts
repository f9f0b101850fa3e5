/**
 * Registers the service worker that precaches the app shell. Updates wait
 * for the rep (registerType 'prompt'): a reload could lose a draft, so a new
 * version only announces itself and takes over when the rep says Reload.
 */
import { createSignal, type Accessor } from 'solid-js'
import type { Workbox } from 'workbox-window'

let workbox: Workbox | undefined
const [waiting, setWaiting] = createSignal(false)

/** True while a new version is installed and waits for the rep's Reload. */
export const updateAvailable: Accessor<boolean> = waiting

/** Activates the waiting version, then reloads once it controls the page (only on the rep's click). */
export function applyUpdate(): void {
  if (!workbox) return
  workbox.addEventListener('controlling', () => location.reload())
  workbox.messageSkipWaiting()
}

/** Registers `sw.js` in production builds. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // Loaded on its own: registration waits for the page's load event anyway, so it need not weigh on first paint.
  import('workbox-window')
    .then(({ Workbox: WorkboxWindow }) => {
      workbox = new WorkboxWindow('./sw.js', { scope: './' })
      workbox.addEventListener('waiting', () => setWaiting(true))
      return workbox.register()
    })
    .catch((cause: unknown) => console.warn('service worker registration failed', cause))
}
