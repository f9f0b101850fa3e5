/**
 * Fetches the code of sync answers in parts (syncParts.ts) when a page's
 * first peer appears (echoSkip.ts), and hands it to the sync module y-webrtc
 * uses (tabSyncStep2.ts) once it is there. Apart from peerReading.ts, which
 * syncParts.ts imports, so no module imports itself in a loop.
 */
type SyncParts = typeof import('./syncParts')
let parts: SyncParts | undefined
let loading: Promise<SyncParts> | undefined

/** Fetches the code of sync answers in parts, once (a failed fetch, offline before the app was cached, is tried again next time). */
export function loadSyncParts(): Promise<SyncParts> {
  loading ??= import('./syncParts').then((module) => (parts = module))
  loading.catch(() => (loading = undefined))
  return loading
}

/** The code of sync answers in parts, once fetched. */
export function syncParts(): SyncParts | undefined {
  return parts
}
