/**
 * Team doc growth (issue 20): what every rep device of a team syncs.
 *
 * - **20 sessions × 500 messages**: sessions are created, joined and ended with
 *   the app's own team-index writes, and every message goes through the rep's
 *   real `send` action (`createRepSessionActions`) with the clock moved 10 s per
 *   message, so `lastActivity` is written as the app writes it (at most once per
 *   `ACTIVITY_WRITE_MS`). Side by side: the same run if every message wrote the
 *   row (what the app did before the once-a-minute limit).
 * - **a simulated year, old format**: `TEAM_YEAR_ROWS` closed sessions (default 20,000)
 *   are put in one team-doc map and the size per row is projected to a team of 100
 *   reps doing 3,000 sessions a day for a year; "join" is decoding the encoded doc
 *   into a fresh `Y.Doc` and reading the index, in Node. A second row deletes every
 *   row again (archiving by deletion from the same map) and measures what stays.
 * - **the same year as the app keeps it** (issue 20): 365 days through the app's
 *   own index (`openTeamPeriods`, no network, an in-memory disk, a fake clock):
 *   rows go to per-day documents, open rows are carried at rotation, and the team
 *   doc takes none. The last two days are written in full (what a new device
 *   syncs: today and yesterday in grace); the rest lightly, so the whole year
 *   builds in seconds. Join = decode the team doc and those two days, read the index.
 */
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { answerInvitation, putInvitation } from '../src/doc/invitations'
import { pruneTeamDoc } from '../src/doc/teamRetention'
import { initTeamDoc, putRep, putSessionSummary, readReps, readSessionIndex, sessionsMap, updateSessionSummary, type SessionSummary } from '../src/doc/team'
import { readSessionRows, sessionDay, sessionPeriodId } from '../src/doc/teamSessions'
import { openTeamPeriods, type TeamPeriods, type TeamPeriodsOptions } from '../src/app/console/teamPeriods'
import { createTeamCoordination, type TeamCoordination } from '../src/app/console/coordination'
import type { DocConnection } from '../src/net/connectDoc'
import { docDatabaseName } from '../src/store/persistDoc'
import { ACTIVITY_WRITE_MS, createRepSessionActions } from '../src/app/session/repSessionActions'
import type { RepSession } from '../src/app/session/repSession'
import type { OpenTeam } from '../src/app/console/teamConnection'
import type { RepProfile } from '../src/store/profile'
import { chatText } from './chatEntries'

const SESSIONS = 20
const MESSAGES = 500
const MESSAGE_GAP_MS = 10_000 // one rep line every 10 s: a brisk chat, 83 min per session
const YEAR_SESSIONS = 3_000 * 365 // the team of 100 reps: 3,000 sessions a day, for a year
const YEAR_ROWS = Number(process.env.TEAM_YEAR_ROWS ?? 20_000) // rows actually built; the rest is projected per row
const T0 = 1_700_000_000_000

const bytes = (doc: Y.Doc): number => Y.encodeStateAsUpdate(doc).byteLength

/** Runs 20 sessions of 500 rep messages; returns the team doc's size and how many updates chat caused. */
function chatSessions(everyMessageWrites: boolean): { bytes: number; chatUpdates: number; chatUpdateBytes: number } {
  const teamDoc = new Y.Doc()
  initTeamDoc(teamDoc, 'team-bench', 'Bench team')
  const realNow = Date.now
  let now = T0
  Date.now = () => now
  let chatUpdates = 0
  let chatUpdateBytes = 0
  let chatting = false
  teamDoc.on('update', (update: Uint8Array) => {
    if (!chatting) return
    chatUpdates++
    chatUpdateBytes += update.byteLength
  })
  try {
    const profile = { repId: 'rep-7', name: 'Rafa', teams: [] } as unknown as RepProfile // the send path reads only id and name
    // The actions reach the team only through its session index; the rows land in one doc as in today's day document.
    const team = { doc: teamDoc, sessions: { update: (id: string, change: Partial<SessionSummary>) => updateSessionSummary(teamDoc, id, change) } } as unknown as OpenTeam
    for (let s = 0; s < SESSIONS; s++) {
      const sessionId = `session-${s}`
      putSessionSummary(teamDoc, { sessionId, createdAt: now, customerName: '', state: 'waiting', lastActivity: now, reps: ['rep-7'] })
      updateSessionSummary(teamDoc, sessionId, { customerName: `Customer ${s}`, state: 'active', lastActivity: now })
      const repDoc = new Y.Doc()
      // The send action touches only these members of a session (no customer link: a rep-only run).
      const session = { sessionId, repDoc, customer: () => undefined } as unknown as RepSession
      const actions = createRepSessionActions(session, { profile: () => profile, team: () => team, hidden: () => false, audience: () => 'all' }, { requestScreen: () => {}, requestCredentials: async () => {} })
      chatting = true
      for (let i = 0; i < MESSAGES; i++) {
        now += MESSAGE_GAP_MS
        actions.send(chatText(i))
        if (everyMessageWrites) updateSessionSummary(teamDoc, sessionId, { lastActivity: now })
      }
      chatting = false
      updateSessionSummary(teamDoc, sessionId, { state: 'ended', lastActivity: now })
      repDoc.destroy()
    }
  } finally {
    Date.now = realNow
  }
  return { bytes: bytes(teamDoc), chatUpdates, chatUpdateBytes }
}

