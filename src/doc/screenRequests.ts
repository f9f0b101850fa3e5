/**
 * Screen-sharing requests in the customer doc (`requests` Y.Map): a visible
 * rep asks, the customer's client answers by moving the record's state. Any
 * peer of the room can write here, so every record is validated on read.
 */
import type * as Y from 'yjs'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'

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
  return { id, repId, repName, at, state }
}

/** The newest screen request (by time, then id), or undefined. */
export function latestScreenRequest(doc: Y.Doc): ScreenRequest | undefined {
  let latest: ScreenRequest | undefined
  requestsMap(doc).forEach((raw, id) => {
    const request = parseScreenRequest(id, raw)
    if (request && (!latest || request.at > latest.at || (request.at === latest.at && request.id > latest.id))) latest = request
  })
  return latest
}

/** A rep asks the customer to share their screen. */
export function requestScreen(doc: Y.Doc, id: string, rep: { repId: string; repName: string }, at = Date.now()): void {
  doc.transact(() => requestsMap(doc).set(id, { kind: 'screen', repId: rep.repId, repName: rep.repName, at, state: 'pending' }), LOCAL)
}

/** Moves a request to `state` (the customer's answer, or the end of sharing). */
export function setScreenState(doc: Y.Doc, request: ScreenRequest, state: ScreenState): void {
  doc.transact(() => requestsMap(doc).set(request.id, { kind: 'screen', repId: request.repId, repName: request.repName, at: request.at, state }), LOCAL)
}
