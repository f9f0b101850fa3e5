/**
 * A team's session index on this device (issue 20): today's day document,
 * the days still in their grace period, and older days opened on demand.
 * There is no owner: every rep's console rotates at UTC midnight by itself,
 * carrying the open rows into the new day (src/doc/teamSessions.ts: the copy
 * is idempotent, so rotating on many devices at once is harmless), and keeps
 * watching the day before for `GRACE_MS` for rows a late device still writes
 * there. Nothing is ever deleted: a day document keeps its ~3,000 rows and
 * the team doc none, whatever the age of the team. Invitations and handbacks
 * live in the day documents too and are carried the same way while pending.
 */
import * as Y from 'yjs'
import { readSessionSummary, removeSessionSummary, putSessionSummary, sessionsMap, type SessionSummary } from '../../doc/team'
import { carryCoordination, COORDINATION_MAPS } from '../../doc/teamCoordination'
import { UNANSWERED_KEEP_MS } from '../../doc/teamRetention'
import { carryOpenRows, initSessionDay, previousDay, readSessionRows, sessionDay, sessionPeriodId, type SessionDay } from '../../doc/teamSessions'
import { deriveTeamPeriodKey } from '../../net/repKeys'
import type { DocConnection } from '../../net/connectDoc'
import { docDatabaseName, persistDoc, type DocStore } from '../../store/persistDoc'
import { readLocal, writeLocal } from '../../store/keyValue'
import type { NetworkHub } from '../shell/networkHub'

/** How long a previous day stays watched after midnight: a device asleep over midnight still writes there until it rotates. */
export const GRACE_MS = 60 * 60_000
/** How long a day opened only to carry from (after a start) is watched at least: its peers' state arrives in seconds. */
export const SETTLE_MS = 60_000
/** Open rows idle this long stop being carried into new days: a session nobody ended stays in its last day (and in History). */
export const ABANDONED_AFTER_MS = 7 * 24 * 60 * 60_000
/** How often the clock is checked for a new day: a timer to midnight would not fire on time after a laptop slept. */
export const DAY_CHECK_MS = 60_000

/** One day document, open on this device. */
export interface OpenDay {
  day: SessionDay
  doc: Y.Doc
  /** Rows of that day, newest first. */
  rows(): SessionSummary[]
  /** Calls `listener` when the day's rows change; returns an unsubscribe. */
  observe(listener: () => void): () => void
  /** Leaves the day's room (no-op for today and the days in grace: the index keeps them open). */
  close(): Promise<void>
}

/** The team's session index. */
export interface TeamPeriods {
  /** Today (UTC), as this index sees it. */
  day(): SessionDay
  /** Today's document (new rows go there). */
  today(): Y.Doc
  /** Today's document, then the days in grace: where invitations and handbacks are read (src/doc/teamCoordination.ts). */
  liveDocs(): Y.Doc[]
  /** Every row of today and of the days in grace, one per session, newest first. */
  rows(): SessionSummary[]
  read(sessionId: string): SessionSummary | undefined
  /** Adds or replaces a row (in today's document). */
  put(summary: SessionSummary): void
  /** Changes some fields of a row; a row still only in a day in grace moves to today with the change. */
  update(sessionId: string, change: Partial<Omit<SessionSummary, 'sessionId'>>): void
  remove(sessionId: string): void
  /** Calls `listener` when the rows may have changed (edits, sync, a new day); returns an unsubscribe. */
  observe(listener: () => void): () => void
  /** Opens a day: today's and those in grace are shared, older ones load from this device, then from team mates. */
  openDay(day: SessionDay): Promise<OpenDay>
  /** Starts a new day if the clock says so (runs every `DAY_CHECK_MS` by itself). */
  rotate(): Promise<void>
  close(): Promise<void>
}

/** What the index needs; tests replace the clock, the storage and the record of the last day. */
export interface TeamPeriodsOptions {
  hub: Pick<NetworkHub, 'connect' | 'release'>
  teamId: string
  secret: string
  /** The team doc: rows an older version wrote to its `sessions` map are carried into today. */
  teamDoc: Y.Doc
  now?: () => number
  persist?: (doc: Y.Doc, databaseName: string) => Promise<DocStore>
  /** The last day this device had open (its open rows are carried even after days of no one online). */
  lastDay?: { read(): Promise<SessionDay | undefined>; write(day: SessionDay): Promise<void> }
}

interface Held {
  day: SessionDay
  doc: Y.Doc
  store: DocStore
  connection: DocConnection
  /** Stops the carry watch of a day in grace. */
  unwatch?: () => void
}

function deviceLastDay(teamId: string): NonNullable<TeamPeriodsOptions['lastDay']> {
  const key = `teamSessionsDay:${teamId}`
  return { read: () => readLocal<SessionDay>(key), write: (day) => writeLocal(key, day) }
}

