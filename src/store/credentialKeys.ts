/**
 * The private ECDH keys of a rep's open credential requests, kept on this
 * device so an answer that arrives after a reload or a tab switch can still be
 * opened. Stored as non-extractable CryptoKey objects (IndexedDB's structured
 * clone keeps them so: no script, this one included, can read the key bytes),
 * in a database of their own, keyed by request id; deleted once the answer is
 * opened or declined. Never synced.
 */
import { createStore, del, delMany, entries, set, type UseStore } from 'idb-keyval'

/** One stored key: which session's request it opens. */
interface StoredKey {
  sessionId: string
  key: CryptoKey
}

let store: UseStore | undefined
function keyStore(): UseStore {
  store ??= createStore('asiste-credential-keys', 'keys')
  return store
}

function isStoredKey(value: unknown): value is StoredKey {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.sessionId === 'string' && record.key instanceof CryptoKey
}

/** Keeps the private key of request `requestId` of session `sessionId`; refuses an extractable key. */
export async function saveCredentialKey(sessionId: string, requestId: string, key: CryptoKey): Promise<void> {
  if (key.extractable) throw new Error('credential keys must be non-extractable')
  await set(requestId, { sessionId, key } satisfies StoredKey, keyStore())
}

/** The kept keys of a session's requests, by request id. */
export async function loadCredentialKeys(sessionId: string): Promise<Map<string, CryptoKey>> {
  const found = new Map<string, CryptoKey>()
  for (const [requestId, value] of await entries<IDBValidKey, unknown>(keyStore())) {
    if (typeof requestId === 'string' && isStoredKey(value) && value.sessionId === sessionId) found.set(requestId, value.key)
  }
  return found
}

/** Forgets every kept key of session `sessionId` (History deleted the session from this device). */
export async function deleteCredentialKeys(sessionId: string): Promise<void> {
  const doomed: IDBValidKey[] = []
  for (const [requestId, value] of await entries<IDBValidKey, unknown>(keyStore())) {
    if (isStoredKey(value) && value.sessionId === sessionId) doomed.push(requestId)
  }
  if (doomed.length > 0) await delMany(doomed, keyStore())
}

/** Forgets a request's key (its answer was opened or declined). */
export function deleteCredentialKey(requestId: string): Promise<void> {
  return del(requestId, keyStore())
}
