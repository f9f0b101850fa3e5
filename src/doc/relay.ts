/**
 * Copying between a session's two documents, done by every visible rep's
 * client. Both directions are append-only and idempotent (an id already
 * present is never rewritten in the record) and never copy deletions, so the
 * order in which updates arrive cannot change the result.
 *
 * - customer → rep: entries the bound customer wrote and signed
 *   (`mirrorCandidates` picks them, the caller verifies the signatures,
 *   `mirrorVerifiedEntries` copies them with their signatures), and the intake
 *   (customerBinding.ts). Entries in the customer doc that claim a rep or the
 *   system as author are never copied: the rep doc is their only authority.
 * - rep → customer: entries meant for everyone (`audience: 'all'`) written by
 *   reps or the system, each with the session authority's signature
 *   (`publishCandidates`, then `putPublishedEntries`); rep-only entries never
 *   leave the rep doc.
 */
import type * as Y from 'yjs'
import { entriesMap, putEntryIfAbsent, storeEntry } from './transcript'
import { parseEntry, sameStoredEntry, type Entry } from './entry'
import { RELAY } from './schema'
import { markReceipt, readReceipts, type Receipt } from './receipts'
import { hiddenAttendeeIds } from './attendees'
import { judgeCustomerEntry, readCustomerBinding } from './customerBinding'
import { putSignatures, readSignature, setSignature } from './signatures'

/** An entry with the signature that goes with it. */
export interface SignedEntry {
  entry: Entry
  signature: string
}

/** An entry to publish, signed unless the session predates signatures (no authority key). */
export interface PublishedEntry {
  entry: Entry
  signature?: string
}

/** Whether a customer-doc entry may be copied into the rep doc. */
export function isMirrorable(entry: Entry): boolean {
  return entry.authorRole === 'customer' && entry.audience === 'all'
}

/** Whether a rep-doc entry may be published to the customer doc. */
export function isPublishable(entry: Entry): boolean {
  return entry.audience === 'all' && entry.authorRole !== 'customer'
}

/**
 * The customer-doc entries (all, or just `ids`) that may go into the record once their signature
 * verifies against the bound customer's key: not in the record yet, and `judgeCustomerEntry`
 * finds nothing wrong. Entries without a signature yet are left for when it arrives.
 */
export function mirrorCandidates(customerDoc: Y.Doc, repDoc: Y.Doc, ids?: Iterable<string>, now = Date.now()): SignedEntry[] {
  const binding = readCustomerBinding(repDoc)
  if (!binding) return []
  const source = entriesMap(customerDoc)
  const target = entriesMap(repDoc)
  const found: SignedEntry[] = []
  for (const id of ids ?? source.keys()) {
    if (target.has(id)) continue
    const entry = parseEntry(id, source.get(id))
    const signature = readSignature(customerDoc, id)
    if (entry && signature && judgeCustomerEntry(entry, binding, repDoc, now) === undefined) found.push({ entry, signature })
  }
  return found
}

/** Copies verified customer entries and their signatures into the record (ids already there are kept). Returns how many were new. */
export function mirrorVerifiedEntries(repDoc: Y.Doc, verified: readonly SignedEntry[]): number {
  let copied = 0
  repDoc.transact(() => {
    for (const { entry, signature } of verified) {
      if (!putEntryIfAbsent(repDoc, entry, RELAY)) continue
      putSignatures(repDoc, [[entry.id, signature]], RELAY)
      copied++
    }
  }, RELAY)
  return copied
}

/** The record's entries (all, or just `ids`) meant for the customer doc: for everyone, and not a hidden rep's. */
export function publishableEntries(repDoc: Y.Doc, ids?: Iterable<string>): Entry[] {
  const hidden = hiddenAttendeeIds(repDoc)
  const source = entriesMap(repDoc)
  const found: Entry[] = []
  for (const id of ids ?? source.keys()) {
    const entry = parseEntry(id, source.get(id))
    if (entry && isPublishable(entry) && !hidden.has(entry.authorId)) found.push(entry)
  }
  return found
}

