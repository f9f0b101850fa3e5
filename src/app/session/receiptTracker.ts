/**
 * Keeps this participant's receipt current: `delivered` follows the newest
 * entry on this device; `seen` follows it while the page is visible and
 * focused (`isSeeing`).
 */
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { markReceipt } from '../../doc/receipts'
import { isEntryId } from '../../doc/entryId'

/** Who this device is in the session. */
export interface Participant {
  participantId: string
  role: 'rep' | 'customer'
}

/** The newest entry id in `doc` (ids sort in transcript order). */
function newestId(doc: Y.Doc): string | undefined {
  let newest: string | undefined
  for (const id of entriesMap(doc).keys()) newest = newer(newest, id)
  return newest
}

/** The later of a known newest id and a candidate, ignoring keys that are not entry ids. */
function newer(newest: string | undefined, id: string): string | undefined {
  return isEntryId(id) && (newest === undefined || id > newest) ? id : newest
}

/** A stop function that can also re-check `isSeeing` at once (when something it reads changed). */
export type ReceiptTracking = (() => void) & { refresh(): void }

/** Starts tracking (visibility and focus changes re-check `isSeeing` by themselves); returns a stop function. */
export function trackReceipts(doc: Y.Doc, me: Participant, isSeeing: () => boolean): ReceiptTracking {
  let newest = newestId(doc)
  const write = (): void => {
    if (newest === undefined) return
    markReceipt(doc, { ...me, delivered: newest, ...(isSeeing() ? { seen: newest } : {}) })
  }
  let pending: ReturnType<typeof setTimeout> | undefined
  const onEntries = (event: Y.YMapEvent<unknown>): void => {
    for (const id of event.keysChanged) newest = newer(newest, id)
    // Written in a later task, once per burst: a receipt is a separate, tiny update that must not delay
    // the render of the entry it acknowledges (issue #10, delivery latency).
    pending ??= setTimeout(() => {
      pending = undefined
      write()
    }, 0)
  }
  entriesMap(doc).observe(onEntries)
  const onVisibility = (): void => write()
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('focus', onVisibility)
  write()
  const stop = (): void => {
    entriesMap(doc).unobserve(onEntries)
    clearTimeout(pending)
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('focus', onVisibility)
  }
  return Object.assign(stop, { refresh: write })
}
