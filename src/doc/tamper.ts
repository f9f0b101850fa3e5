/**
 * Spotting a hostile customer peer's writes. Anyone with the customer key can
 * write the customer doc; the rep doc is the record. Comparing the two shows
 * what a customer-side peer forged (an entry claiming a rep or the system as
 * author that the record does not hold), altered (an entry whose copy in the
 * customer doc no longer matches the record), or wrote as the customer that the
 * relay refused (see customerBinding.ts: another author, a team event, an
 * impossible time, no valid signature), an intake rewritten after binding, and
 * receipts naming entries that do not exist. None of it reaches the record
 * (see relay.ts); the rep's view flags it.
 */
import type * as Y from 'yjs'
import { entriesMap, readEntry } from './transcript'
import { parseEntry, sameStoredEntry, type AuthorRole } from './entry'
import { readAttendees } from './attendees'
import { readIntake } from './intake'
import { judgeCustomerEntry, readCustomerBinding, type Refusal } from './customerBinding'
import { readReceipts } from './receipts'

/** How the customer doc disagrees with the record: an entry (forged, altered, refused), the intake, a receipt, a screen request the reps did not sign. */
export type TamperKind = 'forged' | 'altered' | Refusal | 'intake' | 'receipt' | 'screenRequest'

/** One suspicious entry of the customer doc, as it claims to be. */
export interface Tampering {
  id: string
  kind: TamperKind
  claimedName: string
  claimedRole: AuthorRole
  text: string
}

/**
 * What in the customer doc disagrees with the rep doc (all entries, or only `ids`), in id order.
 * Entries that fail validation are not listed: readers already drop them.
 */
export function findTampering(customerDoc: Y.Doc, repDoc: Y.Doc, ids?: Iterable<string>, now = Date.now()): Tampering[] {
  const source = entriesMap(customerDoc)
  const binding = readCustomerBinding(repDoc)
  const found: Tampering[] = []
  for (const id of ids ?? source.keys()) {
    const claimed = parseEntry(id, source.get(id))
    if (!claimed) continue
    const record = readEntry(repDoc, id)
    let kind: TamperKind | undefined
    if (record) kind = sameStoredEntry(claimed, record) ? undefined : 'altered'
    else if (claimed.authorRole !== 'customer') kind = 'forged'
    // Not in the record though it claims the customer: why the relay refused it (or will, once it is a grace period old).
    else if (binding) kind = judgeCustomerEntry(claimed, binding, repDoc, now) ?? 'unsigned'
    if (kind) found.push({ id, kind, claimedName: claimed.authorName, claimedRole: claimed.authorRole, text: claimed.text })
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The customer doc's intake when it no longer matches the details frozen at binding (a rewrite, never copied). */
export function intakeTampering(customerDoc: Y.Doc, repDoc: Y.Doc): Tampering | undefined {
  const binding = readCustomerBinding(repDoc)
  const claimed = readIntake(customerDoc, 'customer')
  const record = readIntake(repDoc, 'rep')
  if (!binding || !claimed) return undefined
  // Accepted but not arrived yet: only the accepted customer's id and key may bring the details.
  if (!record) return claimed.customerId === binding.customerId && claimed.publicKey === binding.publicKey ? undefined : { id: 'intake', kind: 'intake', claimedName: claimed.customerName, claimedRole: 'customer', text: claimed.request }
  const same = claimed.customerId === record.customerId && claimed.customerName === record.customerName && claimed.request === record.request &&
    JSON.stringify(claimed.system) === JSON.stringify(record.system) && claimed.publicKey === binding.publicKey
  return same ? undefined : { id: 'intake', kind: 'intake', claimedName: claimed.customerName, claimedRole: 'customer', text: claimed.request }
}

/**
 * Receipts in the customer doc naming an entry that exists in neither document (e.g. the largest possible
 * id), a rep's receipt for someone who is no rep of the record, and the bound customer's receipt when it names entries the record holds yet the record's copy stays
 * behind it: the relay refused it (no valid signature of the customer's device key). A genuine receipt is
 * copied within moments, so the watcher's grace period keeps it from being flagged while it verifies.
 */
export function receiptTampering(customerDoc: Y.Doc, repDoc: Y.Doc): Tampering[] {
  const exists = (id: string | undefined): boolean => id === undefined || entriesMap(repDoc).has(id) || entriesMap(customerDoc).has(id)
  const customerId = readCustomerBinding(repDoc)?.customerId
  const recorded = readReceipts(repDoc).find((receipt) => receipt.participantId === customerId)
  const ahead = (claimed: string | undefined, kept: string | undefined): boolean => claimed !== undefined && entriesMap(repDoc).has(claimed) && (kept === undefined || claimed > kept)
  let reps: Set<string> | undefined
  const isRecordRep = (id: string): boolean => (reps ??= new Set(readAttendees(repDoc).filter((attendee) => attendee.role === 'rep').map((attendee) => attendee.id))).has(id)
  return readReceipts(customerDoc)
    .filter((receipt) => {
      if (!exists(receipt.delivered) || !exists(receipt.seen)) return true
      // A "rep" the record never had: the customer's page ignores it (unsigned), the reps see who tried.
      if (receipt.role === 'rep' && !isRecordRep(receipt.participantId)) return true
      return receipt.participantId === customerId && receipt.role === 'customer' && (ahead(receipt.delivered, recorded?.delivered) || ahead(receipt.seen, recorded?.seen))
    })
    .map((receipt) => ({ id: `receipt:${receipt.participantId}`, kind: 'receipt', claimedName: receipt.participantId, claimedRole: receipt.role, text: receipt.seen ?? receipt.delivered ?? '' }))
}
