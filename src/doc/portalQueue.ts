/**
 * The public queue doc of a team portal (room kind `queue`, joined by the portal's customers and the
 * team's reps). Anyone with the portal link can join, so every value is untrusted and bounded here:
 * - `info`: the portal's facts (name, greeting, hours, language, fields), signed with the portal's
 *   signing key (a rep's client writes it; the customer page shows it only when the signature verifies);
 * - `requests`: requestId → `{ pub, at, iv, ct }` — the request's own public key, its submit time and
 *   the sealed request (src/net/portalSeal.ts);
 * - `events`: `<requestId>:<eventId>` → `{ iv, ct }` — sealed details, cancel, reps' claims (the join
 *   link), the customer's pick, a rep's reject;
 * - `closed`: requestId → time: a request out of the queue (taken, cancelled, rejected), in clear so
 *   customers can count their place.
 * Which requests count (the queue's caps) and which claim wins (the take rule) are pure functions below,
 * so every peer computes the same answer.
 */
import type * as Y from 'yjs'
import { boundedString, idString, isRecord, timestamp } from './guards'
import { LOCAL, MAX_ID_CHARS } from './schema'

/** Most waiting requests a portal shows; a customer beyond it is told the queue is full. */
export const MAX_WAITING_REQUESTS = 30
/** Most waiting requests one writer (a Yjs client) counts for: a flood from one peer takes this many places. */
export const MAX_WAITING_PER_WRITER = 2
/** Largest sealed request (base64url characters): name, problem, optional fields, system facts. */
export const MAX_REQUEST_CT_CHARS = 12_000
/** Largest sealed event. */
export const MAX_EVENT_CT_CHARS = 4_000
/** Most events opened per request (details, claims, pick, cancel…); later ones are ignored. */
export const MAX_EVENTS_PER_REQUEST = 32
/** Most stored events looked at per request (junk that does not open is skipped, up to this many). */
export const MAX_RAW_EVENTS_PER_REQUEST = 200
/** Most details a customer adds while waiting. */
export const MAX_DETAILS = 10
/** A request older than this is dropped from the queue (and pruned by reps). */
export const REQUEST_TTL_MS = 24 * 60 * 60_000
/** Closed requests and their events are pruned this long after closing. */
export const CLOSED_TTL_MS = 10 * 60_000
const MAX_SEALED_IV_CHARS = 16
const MAX_PUBLIC_CHARS = 100
const MAX_SIGNATURE_CHARS = 200
const MAX_FACTS_CHARS = 2_000

/** What the customer typed, sealed in the request (`fields`: a portal's optional intake fields by name). */
export interface RequestPayload {
  name: string
  problem: string
  fields: Partial<Record<'email' | 'phone' | 'order', string>>
  /** System facts, only with the customer's consent. */
  system: Record<string, string>
}

/** A sealed payload as it sits in the doc. */
export interface SealedRecord {
  iv: string
  ct: string
}

/** A request as stored (still sealed). */
export interface RawRequest {
  requestId: string
  /** The request's ECDH public key (base64url raw). */
  pub: string
  /** Submit time on the customer's clock. */
  at: number
  sealed: SealedRecord
  /** The Yjs client that wrote it (for the per-writer cap). */
  writer: number
}

/** An event as stored (still sealed). */
export interface RawEvent {
  requestId: string
  slot: string
  sealed: SealedRecord
}

function requestsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('requests')
}
function eventsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('events')
}
function closedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('closed')
}
function infoMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('info')
}

/** The Yjs client id that wrote a map entry (Yjs keeps it on the entry's item). */
function writerOf(map: Y.Map<unknown>, key: string): number {
  const internal = map as unknown as { _map: Map<string, { id: { client: number } }> }
  return internal._map.get(key)?.id.client ?? -1
}

function parseSealed(raw: unknown, maxCt: number): SealedRecord | undefined {
  if (!isRecord(raw)) return undefined
  const iv = idString(raw.iv, MAX_SEALED_IV_CHARS)
  const ct = idString(raw.ct, maxCt)
  return iv && ct ? { iv, ct } : undefined
}

/** Every well-formed request, open or closed. */
export function readRawRequests(doc: Y.Doc): RawRequest[] {
  const map = requestsMap(doc)
  const out: RawRequest[] = []
  map.forEach((raw, id) => {
    const request = parseRawRequest(map, id, raw)
    if (request) out.push(request)
  })
  return out
}

function parseRawRequest(map: Y.Map<unknown>, id: string, raw: unknown): RawRequest | undefined {
  const requestId = idString(id, MAX_ID_CHARS)
  if (!requestId || !isRecord(raw)) return undefined
  const pub = idString(raw.pub, MAX_PUBLIC_CHARS)
  const at = timestamp(raw.at)
  const sealed = parseSealed(raw, MAX_REQUEST_CT_CHARS)
  return pub && at !== undefined && sealed ? { requestId, pub, at, sealed, writer: writerOf(map, id) } : undefined
}

