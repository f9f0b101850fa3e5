/**
 * Spotting a hostile customer peer's writes. Anyone with the customer key can
 * write the customer doc; the rep doc is the record. Comparing the two shows
 * what a customer-side peer forged (an entry claiming a rep or the system as
 * author that the record does not hold) or altered (an entry whose copy in the
 * customer doc no longer matches the record). Neither ever reaches the record
 * (see relay.ts); the rep's view flags them.
 */
import type * as Y from 'yjs'
import { entriesMap, readEntry } from './transcript'
import { parseEntry, toStored, type AuthorRole, type Entry } from './entry'
import { readAttendeeList, readAttendees } from './attendees'
import { readIntake } from './intake'

/** How a customer-doc entry disagrees with the record. */
export type TamperKind = 'forged' | 'altered'

/** One suspicious entry of the customer doc, as it claims to be. */
export interface Tampering {
  id: string
  kind: TamperKind
  claimedName: string
  claimedRole: AuthorRole
  text: string
}

function sameStored(a: Entry, b: Entry): boolean {
  return JSON.stringify(toStored(a)) === JSON.stringify(toStored(b))
}

/**
 * What in the customer doc disagrees with the rep doc (all entries, or only `ids`), in id order.
 * Entries that fail validation are not listed: readers already drop them.
 */
export function findTampering(customerDoc: Y.Doc, repDoc: Y.Doc, ids?: Iterable<string>): Tampering[] {
  const source = entriesMap(customerDoc)
  const found: Tampering[] = []
  for (const id of ids ?? source.keys()) {
    const claimed = parseEntry(id, source.get(id))
    if (!claimed) continue
    const record = readEntry(repDoc, id)
    let kind: TamperKind | undefined
    if (!record) kind = claimed.authorRole === 'customer' ? undefined : 'forged'
    else if (!sameStored(claimed, record)) kind = 'altered'
    if (kind) found.push({ id, kind, claimedName: claimed.authorName, claimedRole: claimed.authorRole, text: claimed.text })
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * How many attendee records of the customer doc a reader ignores (beyond `MAX_ATTENDEES`): a
 * customer-side peer flooding the list. The genuine ones — the record's attendees and the customer
 * in the record's intake — are always kept, so they never count here.
 */
export function ignoredCustomerAttendees(customerDoc: Y.Doc, repDoc: Y.Doc): number {
  const known = new Set(readAttendees(repDoc).map((attendee) => attendee.id))
  const customerId = readIntake(repDoc, 'rep')?.customerId
  if (customerId) known.add(customerId)
  return readAttendeeList(customerDoc, known).ignored
}