/** A team doc holding `rows` closed sessions, each written as the app writes one (create, join, 83 activity minutes, end). */
function yearDoc(rows: number): Y.Doc {
  const doc = new Y.Doc()
  initTeamDoc(doc, 'team-year', 'Year team')
  for (let s = 0; s < rows; s++) {
    const at = T0 + s * 28_800 // 3,000 a day
    const sessionId = `y${s.toString(36).padStart(8, '0')}-abcdefghij`
    putSessionSummary(doc, { sessionId, createdAt: at, customerName: '', state: 'waiting', lastActivity: at, reps: [`rep-${s % 100}`] })
    updateSessionSummary(doc, sessionId, { customerName: `Customer ${s}`, state: 'active', lastActivity: at + 1 })
    updateSessionSummary(doc, sessionId, { state: 'ended', lastActivity: at + 600_000 })
  }
  return doc
}

/** Decodes `update` into a fresh doc and reads the index, as a new device does after sync; ms. */
function joinMs(update: Uint8Array): number {
  const started = performance.now()
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, update)
  readSessionIndex(fresh)
  const ms = performance.now() - started
  fresh.destroy()
  return ms
}

const ROWS_PER_DAY = 3_000
const REPS = 100
const DAYS = 365
const LIGHT_ROWS = 30 // rows written on the days whose documents nobody opens at join: enough to rotate and carry, fast to build
const OPEN_OVER_MIDNIGHT = 5 // sessions still running when the day ends: carried into the next
const DAY_MS = 86_400_000
const YEAR_START = Date.UTC(2026, 0, 1)

/** A device's IndexedDB for the simulated year: each database's state, kept when a day closes. */
function memoryDisk(): { persist: NonNullable<TeamPeriodsOptions['persist']>; saved: Map<string, Uint8Array> } {
  const saved = new Map<string, Uint8Array>()
  return {
    saved,
    persist(doc, name) {
      const stored = saved.get(name)
      if (stored) Y.applyUpdate(doc, stored)
      const close = (): Promise<void> => Promise.resolve(void saved.set(name, Y.encodeStateAsUpdate(doc)))
      return Promise.resolve({ close, clear: () => Promise.resolve(void saved.delete(name)) })
    },
  }
}

/** A hub with no network: one device writes the year (every rep writes the same rows through its own Yjs client). */
const noNetwork: TeamPeriodsOptions['hub'] = {
  connect: () => Promise.resolve({ destroy: () => undefined } as unknown as DocConnection), // the index calls only destroy
  release: () => undefined,
}

/** Writes `count` sessions of `day` as the app writes them (create, join, end), each rep through its own client; the last `open` stay active. */
function writeDay(periods: TeamPeriods, coordination: TeamCoordination, day: number, count: number, open: number): void {
  const doc = periods.today()
  const realClient = doc.clientID
  for (let s = 0; s < count; s++) {
    const at = YEAR_START + day * DAY_MS + Math.floor((s * DAY_MS) / count)
    const sessionId = `d${day}s${s.toString(36).padStart(4, '0')}-abcdef`
    doc.clientID = 10_000 + (s % REPS) // each rep's console is its own Yjs client (set between transactions, as a page load would)
    periods.put({ sessionId, createdAt: at, customerName: '', state: 'waiting', lastActivity: at, reps: [`rep-${s % REPS}`] })
    periods.update(sessionId, { customerName: `Customer ${s}`, state: 'active', lastActivity: at + 1 })
    if (s % 10 === 0) {
      // One session in ten brings in a colleague, as the app does: an invitation in today's document, answered.
      const id = `inv-${sessionId}`
      coordination.invite({ id, kind: 'invite', sessionId, customerName: `Customer ${s}`, fromId: `rep-${s % REPS}`, fromName: `Rep ${s % REPS}`, toId: `rep-${(s + 1) % REPS}`, hidden: false, comment: 'Billing question, needs a second opinion', at: at + 2, state: 'pending' })
      coordination.answer(id, 'accepted')
    }
    if (s < count - open) periods.update(sessionId, { state: 'ended', lastActivity: at + 600_000 })
  }
  doc.clientID = realClient
}

