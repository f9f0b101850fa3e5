/**
 * Screen-sharing requests in the customer doc (`requests` Y.Map): a visible
 * rep asks, the customer's client answers by moving the record's state. Any
 * peer of the room can write here, so every record is validated on read.
 */
import type * as Y from 'yjs'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { parseSignature } from './signatures'

/** Name of the shared map (customer doc only). */
export const REQUESTS = 'requests'

/** Where a screen request stands. */
export const SCREEN_STATES = ['pending', 'sharing', 'declined', 'stopped'] as const
export type ScreenState = (typeof SCREEN_STATES)[number]

/** A validated screen-sharing request. */
export interface ScreenRequest {
  id: string
  repId: string
  repName: string
  at: number
  state: ScreenState
  /** The session authority's signature over `screenRequestBytes` (base64url): a rep of this session asked. */
  signature?: string
}

/** The `requests` map of a customer doc. */
export function requestsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REQUESTS)
}

/** Validates one stored request (untrusted input); undefined when it does not fit. */
export function parseScreenRequest(id: string, raw: unknown): ScreenRequest | undefined {
  if (!idString(id, MAX_ID_CHARS) || !isRecord(raw) || raw.kind !== 'screen') return undefined
  const repId = idString(raw.repId, MAX_ID_CHARS)
  const repName = boundedString(raw.repName, MAX_NAME_CHARS)
  const at = timestamp(raw.at)
  const state = oneOf(raw.state, SCREEN_STATES)
  if (!repId || repName === undefined || at === undefined || !state) return undefined
  const signature = parseSignature(raw.signature)
  return { id, repId, repName, at, state, ...(signature ? { signature } : {}) }
}

/**
 * The bytes the session authority signs for a screen request: UTF-8 of the JSON array
 * `["asiste/screen/v1", sessionId, id, repId, repName, at]` — who asked and when, not the state the customer moves.
 */
export function screenRequestBytes(sessionId: string, request: Pick<ScreenRequest, 'id' | 'repId' | 'repName' | 'at'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['asiste/screen/v1', sessionId, request.id, request.repId, request.repName, request.at]))
}

/** Every valid screen request. */
export function readScreenRequests(doc: Y.Doc): ScreenRequest[] {
  const found: ScreenRequest[] = []
  requestsMap(doc).forEach((raw, id) => {
    const request = parseScreenRequest(id, raw)
    if (request) found.push(request)
  })
  return found
}

/** The newest screen request (by time, then id) that `counts` accepts (all by default), or undefined. */
export function latestScreenRequest(doc: Y.Doc, counts: (request: ScreenRequest) => boolean = () => true): ScreenRequest | undefined {
  return newestScreenRequest(readScreenRequests(doc), counts)
}

/** The newest of `list` (by time, then id) that `counts` accepts. */
export function newestScreenRequest(list: readonly ScreenRequest[], counts: (request: ScreenRequest) => boolean = () => true): ScreenRequest | undefined {
  let latest: ScreenRequest | undefined
  for (const request of list) {
    if (counts(request) && (!latest || request.at > latest.at || (request.at === latest.at && request.id > latest.id))) latest = request
  }
  return latest
}

/** A rep asks the customer to share their screen. */
export function requestScreen(doc: Y.Doc, id: string, rep: { repId: string; repName: string }, at = Date.now(), signature?: string): void {
  doc.transact(() => requestsMap(doc).set(id, { kind: 'screen', repId: rep.repId, repName: rep.repName, at, state: 'pending', ...(signature ? { signature } : {}) }), LOCAL)
}

/** Moves a request to `state` (the customer's answer, or the end of sharing). */
export function setScreenState(doc: Y.Doc, request: ScreenRequest, state: ScreenState): void {
  const signature = request.signature ? { signature: request.signature } : {}
  doc.transact(() => requestsMap(doc).set(request.id, { kind: 'screen', repId: request.repId, repName: request.repName, at: request.at, state, ...signature }), LOCAL)
}
