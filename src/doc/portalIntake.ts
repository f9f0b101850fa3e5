/**
 * Intakes that come in through a session code wait in the portal doc for a
 * rep's answer (docs/SCHEMA.md, "Portal doc"). Anyone who types the code can
 * write there, so the portal doc never holds the join link in the clear:
 * - `offer.open` — written by the session's reps' clients while the code can be used;
 * - `intakes` — one per customer page that typed the code: name, request,
 *   system facts (with consent), the device's signing key and an ECDH key to
 *   seal the answer to;
 * - `answers` — the rep's answer per intake: `accepted` with the join link
 *   sealed to that intake's key, `rejected`, or `closed` (another intake was
 *   accepted).
 * Everything read here came from a peer: it is validated, never cast.
 */
import type * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { parsePoint, parseSealed, type PublicPoint, type Sealed } from './credentialRequests'
import { parsePublicKey } from './signatures'
import { stringRecord } from './session'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_REQUEST_CHARS, MAX_SYSTEM_VALUE_CHARS } from './schema'

/** Most waiting intakes a rep is shown: a few people on one code is plausible, a page of them is a flood. */
export const MAX_PORTAL_INTAKES = 8
const MAX_SYSTEM_KEYS = 24

/** An intake waiting in the portal doc. */
export interface PortalIntake {
  id: string
  customerId: string
  customerName: string
  request: string
  system: Record<string, string>
  /** The customer device's signing key for the session (base64url raw public key). */
  publicKey: string
  /** Where the join link is sealed to (ECDH P-256). */
  sealKey: PublicPoint
  at: number
}

/** How a rep answered an intake. */
export const PORTAL_ANSWERS = ['accepted', 'rejected', 'closed'] as const
export type PortalAnswerState = (typeof PORTAL_ANSWERS)[number]

/** A rep's answer to one intake. */
export interface PortalAnswer {
  state: PortalAnswerState
  /** Accepted only: the join link `{ sessionId, key, authority }` (JSON) sealed to the intake's `sealKey`, the intake id as context. */
  sealed?: Sealed
}

const offerMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('offer')
const intakesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('intakes')
const answersMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('answers')

/** Opens (or closes) the code for intakes (rep side). */
export function setPortalOpen(doc: Y.Doc, open: boolean): void {
  doc.transact(() => (open ? offerMap(doc).set('open', true) : offerMap(doc).delete('open')), LOCAL)
}

/** Whether a rep's client says the code can be used. */
export function isPortalOpen(doc: Y.Doc): boolean {
  return offerMap(doc).get('open') === true
}

/** Writes this page's intake (customer side). */
export function writePortalIntake(doc: Y.Doc, intake: PortalIntake): void {
  const { id, ...stored } = intake
  doc.transact(() => intakesMap(doc).set(id, { ...stored, system: { ...stored.system } }), LOCAL)
}

/** Validates one stored intake (untrusted input). */
export function parsePortalIntake(id: string, raw: unknown): PortalIntake | undefined {
  if (!idString(id, MAX_ID_CHARS) || !isRecord(raw)) return undefined
  const customerId = idString(raw.customerId, MAX_ID_CHARS)
  const customerName = boundedString(raw.customerName, MAX_NAME_CHARS)
  const request = boundedString(raw.request, MAX_REQUEST_CHARS) ?? ''
  const publicKey = parsePublicKey(raw.publicKey)
  const sealKey = parsePoint(raw.sealKey)
  const at = timestamp(raw.at)
  if (!customerId || !customerName?.trim() || !publicKey || !sealKey || at === undefined) return undefined
  return { id, customerId, customerName, request, system: stringRecord(raw.system, MAX_SYSTEM_KEYS, MAX_SYSTEM_VALUE_CHARS), publicKey, sealKey, at }
}

/**
 * The intakes with no answer yet, oldest first (by `at`, then id: the same on every rep's client), at most
 * `MAX_PORTAL_INTAKES`; `ignored` counts the valid ones past that.
 */
export function readWaitingIntakes(doc: Y.Doc): { intakes: PortalIntake[]; ignored: number } {
  const answers = answersMap(doc)
  const waiting: PortalIntake[] = []
  intakesMap(doc).forEach((raw, id) => {
    if (answers.has(id)) return
    const intake = parsePortalIntake(id, raw)
    if (intake) waiting.push(intake)
  })
  waiting.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { intakes: waiting.slice(0, MAX_PORTAL_INTAKES), ignored: Math.max(0, waiting.length - MAX_PORTAL_INTAKES) }
}

/** One intake by id, if valid. */
export function readPortalIntake(doc: Y.Doc, id: string): PortalIntake | undefined {
  return parsePortalIntake(id, intakesMap(doc).get(id))
}

/** Writes a rep's answers (one transaction). */
export function writePortalAnswers(doc: Y.Doc, answers: readonly (PortalAnswer & { id: string })[]): void {
  doc.transact(() => {
    for (const { id, ...answer } of answers) answersMap(doc).set(id, answer.sealed ? { state: answer.state, sealed: answer.sealed } : { state: answer.state })
  }, LOCAL)
}

/** The answer to intake `id`, if any (an accepted answer without valid sealed data is no answer). */
export function readPortalAnswer(doc: Y.Doc, id: string): PortalAnswer | undefined {
  const raw = answersMap(doc).get(id)
  if (!isRecord(raw)) return undefined
  const state = oneOf(raw.state, PORTAL_ANSWERS)
  if (!state) return undefined
  if (state !== 'accepted') return { state }
  const sealed = parseSealed(raw.sealed)
  return sealed ? { state, sealed } : undefined
}

/** Empties the portal doc (peers still in the room receive the deletion; answers stay until the room is left). */
export function clearPortalOffer(doc: Y.Doc): void {
  doc.transact(() => offerMap(doc).delete('open'), LOCAL)
}

/** Calls `listener` on every change of the portal doc's intakes, answers or offer. Returns a stop function. */
export function observePortal(doc: Y.Doc, listener: () => void): () => void {
  const maps = [offerMap(doc), intakesMap(doc), answersMap(doc)]
  for (const map of maps) map.observe(listener)
  return () => maps.forEach((map) => map.unobserve(listener))
}
