/**
 * Registers the service worker that precaches the app shell. Updates wait
 * for the rep (registerType 'prompt'): a reload could lose a draft.
 */
import { Workbox } from 'workbox-window'

/** Registers `sw.js` in production builds. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const workbox = new Workbox('./sw.js', { scope: './' })
  workbox.register().catch((cause: unknown) => console.warn('service worker registration failed', cause))
}
