/**
 * Team doc growth (issue 20): what every rep device of a team syncs.
 *
 * - **20 sessions × 500 messages**: sessions are created, joined and ended with
 *   the app's own team-index writes, and every message goes through the rep's
 *   real `send` action (`createRepSessionActions`) with the clock moved 10 s per
 *   message, so `lastActivity` is written as the app writes it (at most once per
 *   `ACTIVITY_WRITE_MS`). Side by side: the same run if every message wrote the
 *   row (what the app did before the once-a-minute limit).
 * - **a simulated year**: `TEAM_YEAR_ROWS` closed sessions (default 20,000) are put
 *   in the index and the doc size per row is projected to a team of 100 reps doing
 *   3,000 sessions a day for a year; "new device join" is decoding the encoded
 *   doc into a fresh `Y.Doc` and reading the index, in Node. A third row deletes
 *   every row again (archiving by deletion from the same map) and measures what stays.
 * - **the same year with daily epochs and monthly archives** (a prototype of the
 *   archive design, not the app's code yet): the live index is a nested `Y.Map`
 *   per day inside one root map; when a day ends, its rows (all closed: a session
 *   lasts minutes) are copied to that month's archive doc and the day's map is
 *   deleted whole. Yjs then garbage-collects the map's items into a few merged
 *   ranges, unlike deleted keys of a root map, which stay as tombstones.
 */
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { initTeamDoc, putSessionSummary, readSessionIndex, sessionsMap, updateSessionSummary } from '../src/doc/team'
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
    const team = { doc: teamDoc } as unknown as OpenTeam // the actions reach the team only through its doc
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
const ROWS_PER_CLIENT = 30 // sessions a rep's console writes between page loads (each load is a new Yjs client)

/** Writes session `s` of the simulated year into `map` as the app writes a row (create, join, end). */
function writeRow(map: Y.Map<unknown>, s: number): void {
  const at = T0 + s * 28_800
  const sessionId = `y${s.toString(36).padStart(8, '0')}-abcdefghij`
  const row = { createdAt: at, customerName: '', state: 'waiting', lastActivity: at, reps: [`rep-${s % 100}`] }
  map.set(sessionId, row)
  map.set(sessionId, { ...row, customerName: `Customer ${s}`, state: 'active', lastActivity: at + 1 })
  map.set(sessionId, { ...row, customerName: `Customer ${s}`, state: 'ended', lastActivity: at + 600_000 })
}

/**
 * The simulated year with a live index per day (a nested map in the root map `sessionEpochs`) and an
 * archive doc per 30 days: returns the live doc, the archive docs and how many rows were retired.
 */
function epochYear(rows: number): { live: Y.Doc; archives: Y.Doc[]; retired: number } {
  const live = new Y.Doc()
  initTeamDoc(live, 'team-year', 'Year team')
  const epochs = live.getMap<Y.Map<unknown>>('sessionEpochs')
  const archives: Y.Doc[] = []
  let retired = 0
  for (let s = 0; s < rows; s++) {
    const day = Math.floor(s / ROWS_PER_DAY)
    if (!epochs.has(`d${day}`)) {
      live.transact(() => {
        // Retire yesterday: its closed rows go to the month's archive, its map goes whole.
        epochs.forEach((map, key) => {
          const month = Math.floor(Number(key.slice(1)) / 30)
          const archive = (archives[month] ??= new Y.Doc())
          archive.transact(() => map.forEach((row, id) => archive.getMap('sessions').set(id, row)))
          retired += map.size
          epochs.delete(key)
        })
        epochs.set(`d${day}`, new Y.Map())
      })
    }
    // Every page load of a rep's console is a new Yjs client, and a client stays in the doc for good: a new one per 30 rows.
    if (s % ROWS_PER_CLIENT === 0) live.clientID = 1_000 + s / ROWS_PER_CLIENT
    live.transact(() => writeRow(epochs.get(`d${day}`)!, s))
  }
  return { live, archives, retired }
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
  const epoch = epochYear(YEAR_ROWS)
  const epochUpdate = Y.encodeStateAsUpdate(epoch.live)
  const liveRows = YEAR_ROWS - epoch.retired
  // What a retired row leaves behind: the live doc minus what its live rows and the empty doc take.
  const liveOnly = epochYear(liveRows).live
  const residualPerRetired = (epochUpdate.byteLength - bytes(liveOnly)) / epoch.retired
  const liveDayBytes = Math.round((bytes(liveOnly) / liveRows) * ROWS_PER_DAY) // one full day of rows: what stays live whatever the age of the team
  const epochYearBytes = liveDayBytes + residualPerRetired * (YEAR_SESSIONS - ROWS_PER_DAY)
  const epochJoin = joinMs(epochUpdate)
  const archiveBytes = epoch.archives.reduce((sum, archive) => sum + bytes(archive), 0)
  const MB = 1_000_000
  const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits
  const chatRow = `team doc after ${SESSIONS} sessions × ${MESSAGES} messages`
  return [
    {
      name: `${chatRow} (lastActivity once per ${ACTIVITY_WRITE_MS / 1000} s)`,
      unit: 'bytes',
      value: limited.bytes,
      values: { perSession: Math.round(limited.bytes / SESSIONS), chatUpdates: limited.chatUpdates, chatUpdateBytes: limited.chatUpdateBytes, messages: SESSIONS * MESSAGES },
      note: 'chatUpdates, chatUpdateBytes = team-doc updates (and their bytes) broadcast while chatting; the doc keeps only the latest row',
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
      name: 'team doc after a simulated year (100 reps × 3,000 sessions/day, projected)',
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
      note: 'what a Y.Map keeps of deleted keys: the reason archived rows must leave for another document',
    },
    {
      name: 'team doc after a simulated year, daily epochs + monthly archive docs (prototype, projected)',
      unit: 'MB',
      value: round(epochYearBytes / MB, 3),
      values: {
        rowsBuilt: YEAR_ROWS,
        retiredRows: epoch.retired,
        liveDayBytes,
        residualBytesPerRetiredRow: round(residualPerRetired, 3),
        joinMsAtRowsBuilt: round(epochJoin),
        archiveBytesPerRow: round(archiveBytes / epoch.retired),
        archiveMBPerMonthProjected: round(((archiveBytes / epoch.retired) * 90_000) / MB),
      },
      note: `live doc = one day of rows + what deleted day maps leave after Yjs GC (a new client every ${ROWS_PER_CLIENT} rows); archives hold the rows (one doc per 30 days, opened on demand)`,
    },
  ]
}
