/**
 * The customer's receipt, signed with the device key (docs/SCHEMA.md,
 * "receipts"): `delivered` is the newest entry on this page that verified
 * (a peer's forged entry with a huge id must not become the receipt), `seen`
 * the same while the page is visible and focused. The value is computed here
 * and written whole — never merged with what a peer wrote in the doc — so the
 * page never signs a peer's forgery. Signing is asynchronous: each value is
 * signed and written in order, once per burst.
 */
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { parseEntry } from '../../doc/entry'
import { putSignedReceipt, type Receipt } from '../../doc/receipts'
import { signReceipt } from '../../net/sessionAuthority'
import { createSerialQueue } from '../shell/serialQueue'
import type { EntryTrust } from './entryTrust'

/** Keeps the signed receipt of `me` current; returns a stop function. */
export function trackSignedReceipt(
  doc: Y.Doc,
  sessionId: string,
  trust: EntryTrust,
  me: { customerId: string; privateKey: CryptoKey },
  isSeeing: () => boolean,
): () => void {
  const entries = entriesMap(doc)
  let newest: string | undefined
  let seen: string | undefined
  let written = ''
  const steps = createSerialQueue()
  const consider = (ids: Iterable<string>): void => {
    for (const id of ids) {
      if (newest !== undefined && id <= newest) continue
      const entry = parseEntry(id, entries.get(id))
      if (entry && trust.isGenuine(entry)) newest = id
    }
  }
  const write = (): void => {
    if (newest === undefined) return
    if (isSeeing()) seen = newest
    const receipt: Receipt = { participantId: me.customerId, role: 'customer', delivered: newest, ...(seen !== undefined ? { seen } : {}) }
    const key = JSON.stringify([receipt.delivered, receipt.seen ?? null])
    if (key === written) return
    written = key
    steps.enqueue(async () => {
      const signature = await signReceipt(me.privateKey, sessionId, receipt)
      if (!steps.stopped()) putSignedReceipt(doc, { ...receipt, signature })
    })
  }
  let pending: ReturnType<typeof setTimeout> | undefined
  const soon = (): void => {
    // Once per burst, in a later task: a receipt must not delay the render of what it acknowledges (issue #10).
    pending ??= setTimeout(() => {
      pending = undefined
      write()
    }, 0)
  }
  const onEntries = (event: Y.YMapEvent<unknown>): void => {
    consider(event.keysChanged)
    soon()
  }
  const stopVerdicts = trust.onVerdict((ids) => {
    consider(ids)
    soon()
  })
  entries.observe(onEntries)
  const onVisibility = (): void => write()
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('focus', onVisibility)
  consider(entries.keys())
  write()
  return () => {
    steps.stop()
    stopVerdicts()
    entries.unobserve(onEntries)
    clearTimeout(pending)
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('focus', onVisibility)
  }
}