/**
 * The simulated year through the app's own index (`openTeamPeriods`): each day a rep's console opens at
 * 08:00 (carrying from the day before), the team's sessions are written, five stay open over midnight,
 * the console rotates at 00:30 and ends them in the new day, and closes. Only the last two days (what a
 * new device opens: today and yesterday in grace) get all 3,000 rows; the other days get `LIGHT_ROWS`
 * (their documents are never opened at join, and the team doc receives no rows on any day).
 */
async function simulatedYear(): Promise<{ teamDoc: Y.Doc; disk: Map<string, Uint8Array>; today: string; yesterday: string }> {
  const teamDoc = new Y.Doc()
  initTeamDoc(teamDoc, 'team-year', 'Year team')
  for (let rep = 0; rep < REPS; rep++) putRep(teamDoc, { repId: `rep-${rep}`, name: `Rep ${rep}` })
  const disk = memoryDisk()
  const clock = { now: YEAR_START }
  let last: string | undefined
  const options: TeamPeriodsOptions = {
    hub: noNetwork,
    teamId: 'team-year',
    secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ',
    teamDoc,
    now: () => clock.now,
    persist: disk.persist,
    lastDay: { read: () => Promise.resolve(last), write: (day) => Promise.resolve(void (last = day)) },
  }
  let yesterday = ''
  for (let day = 0; day < DAYS; day++) {
    clock.now = YEAR_START + day * DAY_MS + 8 * 3_600_000
    const periods = await openTeamPeriods(options)
    const full = day >= DAYS - 2
    writeDay(periods, createTeamCoordination(teamDoc, periods), day, full ? ROWS_PER_DAY : LIGHT_ROWS, OPEN_OVER_MIDNIGHT)
    yesterday = periods.day()
    if (day < DAYS - 1) {
      clock.now = YEAR_START + (day + 1) * DAY_MS + 30 * 60_000
      await periods.rotate()
      for (const row of periods.rows()) if (row.state === 'active') periods.update(row.sessionId, { state: 'ended', lastActivity: clock.now })
    }
    await periods.close()
  }
  return { teamDoc, disk: disk.saved, today: yesterday, yesterday: sessionDay(Date.parse(`${yesterday}T00:00:00Z`) - DAY_MS) }
}

const INVITATIONS_PER_DAY = 300 // one session in ten of the team's 3,000 a day brings in or transfers to a colleague

/** A year of invitations in one document (the team doc's layout before they moved to day documents), each answered within the day, with and without the daily prune (src/doc/teamRetention.ts); bytes. */
function invitationYear(prune: boolean): number {
  const doc = new Y.Doc()
  for (let day = 0; day < 365; day++) {
    const dayStart = T0 + day * DAY_MS
    doc.transact(() => {
      for (let i = 0; i < INVITATIONS_PER_DAY; i++) {
        const id = `inv-${day}-${i}-${(day * INVITATIONS_PER_DAY + i).toString(36).padStart(8, '0')}`
        putInvitation(doc, { id, kind: i % 4 === 0 ? 'transfer' : 'invite', sessionId: `sess-${day}-${i}`, customerName: 'Hugo Pérez', fromId: `rep-${i % 100}`, fromName: `Rep ${i % 100}`, toId: `rep-${(i + 1) % 100}`, hidden: false, comment: 'Billing question, needs a second opinion', at: dayStart + i * 60_000, state: 'pending' })
        answerInvitation(doc, id, i % 5 === 0 ? 'declined' : 'accepted')
      }
    })
    if (prune) pruneTeamDoc(doc, dayStart + DAY_MS)
  }
  return bytes(doc)
}

/** A new device joining: the team doc, today's and yesterday's day documents decoded, the index read; ms. */
function dayJoinMs(updates: Uint8Array[]): { ms: number; rows: number } {
  const started = performance.now()
  const docs = updates.map((update) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    return doc
  })
  const rows = readSessionRows(docs.slice(1)).length
  readReps(docs[0]!)
  const ms = performance.now() - started
  docs.forEach((doc) => doc.destroy())
  return { ms, rows }
}

