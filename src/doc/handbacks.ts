/**
 * Hand a session back to the team's queue (issue 22, "transfer to a portal queue"), in the team doc (reps
 * only): the handing rep writes a handback; any team mate presses Take, which writes a claim; the handing
 * rep's client picks one claim by the same rule as portal takes — earliest claim time, never before the
 * handback, then rep id — and addresses an ordinary transfer invitation to the winner, whose client accepts
 * it by itself. The existing transfer then runs (the handing rep leaves once it is accepted).
 */
import type * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'
import { MAX_COMMENT_CHARS } from './invitations'

/** The Transfer dialog's value for "the team's queue" (never a rep id: ids have no `*`). */
export const HANDBACK_TARGET = '*queue'

/** Where a handback stands. */
export const HANDBACK_STATES = ['waiting', 'taken'] as const

/** A session handed back to the team. */
export interface Handback {
  id: string
  sessionId: string
  customerName: string
  fromId: string
  fromName: string
  comment: string
  at: number
  state: (typeof HANDBACK_STATES)[number]
  /** The picked rep, once taken. */
  takenBy?: { repId: string; repName: string }
}

/** A team mate's Take of a handback. */
export interface HandbackClaim {
  repId: string
  repName: string
  at: number
}

const HANDBACKS = 'handbacks'
const CLAIMS = 'handbackClaims'

function handbacksMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(HANDBACKS)
}

/** The names of the team doc maps this module writes (for observers). */
export const HANDBACK_MAPS = [HANDBACKS, CLAIMS] as const

function parseHandback(id: unknown, raw: unknown): Handback | undefined {
  const validId = idString(id, MAX_ID_CHARS)
  if (!validId || !isRecord(raw)) return undefined
  const sessionId = idString(raw.sessionId, MAX_ID_CHARS)
  const customerName = boundedString(raw.customerName, MAX_NAME_CHARS)
  const fromId = idString(raw.fromId, MAX_ID_CHARS)
  const fromName = boundedString(raw.fromName, MAX_NAME_CHARS)
  const comment = boundedString(raw.comment, MAX_COMMENT_CHARS)
  const at = timestamp(raw.at)
  const state = oneOf(raw.state, HANDBACK_STATES)
  if (!sessionId || customerName === undefined || !fromId || fromName === undefined || comment === undefined || at === undefined || !state) return undefined
  const taken = isRecord(raw.takenBy) ? { repId: idString(raw.takenBy.repId, MAX_ID_CHARS), repName: boundedString(raw.takenBy.repName, MAX_NAME_CHARS) } : undefined
  return { id: validId, sessionId, customerName, fromId, fromName, comment, at, state, ...(taken?.repId && taken.repName !== undefined ? { takenBy: { repId: taken.repId, repName: taken.repName } } : {}) }
}

/** Writes a new handback. */
export function putHandback(doc: Y.Doc, handback: Handback): void {
  const { id, ...value } = handback
  doc.transact(() => handbacksMap(doc).set(id, { ...value, ...(value.takenBy ? { takenBy: { ...value.takenBy } } : {}) }), LOCAL)
}

/** Every valid handback, oldest first. */
export function readHandbacks(doc: Y.Doc): Handback[] {
  const out: Handback[] = []
  handbacksMap(doc).forEach((raw, id) => {
    const handback = parseHandback(id, raw)
    if (handback) out.push(handback)
  })
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}

/** Marks a handback taken by `winner` (the handing rep's client). */
export function markHandbackTaken(doc: Y.Doc, handback: Handback, winner: HandbackClaim): void {
  putHandback(doc, { ...handback, state: 'taken', takenBy: { repId: winner.repId, repName: winner.repName } })
}

/** Writes this rep's claim on a handback. */
export function putHandbackClaim(doc: Y.Doc, handbackId: string, claim: HandbackClaim): void {
  doc.transact(() => doc.getMap<unknown>(CLAIMS).set(`${handbackId}:${claim.repId}`, { ...claim }), LOCAL)
}

/** The claims on a handback. */
export function readHandbackClaims(doc: Y.Doc, handbackId: string): HandbackClaim[] {
  const out: HandbackClaim[] = []
  const prefix = `${handbackId}:`
  doc.getMap<unknown>(CLAIMS).forEach((raw, key) => {
    if (!key.startsWith(prefix) || !isRecord(raw)) return
    const repId = idString(raw.repId, MAX_ID_CHARS)
    const repName = boundedString(raw.repName, MAX_NAME_CHARS)
    const at = timestamp(raw.at)
    if (repId && repName !== undefined && at !== undefined && key === `${prefix}${repId}`) out.push({ repId, repName, at })
  })
  return out
}

/** The winning claim: earliest (claim time, never before the handback), then rep id — whatever order they arrived in. */
export function handbackWinner(claims: readonly HandbackClaim[], handbackAt: number): HandbackClaim | undefined {
  let best: HandbackClaim | undefined
  for (const claim of claims) {
    if (!best) {
      best = claim
      continue
    }
    const byTime = Math.max(claim.at, handbackAt) - Math.max(best.at, handbackAt)
    if (byTime < 0 || (byTime === 0 && claim.repId < best.repId)) best = claim
  }
  return best
}
