/**
 * Edits a page being left could not be sure were stored (src/store/persistDoc.ts). A write to IndexedDB is
 * asynchronous, and one started on `pagehide` is often cut by the navigation: in a browser test, a message
 * sent right before a reload was missing after it in 12 of 24 tries, and still in 3 of 24 with the transaction
 * committed at once. localStorage is written before the call returns, so the page keeps a copy there too, drops
 * it once IndexedDB has the edits, and the next load of the document applies whatever copy is still there.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'

/** Key prefix of the copies; the database name, a newline and the id of the page's copy follow. */
const PREFIX = 'asiste:unsaved:'

/** Most bytes kept per copy: a turn's own typing fits many times over; a peer's late-join sync (megabytes) does not. */
export const MAX_UNSAVED_BYTES = 256 * 1024

/** localStorage, where this runtime has one that can be used (not in Node; a browser may forbid it). */
function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** A new id for one page's copy of a database (the page overwrites its copy at each leave). */
export function newCopyId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** The localStorage key of copy `id` of `databaseName`. */
export function unsavedKey(databaseName: string, id: string): string {
  return `${PREFIX}${databaseName}\n${id}`
}

/** Keeps (or replaces) copy `id` of `updates` of `databaseName`; whether it was kept (not: no storage, too big, full). */
export function keepUnsaved(databaseName: string, updates: readonly Uint8Array[], id: string): boolean {
  const local = storage()
  const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
  if (!local || updates.length === 0 || bytes > MAX_UNSAVED_BYTES) return false
  try {
    local.setItem(unsavedKey(databaseName, id), JSON.stringify(updates.map((update) => toBase64(update))))
    return true
  } catch {
    return false // over the quota: IndexedDB's write is still made
  }
}

/** The keys of the copies kept of `databaseName` (of every database when omitted). */
export function unsavedKeys(databaseName?: string): string[] {
  const local = storage()
  const prefix = databaseName === undefined ? PREFIX : `${PREFIX}${databaseName}\n`
  const keys: string[] = []
  for (let i = 0; local && i < local.length; i++) {
    const key = local.key(i)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  return keys
}

/** The databases that have copies kept. */
export function unsavedDatabases(): string[] {
  return [...new Set(unsavedKeys().map((key) => key.slice(PREFIX.length, key.lastIndexOf('\n'))))]
}

/** Drops copies that IndexedDB now holds. */
export function forgetUnsaved(keys: Iterable<string>): void {
  const local = storage()
  for (const key of keys) local?.removeItem(key)
}

/** The copies of `databaseName` still kept: their keys and updates (an unreadable copy is dropped). */
export function readUnsaved(databaseName: string): { keys: string[]; updates: Uint8Array[] } {
  const local = storage()
  const keys = unsavedKeys(databaseName) // none where there is no localStorage
  const updates: Uint8Array[] = []
  for (const key of keys) {
    try {
      const parsed: unknown = JSON.parse(local?.getItem(key) ?? 'null')
      if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) throw new TypeError('not a list of updates')
      updates.push(...parsed.map((item: string) => fromBase64(item)))
    } catch {
      local?.removeItem(key)
    }
  }
  return { keys, updates }
}

/** Applies kept `updates` to `doc` in one transaction of `origin`; returns those that could be read (the others are reported). */
export function applyUnsaved(doc: Y.Doc, updates: readonly Uint8Array[], origin?: unknown): Uint8Array[] {
  const applied: Uint8Array[] = []
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update)
        applied.push(update)
      } catch (cause) {
        console.warn('an edit kept as the page was left could not be read', cause)
      }
    }
  }, origin)
  return applied
}
