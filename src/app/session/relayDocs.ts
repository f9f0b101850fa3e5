/**
 * Runs the relay of one session on a visible rep's client: customer entries
 * and intake flow into the rep doc; reps' entries for everyone flow into the
 * customer doc. Copies are append-only and idempotent (see src/doc/relay.ts).
 */
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { intakeMap } from '../../doc/intake'
import { mirrorCustomerEntries, mirrorIntake, mirrorReceipts, publishRepEntries, restoreRemovedEntries } from '../../doc/relay'
import { receiptsMap } from '../../doc/receipts'
import { recordGrowthBudget } from '../../doc/recordGrowth'

/** Starts relaying; `onIntake` runs after the customer's intake reached the rep doc. Returns a stop function. */
export function relayDocs(customerDoc: Y.Doc, repDoc: Y.Doc, onIntake: () => void): () => void {
  const customerEntries = entriesMap(customerDoc)
  const repEntries = entriesMap(repDoc)
  const customerIntake = intakeMap(customerDoc, 'customer')
  const growth = recordGrowthBudget(repDoc)
  const admit = (entry: Parameters<typeof growth.admit>[0]): boolean => growth.admit(entry, Date.now())

  // Whatever the origin (local, a peer, or this relay): the copy rules decide, and copies are idempotent.
  const onCustomerEntries = (event: Y.YMapEvent<unknown>): void => {
    mirrorCustomerEntries(customerDoc, repDoc, event.keysChanged, admit)
    // A peer holding the customer key deleted entries: put the record's copies back.
    const removed = [...event.changes.keys].filter(([, change]) => change.action === 'delete').map(([id]) => id)
    if (removed.length > 0) restoreRemovedEntries(repDoc, customerDoc, removed)
  }
  const onRepEntries = (event: Y.YMapEvent<unknown>): void => {
    publishRepEntries(repDoc, customerDoc, event.keysChanged)
  }
  const onIntakeChange = (): void => {
    if (mirrorIntake(customerDoc, repDoc)) onIntake()
  }

  const customerReceipts = receiptsMap(customerDoc)
  const onReceipts = (): void => mirrorReceipts(customerDoc, repDoc)
  customerReceipts.observe(onReceipts)
  customerEntries.observe(onCustomerEntries)
  repEntries.observe(onRepEntries)
  customerIntake.observe(onIntakeChange)
  // Catch up with whatever arrived while this client was closed.
  mirrorCustomerEntries(customerDoc, repDoc, undefined, admit)
  publishRepEntries(repDoc, customerDoc)
  onIntakeChange()
  onReceipts()

  return () => {
    customerEntries.unobserve(onCustomerEntries)
    repEntries.unobserve(onRepEntries)
    customerIntake.unobserve(onIntakeChange)
    customerReceipts.unobserve(onReceipts)
  }
}
