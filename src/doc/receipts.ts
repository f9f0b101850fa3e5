/**
 * Delivery receipts: each participant records the newest entry id it has
 * received and the newest it has seen on screen. Ids sort in transcript
 * order, so one id per participant covers every entry up to it. Receipts only
 * move forward (a stale or hostile lower value is ignored by `readReceipts`
 * readers taking the max, and never written by `markReceipt`).
 */
import * as Y from 'yjs'
import { idString, isRecord, oneOf } from './guards'
import { parseEntryId } from './entryId'
import { LOCAL, MAX_ID_CHARS } from './schema'
import { entriesMap } from './transcript'
import { parseSignature } from './signatures'

/** The receipts map of a session document. */
export function receiptsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('receipts')
}

/** One participant's receipt. */
export interface Receipt {
  participantId: string
  role: 'rep' | 'customer'
  /** Newest entry id present on the participant's device. */
  delivered?: string
  /** Newest entry id the participant had on screen. */
  seen?: string
  /** Customer doc only: the customer device key's signature over `receiptBytes` (base64url). */
  signature?: string
}

/** How far an entry got. */
export type DeliveryState = 'outbox' | 'sent' | 'delivered' | 'seen'

const later = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined || a >= b ? a : b)

function parseReceipt(id: unknown, raw: unknown): Receipt | undefined {
  const participantId = idString(id, MAX_ID_CHARS)
  if (!participantId || !isRecord(raw)) return undefined
  const role = oneOf(raw.role, ['rep', 'customer'] as const)
  if (!role) return undefined
  const receipt: Receipt = { participantId, role }
  if (typeof raw.delivered === 'string' && parseEntryId(raw.delivered)) receipt.delivered = raw.delivered
  if (typeof raw.seen === 'string' && parseEntryId(raw.seen)) receipt.seen = raw.seen
  const signature = parseSignature(raw.signature)
  if (signature) receipt.signature = signature
  return receipt
}

/** Every valid receipt. */
export function readReceipts(doc: Y.Doc): Receipt[] {
  const out: Receipt[] = []
  receiptsMap(doc).forEach((raw, id) => {
    const receipt = parseReceipt(id, raw)
    if (receipt) out.push(receipt)
  })
  return out
}

/**
 * Moves a participant's receipt forward (never back); writes only when something changed. A
 * current value naming no entry of this doc counts as absent: a peer's forged receipt at the
 * largest possible id must not freeze the participant's real one.
 */
export function markReceipt(doc: Y.Doc, update: Receipt, origin: unknown = LOCAL): void {
  const current = parseReceipt(update.participantId, receiptsMap(doc).get(update.participantId))
  const entries = entriesMap(doc)
  const existing = (id: string | undefined): string | undefined => (id !== undefined && entries.has(id) ? id : undefined)
  const delivered = later(existing(current?.delivered), update.delivered)
  const seen = later(existing(current?.seen), update.seen)
  if (current && current.role === update.role && current.delivered === delivered && current.seen === seen) return
  const value: Record<string, string> = { role: update.role }
  if (delivered !== undefined) value.delivered = delivered
  if (seen !== undefined) value.seen = seen
  doc.transact(() => receiptsMap(doc).set(update.participantId, value), origin)
}

/**
 * The delivery state of entry `id` written by `authorId`: seen or delivered by a customer, sent
 * (some other participant has it), or still in the outbox (no one else has it yet).
 */
export function deliveryState(id: string, authorId: string, receipts: Receipt[]): DeliveryState {
  let state: DeliveryState = 'outbox'
  for (const receipt of receipts) {
    if (receipt.participantId === authorId) continue
    if (receipt.role === 'customer' && receipt.seen !== undefined && receipt.seen >= id) return 'seen'
    if (receipt.role === 'customer' && receipt.delivered !== undefined && receipt.delivered >= id) state = 'delivered'
    else if (state === 'outbox' && receipt.delivered !== undefined && receipt.delivered >= id) state = 'sent'
  }
  return state
}

/**
 * The bytes a customer's device key signs for its receipt: UTF-8 of the JSON array
 * `["asiste/receipt/v1", sessionId, participantId, role, delivered, seen]` (`null` for an absent id), as
 * ECMAScript `JSON.stringify` writes it (docs/SCHEMA.md).
 */
export function receiptBytes(sessionId: string, receipt: Receipt): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['asiste/receipt/v1', sessionId, receipt.participantId, receipt.role, receipt.delivered ?? null, receipt.seen ?? null]))
}

/** Writes a signed receipt exactly as given (customer side: the page signs what it computed itself, never a peer's value). */
export function putSignedReceipt(doc: Y.Doc, receipt: Receipt & { signature: string }, origin: unknown = LOCAL): void {
  const value: Record<string, string> = { role: receipt.role, signature: receipt.signature }
  if (receipt.delivered !== undefined) value.delivered = receipt.delivered
  if (receipt.seen !== undefined) value.seen = receipt.seen
  doc.transact(() => receiptsMap(doc).set(receipt.participantId, value), origin)
}
