/**
 * Small local records (profile, team secrets, customer identities, device
 * keys) in IndexedDB via idb-keyval: structured clone keeps CryptoKey objects
 * non-extractable, and nothing here is ever synced.
 */
import { createStore, get, set, del, type UseStore } from 'idb-keyval'

let store: UseStore | undefined
function localStore(): UseStore {
  store ??= createStore('asiste-local', 'records')
  return store
}

/** Reads a local record. */
export function readLocal<T>(key: string): Promise<T | undefined> {
  return get<T>(key, localStore())
}

/** Writes a local record. */
export function writeLocal(key: string, value: unknown): Promise<void> {
  return set(key, value, localStore())
}

/** Deletes a local record. */
export function deleteLocal(key: string): Promise<void> {
  return del(key, localStore())
}
