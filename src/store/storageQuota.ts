/** The browser's storage for this origin: ask to keep it (no eviction under pressure) and how much is used. */

/** Usage in bytes, the origin's quota, and whether the browser promised not to evict it. */
export interface StorageInfo {
  usage: number
  quota: number
  persisted: boolean
}

/** Asks the browser to keep this origin's data (true when granted or already so). */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false
  return (await navigator.storage.persisted()) || navigator.storage.persist()
}

/** Current usage and quota, or undefined where the browser cannot tell. */
export async function readStorageInfo(): Promise<StorageInfo | undefined> {
  if (!navigator.storage?.estimate) return undefined
  const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()])
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted }
}

/** True for the error a write gets when the disk or the origin's quota is full. */
export function isQuotaError(cause: unknown): boolean {
  return cause instanceof DOMException && (cause.name === 'QuotaExceededError' || cause.name === 'NS_ERROR_DOM_QUOTA_REACHED')
}
