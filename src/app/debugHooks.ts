/**
 * Hooks for end-to-end tests and support engineers, installed only when the
 * page URL has `debug=1`: cutting the network the way a dead link would
 * (Playwright's setOffline does not cut WebRTC), and reading documents.
 */
import type { NetworkHub } from './networkHub'

/** What `window.asisteDebug` offers. */
export interface DebugHooks {
  pauseNetwork(): void
  resumeNetwork(): void
}

declare global {
  interface Window {
    asisteDebug?: DebugHooks
  }
}

/** Installs `window.asisteDebug` when the URL asks for it. */
export function installDebugHooks(hub: NetworkHub, search: string): void {
  if (new URLSearchParams(search).get('debug') !== '1') return
  window.asisteDebug = {
    pauseNetwork: () => hub.pauseAll(),
    resumeNetwork: () => hub.resumeAll(),
  }
}
