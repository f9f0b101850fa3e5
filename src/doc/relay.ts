/**
 * Copying between a session's two documents, done by every visible rep's
 * client. Both directions are append-only and idempotent (an id already
 * present is never rewritten) and never copy deletions, so the order in which
 * updates arrive cannot change the result.
 *
 * - customer → rep: entries written by the customer (role `customer`), and the
 *   intake. Entries in the customer doc that claim a rep or the system as
 *   author are not copied: the rep doc is their only authority, so a customer
 *   peer cannot forge or erase the reps' record.
 * - rep → customer: entries meant for everyone (`audience: 'all'`) written by
 *   reps or the system; rep-only entries never leave the rep doc.
 */
import type * as Y from 'yjs'
import { entriesMap, putEntryIfAbsent } from './transcript'
import { parseEntry, type Entry } from './entry'
import { intakeMap, readIntake } from './intake'
import { RELAY } from './schema'
import { markReceipt, readReceipts } from './receipts'
import { hiddenAttendeeIds } from './attendees'

/** Whether a customer-doc entry may be copied into the rep doc. */
export function isMirrorable(entry: Entry): boolean {
  return entry.authorRole === 'customer' && entry.audience === 'all'
}

/** Whether a rep-doc entry may be published to the customer doc. */
export function isPublishable(entry: Entry): boolean {
  return entry.audience === 'all' && entry.authorRole !== 'customer'
}

function copyEntries(from: Y.Doc, to: Y.Doc, keep: (entry: Entry) => boolean, ids?: Iterable<string>, admit: (entry: Entry) => boolean = () => true): number {
  const source = entriesMap(from)
  const target = entriesMap(to)
  let copied = 0
  to.transact(() => {
    for (const id of ids ?? source.keys()) {
      if (target.has(id)) continue
      const entry = parseEntry(id, source.get(id))
      if (entry && keep(entry) && admit(entry) && putEntryIfAbsent(to, entry, RELAY)) copied++
    }
  }, RELAY)
  return copied
}

/**
 * Mirrors the customer's entries (all, or just `ids`) into the rep doc. Returns how many were new.
 * `admit` (recordGrowth.ts) may refuse new ones: they stay out of the record.
 */
export function mirrorCustomerEntries(customerDoc: Y.Doc, repDoc: Y.Doc, ids?: Iterable<string>, admit?: (entry: Entry) => boolean): number {
  return copyEntries(customerDoc, repDoc, isMirrorable, ids, admit)
}

/**
 * Publishes reps' entries for everyone (all, or just `ids`) into the customer doc. Returns how many
 * were new. Entries by a hidden rep are never published: the customer must not learn they exist.
 */
export function publishRepEntries(repDoc: Y.Doc, customerDoc: Y.Doc, ids?: Iterable<string>): number {
  const hidden = hiddenAttendeeIds(repDoc)
  return copyEntries(repDoc, customerDoc, (entry) => isPublishable(entry) && !hidden.has(entry.authorId), ids)
}

/**
 * Puts back into the customer doc what a peer deleted there (only `ids`): reps' entries for everyone
 * (hidden reps' excepted) and the customer's own mirrored entries, from the record. Returns how many.
 */
export function restoreRemovedEntries(repDoc: Y.Doc, customerDoc: Y.Doc, ids: Iterable<string>): number {
  const hidden = hiddenAttendeeIds(repDoc)
  const visible = (entry: Entry): boolean => (isPublishable(entry) && !hidden.has(entry.authorId)) || isMirrorable(entry)
  return copyEntries(repDoc, customerDoc, visible, ids)
}

/** Copies the customer's validated intake into the rep doc's details when it changed. Returns whether it wrote. */
export function mirrorIntake(customerDoc: Y.Doc, repDoc: Y.Doc): boolean {
  const intake = readIntake(customerDoc, 'customer')
  if (!intake) return false
  const current = readIntake(repDoc, 'rep')
  if (current && JSON.stringify(current) === JSON.stringify(intake)) return false
  const map = intakeMap(repDoc, 'rep')
  repDoc.transact(() => {
    map.set('customerId', intake.customerId)
    map.set('customerName', intake.customerName)
    map.set('request', intake.request)
    map.set('system', intake.system)
  }, RELAY)
  return true
}

/** Copies customers' receipts into the rep doc (forward only), so every rep sees delivery states. */
export function mirrorReceipts(customerDoc: Y.Doc, repDoc: Y.Doc): void {
  for (const receipt of readReceipts(customerDoc)) {
    if (receipt.role === 'customer') markReceipt(repDoc, receipt, RELAY)
  }
}