export async function run(): Promise<BenchResult[]> {
  const limited = chatSessions(false)
  const perMessage = chatSessions(true)
  const doc = yearDoc(YEAR_ROWS)
  const update = Y.encodeStateAsUpdate(doc)
  const perRow = update.byteLength / YEAR_ROWS
  const join = joinMs(update)
  doc.transact(() => sessionsMap(doc).forEach((_row, id) => sessionsMap(doc).delete(id)))
  const afterDelete = bytes(doc)
  const built = performance.now()
  const year = await simulatedYear()
  const buildS = (performance.now() - built) / 1000
  const dayUpdate = (day: string): Uint8Array => year.disk.get(docDatabaseName('team', sessionPeriodId('team-year', day))) ?? new Uint8Array()
  const teamUpdate = Y.encodeStateAsUpdate(year.teamDoc)
  const today = dayUpdate(year.today)
  const yesterday = dayUpdate(year.yesterday)
  const dayJoin = dayJoinMs([teamUpdate, today, yesterday])
  const invitationsKept = invitationYear(false)
  const invitationsPruned = invitationYear(true)
  const MB = 1_000_000
  const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits
  const chatRow = `team doc after ${SESSIONS} sessions × ${MESSAGES} messages`
  return [
    {
      name: `${chatRow} (lastActivity once per ${ACTIVITY_WRITE_MS / 1000} s)`,
      unit: 'bytes',
      value: limited.bytes,
      values: { perSession: Math.round(limited.bytes / SESSIONS), chatUpdates: limited.chatUpdates, chatUpdateBytes: limited.chatUpdateBytes, messages: SESSIONS * MESSAGES },
      note: 'the session index (today\'s day document since issue 20); chatUpdates, chatUpdateBytes = its updates (and their bytes) broadcast while chatting; the doc keeps only the latest row',
    },
    {
      name: `${chatRow} (every message writes the row)`,
      unit: 'bytes',
      value: perMessage.bytes,
      values: { perSession: Math.round(perMessage.bytes / SESSIONS), chatUpdates: perMessage.chatUpdates, chatUpdateBytes: perMessage.chatUpdateBytes },
      baseline: { name: `${chatRow} (once per minute)`, value: limited.bytes },
      ratio: round(perMessage.bytes / limited.bytes, 2),
    },
    {
      name: 'team doc after a simulated year, old format: every session a row of the team doc (100 reps × 3,000 sessions/day, projected)',
      unit: 'MB',
      value: round((perRow * YEAR_SESSIONS) / MB),
      values: { rowsBuilt: YEAR_ROWS, bytesAtRowsBuilt: update.byteLength, bytesPerRow: round(perRow), joinMsAtRowsBuilt: round(join), joinSProjected: round((join / YEAR_ROWS) * YEAR_SESSIONS / 1000) },
      note: 'join = decode the encoded team doc into a fresh Y.Doc and read the index (Node)',
    },
    {
      name: 'team doc after deleting every row of the simulated year (archive by deletion)',
      unit: 'bytes',
      value: afterDelete,
      values: { bytesPerDeletedRow: round(afterDelete / YEAR_ROWS), projectedMB: round((afterDelete / YEAR_ROWS) * YEAR_SESSIONS / MB) },
      note: 'what a Y.Map keeps of deleted keys: the reason rows never leave a day document, they stay in it',
    },
    {
      name: 'team doc after a simulated year, session index by UTC day (the app: teamPeriods)',
      unit: 'bytes',
      value: teamUpdate.byteLength,
      values: {
        days: DAYS,
        todayDocBytes: today.byteLength,
        yesterdayDocBytes: yesterday.byteLength,
        joinSyncBytes: teamUpdate.byteLength + today.byteLength + yesterday.byteLength,
        buildS: round(buildS),
      },
      note: `budget ≤ 1 MB; ${REPS} reps in the directory; the team doc takes no session rows, a day document holds its day's ${ROWS_PER_DAY.toLocaleString('en')} rows (written by ${REPS} clients) and ${ROWS_PER_DAY / 10} answered invitations, plus the ${OPEN_OVER_MIDNIGHT} rows carried over midnight`,
    },
    {
      name: 'new device join after a simulated year (team doc + today + yesterday in grace, decode and read the index)',
      unit: 'ms',
      value: round(dayJoin.ms),
      values: { rowsListed: dayJoin.rows },
      note: 'budget ≤ 2 s; Node, no network: decode of what a new device syncs at start (older days open only from History)',
    },
    {
      name: `invitations of a simulated year (${INVITATIONS_PER_DAY}/day, answered) in one document, pruned daily: the layout before day documents`,
      unit: 'MB',
      value: round(invitationsPruned / MB, 2),
      values: { bytesPerInvitation: round(invitationsPruned / (365 * INVITATIONS_PER_DAY)) },
      baseline: { name: 'same, never pruned', value: round(invitationsKept / MB, 2) },
      ratio: round(invitationsPruned / invitationsKept, 3),
      note: 'a pruned invitation leaves its Y.Map key\'s tombstone, so one document grows for ever; the app writes them to day documents (src/doc/teamCoordination.ts): the simulated-year rows above include an invitation for one session in ten, and the team doc takes none',
    },
  ]
}