/** One request, open or closed. */
export function readRawRequest(doc: Y.Doc, requestId: string): RawRequest | undefined {
  const map = requestsMap(doc)
  return parseRawRequest(map, requestId, map.get(requestId))
}

/** Whether a request is out of the queue. */
export function isClosed(doc: Y.Doc, requestId: string): boolean {
  return timestamp(closedMap(doc).get(requestId)) !== undefined
}

/** Queue order: submit time, then id (every peer sorts the same way). */
export function queueOrder(a: { at: number; requestId: string }, b: { at: number; requestId: string }): number {
  return a.at - b.at || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0)
}

/**
 * The waiting requests that count, in queue order: open, not expired, at most MAX_WAITING_PER_WRITER
 * per writer and MAX_WAITING_REQUESTS in all. `ignored` writers (marked spam by a rep) count for none.
 */
export function admittedRequests(doc: Y.Doc, now: number, ignored: ReadonlySet<number> = new Set()): RawRequest[] {
  const open = readRawRequests(doc)
    .filter((request) => !isClosed(doc, request.requestId) && now - request.at < REQUEST_TTL_MS && !ignored.has(request.writer))
    .sort(queueOrder)
  const perWriter = new Map<number, number>()
  const out: RawRequest[] = []
  for (const request of open) {
    const count = perWriter.get(request.writer) ?? 0
    if (count >= MAX_WAITING_PER_WRITER) continue
    perWriter.set(request.writer, count + 1)
    out.push(request)
    if (out.length >= MAX_WAITING_REQUESTS) break
  }
  return out
}

/** Writes a request (the customer's page). */
export function writeRawRequest(doc: Y.Doc, request: Omit<RawRequest, 'writer'>): void {
  doc.transact(() => requestsMap(doc).set(request.requestId, { pub: request.pub, at: request.at, iv: request.sealed.iv, ct: request.sealed.ct }), LOCAL)
}

/** Writes one sealed event of a request. */
export function writeRawEvent(doc: Y.Doc, requestId: string, eventId: string, sealed: SealedRecord): string {
  const slot = `${requestId}:${eventId}`
  doc.transact(() => eventsMap(doc).set(slot, { iv: sealed.iv, ct: sealed.ct }), LOCAL)
  return slot
}

/** The sealed events of a request, in slot order, at most MAX_RAW_EVENTS_PER_REQUEST. */
export function readRawEvents(doc: Y.Doc, requestId: string): RawEvent[] {
  const prefix = `${requestId}:`
  const out: RawEvent[] = []
  eventsMap(doc).forEach((raw, slot) => {
    if (!slot.startsWith(prefix) || !idString(slot, MAX_ID_CHARS * 2 + 1)) return
    const sealed = parseSealed(raw, MAX_EVENT_CT_CHARS)
    if (sealed) out.push({ requestId, slot, sealed })
  })
  return out.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0)).slice(0, MAX_RAW_EVENTS_PER_REQUEST)
}

/** Marks a request out of the queue (idempotent). */
export function closeRequest(doc: Y.Doc, requestId: string, now: number): void {
  if (!isClosed(doc, requestId)) doc.transact(() => closedMap(doc).set(requestId, now), LOCAL)
}

/** Takes a `closed` mark back (the customer's page, when a peer closed its waiting request). */
export function reopenRequest(doc: Y.Doc, requestId: string): void {
  if (closedMap(doc).has(requestId)) doc.transact(() => closedMap(doc).delete(requestId), LOCAL)
}

/**
 * Removes closed requests older than CLOSED_TTL_MS and requests older than REQUEST_TTL_MS, with their events.
 * `done` confirms a closed request really ended (its sealed events say picked, cancelled or rejected): the
 * `closed` mark is in clear, so any peer can set it, and must not make a rep delete a waiting request.
 */
export function pruneQueue(doc: Y.Doc, now: number, done: (requestId: string) => boolean = () => true): number {
  const gone: string[] = []
  requestsMap(doc).forEach((raw, id) => {
    const closedAt = timestamp(closedMap(doc).get(id))
    const at = isRecord(raw) ? timestamp(raw.at) : undefined
    if (at === undefined || now - at > REQUEST_TTL_MS || (closedAt !== undefined && now - closedAt > CLOSED_TTL_MS && done(id))) gone.push(id)
  })
  if (gone.length === 0) return 0
  doc.transact(() => {
    const set = new Set(gone)
    for (const id of gone) {
      requestsMap(doc).delete(id)
      closedMap(doc).delete(id)
    }
    for (const slot of [...eventsMap(doc).keys()]) if (set.has(slot.split(':', 1)[0] ?? '')) eventsMap(doc).delete(slot)
  }, LOCAL)
  return gone.length
}