/** Opens the team's index: today's document, carrying what is still open from the days before. */
export async function openTeamPeriods(options: TeamPeriodsOptions): Promise<TeamPeriods> {
  const { hub, teamId, secret, teamDoc } = options
  const now = options.now ?? Date.now
  const persist = options.persist ?? persistDoc
  const lastDay = options.lastDay ?? deviceLastDay(teamId)
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())
  const graceDays = new Map<SessionDay, Held>()
  let closed = false

  const hold = async (day: SessionDay): Promise<Held> => {
    const id = sessionPeriodId(teamId, day)
    const doc = new Y.Doc()
    const store = await persist(doc, docDatabaseName('team', id))
    const connection = await hub.connect(doc, 'team', id, await deriveTeamPeriodKey(secret, id))
    return { day, doc, store, connection }
  }
  const release = async (held: Held): Promise<void> => {
    held.unwatch?.()
    held.connection.destroy()
    hub.release(held.connection)
    await held.store.close()
    held.doc.destroy()
  }
  const watchToday = (held: Held): void => {
    initSessionDay(held.doc, teamId, held.day)
    sessionsMap(held.doc).observe(notify)
  }

  // Today and the days to carry from load side by side (IndexedDB reads, room joins): a console start waits for the slowest only.
  const todayDay = sessionDay(now())
  const storedLastDay = await lastDay.read()
  const startDays = [...new Set([previousDay(todayDay), storedLastDay ?? todayDay])].filter((day) => day < todayDay)
  const [first, before] = await Promise.all([hold(todayDay), Promise.all(startDays.map(hold))])
  let current = first
  watchToday(current)

  /** Keeps carrying from `held` into today until `until`, then closes it. */
  const watchGrace = (held: Held, until: number): void => {
    const carry = (): void => {
      carryOpenRows(held.doc, current.doc, now() - ABANDONED_AFTER_MS)
      carryCoordination(held.doc, current.doc, now() - UNANSWERED_KEEP_MS)
    }
    carry()
    sessionsMap(held.doc).observe(carry)
    sessionsMap(held.doc).observe(notify)
    const coordination = COORDINATION_MAPS.map((name) => held.doc.getMap(name))
    coordination.forEach((map) => map.observe(carry))
    const timer = setTimeout(() => {
      graceDays.delete(held.day)
      void release(held).then(notify)
    }, Math.max(0, until - now()))
    held.unwatch = () => {
      clearTimeout(timer)
      sessionsMap(held.doc).unobserve(carry)
      sessionsMap(held.doc).unobserve(notify)
      coordination.forEach((map) => map.unobserve(carry))
    }
    graceDays.set(held.day, held)
  }
  const graceEnd = (day: SessionDay): number => Date.parse(`${day}T00:00:00Z`) + GRACE_MS

  // Older versions wrote every row to the team doc: what is still open there moves to today, now and whenever an old client writes.
  const carryLegacy = (): void => void carryOpenRows(teamDoc, current.doc, now() - ABANDONED_AFTER_MS)
  carryLegacy()
  sessionsMap(teamDoc).observe(carryLegacy)

  // The day before, and the last day this device saw (the team may have been idle since), are carried from.
  for (const held of before) watchGrace(held, Math.max(graceEnd(current.day), now() + SETTLE_MS))
  void lastDay.write(current.day)

  let rotating: Promise<void> | undefined
  const rotate = (): Promise<void> =>
    (rotating ??= (async () => {
      const day = sessionDay(now())
      if (day <= current.day || closed) return
      const previous = current
      sessionsMap(previous.doc).unobserve(notify)
      current = await hold(day)
      watchToday(current)
      watchGrace(previous, Math.max(graceEnd(day), now() + SETTLE_MS))
      void lastDay.write(day)
      notify()
    })().finally(() => (rotating = undefined)))
  const check = setInterval(() => void rotate(), DAY_CHECK_MS)

  const inGrace = (sessionId: string): SessionSummary | undefined =>
    readSessionRows([...graceDays.values()].map((held) => held.doc)).find((row) => row.sessionId === sessionId)

  const shared = (held: Held): OpenDay => ({
    day: held.day,
    doc: held.doc,
    rows: () => readSessionRows([held.doc]),
    observe(listener) {
      sessionsMap(held.doc).observe(listener)
      return () => sessionsMap(held.doc).unobserve(listener)
    },
    close: () => Promise.resolve(),
  })

  return {
    day: () => current.day,
    today: () => current.doc,
    liveDocs: () => [current.doc, ...[...graceDays.values()].map((held) => held.doc)],
    rows: () => readSessionRows([current.doc, ...[...graceDays.values()].map((held) => held.doc)]),
    read: (sessionId) => readSessionSummary(current.doc, sessionId) ?? inGrace(sessionId),
    put: (summary) => putSessionSummary(current.doc, summary),
    update(sessionId, change) {
      const existing = readSessionSummary(current.doc, sessionId)
      const base = existing ?? inGrace(sessionId)
      if (!base) return
      const next = { ...base, ...change }
      if (!existing || JSON.stringify(next) !== JSON.stringify(existing)) putSessionSummary(current.doc, next)
    },
    remove: (sessionId) => removeSessionSummary(current.doc, sessionId),
    observe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async openDay(day) {
      if (day === current.day) return shared(current)
      const grace = graceDays.get(day)
      if (grace) return shared(grace)
      const held = await hold(day)
      return { ...shared(held), close: () => release(held) }
    },
    rotate,
    async close() {
      closed = true
      clearInterval(check)
      sessionsMap(teamDoc).unobserve(carryLegacy)
      await rotating
      sessionsMap(current.doc).unobserve(notify)
      await Promise.all([release(current), ...[...graceDays.values()].map(release)])
      graceDays.clear()
    },
  }
}
