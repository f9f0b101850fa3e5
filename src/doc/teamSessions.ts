/**
 * The team's session index, one document per UTC day (issue 20): a team doc
 * that held every session ever started grew by ~150 bytes a row for good, and
 * deleting rows from one `Y.Map` leaves tombstones that grow almost as fast.
 * New rows go to today's document only; when a day starts, the rows still
 * open are copied forward (by whichever rep gets there first: the copy is
 * idempotent and a monotone merge, so concurrent copies agree), and older days
 * are opened only when History asks. Rows use the same shape and root as the
 * legacy `sessions` map of the team doc (src/doc/team.ts).
 */
import type * as Y from 'yjs'
import { parseSessionSummary, putSessionSummary, readSessionIndex, readSessionSummary, sessionsMap, type SessionSummary, type SessionState } from './team'
import { LOCAL, ROOT, SCHEMA_VERSION } from './schema'

/** A UTC day, `YYYY-MM-DD`. */
export type SessionDay = string

const DAY_MS = 86_400_000

/** The UTC day of a timestamp. */
export function sessionDay(at: number): SessionDay {
  return new Date(at).toISOString().slice(0, 10)
}

/** The day before `day`. */
export function previousDay(day: SessionDay): SessionDay {
  return sessionDay(Date.parse(`${day}T00:00:00Z`) - DAY_MS)
}

/** Milliseconds from `at` to the next UTC midnight. */
export function msUntilNextDay(at: number): number {
  return DAY_MS - (at % DAY_MS)
}

/** Whether `text` is a day this module writes (what a peer or a record may hand us is checked). */
export function isSessionDay(text: unknown): text is SessionDay {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && sessionDay(Date.parse(`${text}T00:00:00Z`)) === text
}

/** The id of a team's day document: its room (`<teamId>:s<day>`) and its local database. */
export function sessionPeriodId(teamId: string, day: SessionDay): string {
  return `${teamId}:s${day}`
}

/** Marks a day document as what it is (kept when already set: every rep writes the same values). */
export function initSessionDay(doc: Y.Doc, teamId: string, day: SessionDay): void {
  const meta = doc.getMap<unknown>(ROOT.meta)
  if (meta.get('kind') === 'teamSessions') return
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('kind', 'teamSessions')
    meta.set('teamId', teamId)
    meta.set('day', day)
  }, LOCAL)
}

const STATE_RANK: Record<SessionState, number> = { waiting: 0, active: 1, ended: 2 }

/**
 * Whether `next` is a later version of the same session than `current`: further in its life, or as far
 * and active later. A merge that keeps the later one is order-independent, so two reps carrying the
 * same row (or one carrying it twice) end with the same index.
 */
export function isLaterRow(next: SessionSummary, current: SessionSummary): boolean {
  const rank = STATE_RANK[next.state] - STATE_RANK[current.state]
  return rank > 0 || (rank === 0 && next.lastActivity > current.lastActivity)
}

/**
 * Copies into `to` the rows of `from` that `to` should hold: every open row it lacks, and every row
 * it has that `from` holds a later version of (a rep still writing yesterday's document during the
 * grace period). Ended rows it lacks stay where they are, and so do open rows idle since before
 * `activeSince` (a session nobody ended would otherwise be copied into every day for good). Returns
 * how many rows were written; a second call writes none.
 */
export function carryOpenRows(from: Y.Doc, to: Y.Doc, activeSince = -Infinity): number {
  const writes: SessionSummary[] = []
  sessionsMap(from).forEach((raw, id) => {
    const row = parseSessionSummary(id, raw)
    if (!row) return
    const current = readSessionSummary(to, row.sessionId)
    if (current ? isLaterRow(row, current) : row.state !== 'ended' && row.lastActivity >= activeSince) writes.push(row)
  })
  if (writes.length > 0) to.transact(() => writes.forEach((row) => putSessionSummary(to, row)), LOCAL)
  return writes.length
}

/** Every row of the given day documents, one per session (its latest version), newest first. */
export function readSessionRows(docs: Y.Doc[]): SessionSummary[] {
  const rows = new Map<string, SessionSummary>()
  for (const doc of docs) {
    for (const row of readSessionIndex(doc)) {
      const seen = rows.get(row.sessionId)
      if (!seen || isLaterRow(row, seen)) rows.set(row.sessionId, row)
    }
  }
  return [...rows.values()].sort((a, b) => b.createdAt - a.createdAt || (a.sessionId < b.sessionId ? -1 : 1))
}
