/**
 * A visible rep's receipt in the customer doc, signed with the session
 * authority (docs/SCHEMA.md, "receipts"): it gives the customer's own messages
 * their Delivered / Seen marks, and the customer's page counts only a receipt
 * that verifies against the link's session key. The value is computed here
 * from entries that are in both docs (the record took them: the customer's
 * verified, the reps' own) and written whole, so the rep never signs a peer's
 * forged id. Sessions without an authority (made before signatures) keep the
 * unsigned receipt. Each value is signed and written in order, once per burst.
 */
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { isEntryId } from '../../doc/entryId'
import { markReceipt, putSignedReceipt, type Receipt } from '../../doc/receipts'
import { signReceipt } from '../../net/sessionAuthority'
import { createSerialQueue } from '../shell/serialQueue'
import type { ReceiptTracking } from './receiptTracker'

/** Keeps `repId`'s receipt in `customerDoc` current; `signingKey` is the session authority (undefined in older sessions). */
export function trackSignedRepReceipt(
  customerDoc: Y.Doc,
  repDoc: Y.Doc,
  sessionId: string,
  repId: string,
  signingKey: () => Promise<CryptoKey | undefined>,
  isSeeing: () => boolean,
): ReceiptTracking {
  const customerEntries = entriesMap(customerDoc)
  const repEntries = entriesMap(repDoc)
  let newest: string | undefined
  let seen: string | undefined
  let written = ''
  const steps = createSerialQueue()
  const consider = (ids: Iterable<string>): void => {
    for (const id of ids) {
      if (!isEntryId(id) || (newest !== undefined && id <= newest)) continue
      if (customerEntries.has(id) && repEntries.has(id)) newest = id
    }
  }
  const write = (): void => {
    if (newest === undefined) return
    if (isSeeing()) seen = newest
    const receipt: Receipt = { participantId: repId, role: 'rep', delivered: newest, ...(seen !== undefined ? { seen } : {}) }
    const key = JSON.stringify([receipt.delivered, receipt.seen ?? null])
    if (key === written) return
    written = key
    steps.enqueue(async () => {
      const key = await signingKey()
      if (steps.stopped()) return
      if (!key) return markReceipt(customerDoc, receipt)
      const signature = await signReceipt(key, sessionId, receipt)
      if (!steps.stopped()) putSignedReceipt(customerDoc, { ...receipt, signature })
    })
  }
  let pending: ReturnType<typeof setTimeout> | undefined
  const onEntries = (event: Y.YMapEvent<unknown>): void => {
    // Considered after the transaction (a microtask), so the timer below is not set before the update
    // y-webrtc sends in the doc's `update` event, emitted after every observer (issue 20).
    const ids = event.keysChanged
    queueMicrotask(() => {
      if (steps.stopped()) return
      consider(ids)
      // Once per burst, in a later task: a receipt must not delay the render of what it acknowledges (issue #10).
      pending ??= setTimeout(() => {
        pending = undefined
        write()
      }, 0)
    })
  }
  customerEntries.observe(onEntries)
  repEntries.observe(onEntries)
  const onVisibility = (): void => write()
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('focus', onVisibility)
  consider(customerEntries.keys())
  write()
  const stop = (): void => {
    steps.stop()
    customerEntries.unobserve(onEntries)
    repEntries.unobserve(onEntries)
    clearTimeout(pending)
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('focus', onVisibility)
  }
  return Object.assign(stop, { refresh: write })
}