/**
 * The record's entries (all, or just `ids`) the customer doc must get, signed: meant for everyone,
 * not a hidden rep's, and missing from the customer doc, different there, unsigned there, or
 * signed otherwise than `signedHere` says (what this client signed; signatures are deterministic).
 */
export function publishCandidates(repDoc: Y.Doc, customerDoc: Y.Doc, ids?: Iterable<string>, signedHere?: ReadonlyMap<string, string>): Entry[] {
  const target = entriesMap(customerDoc)
  const found: Entry[] = []
  const list = ids ?? [...entriesMap(repDoc).keys()].filter((id) => !target.has(id) || readSignature(customerDoc, id) === undefined) // a full scan (opening a session) parses only what is missing or unsigned; rewrites are caught as they arrive
  for (const entry of publishableEntries(repDoc, list)) {
    const { id } = entry
    const present = parseEntry(id, target.get(id))
    const signature = readSignature(customerDoc, id)
    const known = signedHere?.get(id)
    if (!present || !sameStoredEntry(present, entry) || !signature || (known !== undefined && known !== signature)) found.push(entry)
  }
  return found
}

/**
 * Writes signed entries into the customer doc in one transaction: each entry (unless the same is
 * there) with its signature. Returns how many entries were new or repaired.
 */
export function putPublishedEntries(customerDoc: Y.Doc, signed: readonly PublishedEntry[]): number {
  const target = entriesMap(customerDoc)
  let written = 0
  customerDoc.transact(() => {
    for (const { entry, signature } of signed) {
      const present = parseEntry(entry.id, target.get(entry.id))
      if (!present || !sameStoredEntry(present, entry)) {
        storeEntry(customerDoc, entry.id, entry)
        written++
      }
      if (signature !== undefined) setSignature(customerDoc, entry.id, signature)
    }
  }, RELAY)
  return written
}

/**
 * Puts back into the customer doc what a peer deleted there (only `ids`): the customer's own
 * mirrored entries with their signatures, from the record. Returns how many. (Reps' entries come
 * back through `publishCandidates`, which signs them.)
 */
export function restoreCustomerEntries(repDoc: Y.Doc, customerDoc: Y.Doc, ids: Iterable<string>): number {
  const target = entriesMap(customerDoc)
  const restored: SignedEntry[] = []
  for (const id of ids) {
    const entry = parseEntry(id, entriesMap(repDoc).get(id))
    const signature = readSignature(repDoc, id)
    if (entry && signature && isMirrorable(entry) && !target.has(id)) restored.push({ entry, signature })
  }
  if (restored.length > 0) putPublishedEntries(customerDoc, restored)
  return restored.length
}

/**
 * Copies the bound customer's receipt into the rep doc (forward only), so every rep sees delivery
 * states — only a receipt `isVerified` accepts (the caller checks its signature against the bound
 * device key: cryptography is not this layer's). A receipt counts only for an id the record holds:
 * one at the largest possible id would otherwise mark every later message as seen.
 */
export function mirrorReceipts(customerDoc: Y.Doc, repDoc: Y.Doc, isVerified: (receipt: Receipt) => boolean): void {
  const receipt = boundCustomerReceipt(customerDoc, repDoc)
  if (!receipt || !isVerified(receipt)) return
  const record = entriesMap(repDoc)
  const known: Receipt = { participantId: receipt.participantId, role: 'customer' }
  if (receipt.delivered !== undefined && record.has(receipt.delivered)) known.delivered = receipt.delivered
  if (receipt.seen !== undefined && record.has(receipt.seen)) known.seen = receipt.seen
  if (known.delivered !== undefined || known.seen !== undefined) markReceipt(repDoc, known, RELAY)
}

/** The bound customer's receipt in the customer doc (with its signature, if any), or undefined. */
export function boundCustomerReceipt(customerDoc: Y.Doc, repDoc: Y.Doc): Receipt | undefined {
  const customerId = readCustomerBinding(repDoc)?.customerId
  return customerId === undefined ? undefined : readReceipts(customerDoc).find((receipt) => receipt.role === 'customer' && receipt.participantId === customerId)
}
