/**
 * The team doc: the rep directory and the index of the team's sessions, so a
 * rep's devices (and later team mates) can list and reopen every session.
 */
import * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS, ROOT, SCHEMA_VERSION } from './schema'

/** Lifecycle of a session in the index. */
export const SESSION_STATES = ['waiting', 'active', 'ended'] as const
export type SessionState = (typeof SESSION_STATES)[number]

/** One row of the team's session index. */
export interface SessionSummary {
  sessionId: string
  createdAt: number
  /** Empty until the customer has joined. */
  customerName: string
  state: SessionState
  lastActivity: number
  /** Reps taking part (ids); a rep's console opens the sessions that list it. */
  reps: string[]
}

/** Most rep ids kept per session row (a session holds at most 8 reps; transfers add a few). */
const MAX_REPS_LISTED = 32

/** A rep of the team. */
export interface TeamRep {
  repId: string
  name: string
}

/** The session index map. */
export function sessionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.sessions)
}

/** Sets up a new team doc. */
export function initTeamDoc(doc: Y.Doc, teamId: string, name: string): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(ROOT.meta)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('kind', 'team')
    meta.set('teamId', teamId)
    meta.set('name', name)
  }, LOCAL)
}

/** Adds or updates a rep in the directory. */
export function putRep(doc: Y.Doc, rep: TeamRep): void {
  doc.transact(() => doc.getMap<unknown>(ROOT.reps).set(rep.repId, { name: rep.name }), LOCAL)
}

/** Reads the rep directory. */
export function readReps(doc: Y.Doc): TeamRep[] {
  const out: TeamRep[] = []
  doc.getMap<unknown>(ROOT.reps).forEach((raw, id) => {
    const repId = idString(id, MAX_ID_CHARS)
    const name = isRecord(raw) ? boundedString(raw.name, MAX_NAME_CHARS) : undefined
    if (repId && name !== undefined) out.push({ repId, name })
  })
  return out
}

/** Adds or updates a session row. */
export function putSessionSummary(doc: Y.Doc, summary: SessionSummary): void {
  const { sessionId, ...row } = summary
  doc.transact(() => sessionsMap(doc).set(sessionId, row), LOCAL)
}

/** Updates some fields of an existing row (no-op when the row is missing or unchanged). */
export function updateSessionSummary(doc: Y.Doc, sessionId: string, change: Partial<Omit<SessionSummary, 'sessionId'>>): void {
  const current = readSessionSummary(doc, sessionId)
  if (!current) return
  const next = { ...current, ...change }
  if (JSON.stringify(next) !== JSON.stringify(current)) putSessionSummary(doc, next)
}

/** Parses one session row. */
export function parseSessionSummary(id: unknown, raw: unknown): SessionSummary | undefined {
  const sessionId = idString(id, MAX_ID_CHARS)
  if (!sessionId || !isRecord(raw)) return undefined
  const createdAt = timestamp(raw.createdAt)
  const customerName = boundedString(raw.customerName, MAX_NAME_CHARS)
  const state = oneOf(raw.state, SESSION_STATES)
  const lastActivity = timestamp(raw.lastActivity)
  if (createdAt === undefined || customerName === undefined || !state || lastActivity === undefined) return undefined
  const reps = Array.isArray(raw.reps) ? raw.reps.flatMap((rep) => idString(rep, MAX_ID_CHARS) ?? []).slice(0, MAX_REPS_LISTED) : []
  return { sessionId, createdAt, customerName, state, lastActivity, reps }
}

/** Reads one session row. */
export function readSessionSummary(doc: Y.Doc, sessionId: string): SessionSummary | undefined {
  return parseSessionSummary(sessionId, sessionsMap(doc).get(sessionId))
}

/** Every valid session row, newest first. */
export function readSessionIndex(doc: Y.Doc): SessionSummary[] {
  const out: SessionSummary[] = []
  sessionsMap(doc).forEach((raw, id) => {
    const row = parseSessionSummary(id, raw)
    if (row) out.push(row)
  })
  return out.sort((a, b) => b.createdAt - a.createdAt || (a.sessionId < b.sessionId ? -1 : 1))
}

/** Removes a session row (a Take that lost: its session never started). */
export function removeSessionSummary(doc: Y.Doc, sessionId: string): void {
  if (sessionsMap(doc).has(sessionId)) doc.transact(() => sessionsMap(doc).delete(sessionId), LOCAL)
}
