/**
 * What a portal request says once opened, for either end (the customer's page and the reps' queue):
 * the request itself and its events, each opened with the request key (src/net/portalSeal.ts).
 * Anything that does not open or parse is ignored: the public room is untrusted.
 */
import type * as Y from 'yjs'
import {
  firstPick,
  MAX_EVENTS_PER_REQUEST,
  isClosed,
  parseClaim,
  parsePick,
  readRawEvents,
  readRawRequest,
  writeRawEvent,
  type Claim,
  type Pick,
  type RawRequest,
  type RequestPayload,
} from '../../doc/portalQueue'
import { boundedString, isRecord, oneOf, timestamp } from '../../doc/guards'
import { MAX_NAME_CHARS, MAX_REQUEST_CHARS, MAX_SYSTEM_VALUE_CHARS } from '../../doc/schema'
import { PORTAL_FIELDS, type PortalField } from '../../doc/teamPortals'
import { openJson, sealJson, type Sealed } from '../../net/portalSeal'
import { randomId } from '../../net/roomKeys'

/** Longest optional field (email, phone, order number) and detail. */
export const MAX_FIELD_CHARS = 120
export const MAX_DETAIL_CHARS = 1_000
const MAX_SYSTEM_FACTS = 20

export type { RequestPayload }

/** A request opened. */
export interface OpenedRequest {
  raw: RawRequest
  payload: RequestPayload
  details: string[]
  claims: Claim[]
  pick: Pick | undefined
  cancelled: boolean
  rejected: { spam: boolean; repName: string } | undefined
  closed: boolean
}

/** The aad of a request's own record. */
export function requestAad(requestId: string): string {
  return `asiste/portal/request\u0000${requestId}`
}

function eventAad(slot: string): string {
  return `asiste/portal/event\u0000${slot}`
}

/** Parses an opened request payload. */
export function parsePayload(value: unknown): RequestPayload | undefined {
  if (!isRecord(value)) return undefined
  const name = boundedString(value.name, MAX_NAME_CHARS)
  const problem = boundedString(value.problem, MAX_REQUEST_CHARS)
  if (name === undefined || name.trim() === '' || problem === undefined) return undefined
  const fields: Partial<Record<PortalField, string>> = {}
  if (isRecord(value.fields)) {
    for (const [key, text] of Object.entries(value.fields)) {
      const field = oneOf(key, PORTAL_FIELDS)
      const bounded = boundedString(text, MAX_FIELD_CHARS)
      if (field && bounded !== undefined) fields[field] = bounded
    }
  }
  const system: Record<string, string> = {}
  if (isRecord(value.system)) {
    for (const [key, text] of Object.entries(value.system).slice(0, MAX_SYSTEM_FACTS)) {
      const bounded = boundedString(text, MAX_SYSTEM_VALUE_CHARS)
      if (bounded !== undefined && key.length <= 40) system[key] = bounded
    }
  }
  return { name, problem, fields, system }
}

/** Caches what has been opened: slots are immutable once written, so a slot's (iv, ct) opens the same way every time. */
export class OpenCache {
  readonly #values = new Map<string, unknown>()

  async open(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
    const id = `${aad}\u0000${sealed.iv}\u0000${sealed.ct.length}\u0000${sealed.ct.slice(0, 32)}`
    if (this.#values.has(id)) return this.#values.get(id)
    const value = await openJson(key, sealed, aad)
    if (this.#values.size > 5_000) this.#values.clear()
    this.#values.set(id, value)
    return value
  }
}

/** Opens a request and its events with its key; undefined when the request itself does not open. */
export async function openRequest(doc: Y.Doc, requestId: string, key: CryptoKey, cache: OpenCache): Promise<OpenedRequest | undefined> {
  const raw = readRawRequest(doc, requestId)
  if (!raw) return undefined
  const payload = parsePayload(await cache.open(key, raw.sealed, requestAad(requestId)))
  if (!payload) return undefined
  const details: string[] = []
  const claims: Claim[] = []
  const picks: Pick[] = []
  let cancelled = false
  let rejected: OpenedRequest['rejected']
  let opened = 0
  for (const event of readRawEvents(doc, requestId)) {
    if (opened >= MAX_EVENTS_PER_REQUEST) break
    const value = await cache.open(key, event.sealed, eventAad(event.slot))
    if (!isRecord(value)) continue
    opened += 1
    if (value.k === 'detail') {
      const text = boundedString(value.text, MAX_DETAIL_CHARS)
      if (text !== undefined && text.trim() !== '') details.push(text)
    } else if (value.k === 'cancel') cancelled = true
    else if (value.k === 'reject') rejected = { spam: value.spam === true, repName: boundedString(value.repName, MAX_NAME_CHARS) ?? '' }
    else if (value.k === 'claim') {
      const claim = parseClaim(value)
      if (claim) claims.push(claim)
    } else if (value.k === 'pick') {
      const pick = parsePick(value)
      if (pick) picks.push(pick)
    }
  }
  return { raw, payload, details, claims, pick: firstPick(picks), cancelled, rejected, closed: isClosed(doc, requestId) }
}

/** Event bodies either end may write. */
export type EventBody =
  | { k: 'detail'; text: string; at: number }
  | { k: 'cancel'; at: number }
  | { k: 'reject'; spam: boolean; repName: string; at: number }
  | ({ k: 'claim' } & Claim)
  | ({ k: 'pick' } & Pick)

/** Seals and writes one event of a request; returns its slot. Event ids sort by time, so details keep their order. */
export async function writeEvent(doc: Y.Doc, requestId: string, key: CryptoKey, body: EventBody): Promise<string> {
  const eventId = `${Date.now().toString(36).padStart(9, '0')}-${randomId()}`
  const slot = `${requestId}:${eventId}`
  const sealed = await sealJson(key, body, eventAad(slot))
  return writeRawEvent(doc, requestId, eventId, sealed)
}

/** When a request was submitted, bounded for display (a clock ahead counts as now). */
export function submittedAt(raw: RawRequest, now: number): number {
  return Math.min(timestamp(raw.at) ?? now, now)
}