/** The portal's facts and their signature as the public room holds them. */
export interface SignedFacts {
  facts: string
  signature: string
}

/** Writes the signed facts (a rep's client; only when they differ). */
export function writeSignedFacts(doc: Y.Doc, signed: SignedFacts): void {
  const current = readSignedFacts(doc)
  if (current?.facts === signed.facts && current.signature === signed.signature) return
  doc.transact(() => {
    infoMap(doc).set('facts', signed.facts)
    infoMap(doc).set('signature', signed.signature)
  }, LOCAL)
}

/** The signed facts, unverified. */
export function readSignedFacts(doc: Y.Doc): SignedFacts | undefined {
  const facts = boundedString(infoMap(doc).get('facts'), MAX_FACTS_CHARS)
  const signature = idString(infoMap(doc).get('signature'), MAX_SIGNATURE_CHARS)
  return facts && signature ? { facts, signature } : undefined
}

// ---------------------------------------------------------------------------
// The take rule

/** A rep's claim on a request (sealed in an event): who, when, and the session's join link for the customer. */
export interface Claim {
  repId: string
  repName: string
  /** The rep's clock when Take was pressed. */
  at: number
  link: { sessionId: string; key: string; authority?: string }
}

/** The customer's pick: the claim it accepted (final once written). */
export interface Pick {
  repId: string
  repName: string
  sessionId: string
  at: number
}

/**
 * A claim's time for the rule: never earlier than the request's submit time. This bounds a rep's clock
 * running behind: such a claim cannot reach back before the request existed and jump ahead of a claim
 * made in real time; ties at that bound are broken by rep id.
 */
export function effectiveClaimTime(claim: Claim, requestAt: number): number {
  return Math.max(claim.at, requestAt)
}

/** Compares two strings by code unit. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Total order of claims: effective time, then rep id, then session id; claims equal in those (a rep's two claims of
 * one session, both bounded to the request time) go by their own time, then by the rest of what they hold, so no
 * two different claims tie and every order of arrival gives the same winner.
 */
export function claimOrder(a: Claim, b: Claim, requestAt: number): number {
  return (
    effectiveClaimTime(a, requestAt) - effectiveClaimTime(b, requestAt) ||
    byText(a.repId, b.repId) ||
    byText(a.link.sessionId, b.link.sessionId) ||
    a.at - b.at ||
    byText(a.repName, b.repName) ||
    byText(a.link.key, b.link.key) ||
    byText(a.link.authority ?? '', b.link.authority ?? '')
  )
}

/** The winning claim by the rule (smallest in `claimOrder`), whatever order the claims arrived in. */
export function ruleWinner(claims: readonly Claim[], requestAt: number): Claim | undefined {
  let best: Claim | undefined
  for (const claim of claims) if (!best || claimOrder(claim, best, requestAt) < 0) best = claim
  return best
}

/** The first pick (by time, then rep id): a customer picks once; a duplicate cannot change who was picked first. */
export function firstPick(picks: readonly Pick[]): Pick | undefined {
  let best: Pick | undefined
  for (const pick of picks) {
    if (!best || pick.at < best.at || (pick.at === best.at && pick.repId < best.repId)) best = pick
  }
  return best
}

/** Parses a decrypted claim. */
export function parseClaim(value: unknown): Claim | undefined {
  if (!isRecord(value) || value.k !== 'claim' || !isRecord(value.link)) return undefined
  const repId = idString(value.repId, MAX_ID_CHARS)
  const repName = boundedString(value.repName, 80)
  const at = timestamp(value.at)
  const sessionId = idString(value.link.sessionId, MAX_ID_CHARS)
  const key = idString(value.link.key, 64)
  const authority = value.link.authority === undefined ? undefined : idString(value.link.authority, MAX_PUBLIC_CHARS)
  if (!repId || repName === undefined || at === undefined || !sessionId || !key || (value.link.authority !== undefined && !authority)) return undefined
  return { repId, repName, at, link: { sessionId, key, ...(authority ? { authority } : {}) } }
}

/** Parses a decrypted pick. */
export function parsePick(value: unknown): Pick | undefined {
  if (!isRecord(value) || value.k !== 'pick') return undefined
  const repId = idString(value.repId, MAX_ID_CHARS)
  const repName = boundedString(value.repName, 80)
  const sessionId = idString(value.sessionId, MAX_ID_CHARS)
  const at = timestamp(value.at)
  return repId && repName !== undefined && sessionId && at !== undefined ? { repId, repName, sessionId, at } : undefined
}
