/**
 * History's "Team sessions": the current team's sessions by UTC day (issue
 * 20). Today's rows come from the index the console keeps open; each "Show
 * earlier days" opens one more day document (from this device, then team
 * mates), and those stay open only while History shows them.
 */
import { createMemo, createSignal, type Accessor } from 'solid-js'
import { readReps, type SessionState } from '../../doc/team'
import { previousDay, readSessionRows, type SessionDay } from '../../doc/teamSessions'
import type { OpenDay, TeamPeriods } from '../console/teamPeriods'
import type * as Y from 'yjs'

/** A row of the list: who the customer was and which reps took part (names, from the team's directory). */
export interface TeamSessionRow {
  sessionId: string
  customerName: string
  createdAt: number
  state: SessionState
  reps: string[]
}

/** One day of the list. */
export interface TeamDay {
  day: SessionDay
  rows: TeamSessionRow[]
}

/** The team's sessions, today and the earlier days opened. */
export interface TeamHistory {
  /** Days shown, newest first (today first). */
  days: Accessor<TeamDay[]>
  /** Whether an earlier day is being opened. */
  loading: Accessor<boolean>
  /** Opens the day before the earliest shown. */
  showEarlier(): Promise<void>
  /** Closes the earlier days (History left): only today stays. */
  collapse(): Promise<void>
}

/** The slice of the workspace this reads: the current team's doc (names) and index. */
export interface TeamHistorySource {
  current(): { doc: Y.Doc; sessions: TeamPeriods } | undefined
}

/** Creates the list for `source`'s current team. Must run inside a reactive owner. */
export function createTeamHistory(source: TeamHistorySource): TeamHistory {
  const [version, setVersion] = createSignal(0)
  const [loading, setLoading] = createSignal(false)
  const bump = (): void => void setVersion((n) => n + 1)
  /** Earlier days opened, newest first, for the index they came from. */
  let earlier: { index: TeamPeriods; day: OpenDay; stop: () => void }[] = []
  let watching: { index: TeamPeriods; stop: () => void } | undefined

  const closeEarlier = async (): Promise<void> => {
    const closing = earlier
    earlier = []
    closing.forEach((item) => item.stop())
    await Promise.all(closing.map((item) => item.day.close()))
    bump()
  }
  /** Follows the current team's index (a team switch drops the earlier days of the one before). */
  const team = (): ReturnType<TeamHistorySource['current']> => {
    const current = source.current()
    if (current && watching?.index !== current.sessions) {
      watching?.stop()
      watching = { index: current.sessions, stop: current.sessions.observe(bump) }
      if (earlier.length > 0) void closeEarlier()
    }
    return current
  }

  const days = createMemo((): TeamDay[] => {
    version()
    const current = team()
    if (!current) return []
    const names = new Map(readReps(current.doc).map((rep) => [rep.repId, rep.name]))
    const toRow = (row: { sessionId: string; customerName: string; createdAt: number; state: SessionState; reps: string[] }): TeamSessionRow => ({
      sessionId: row.sessionId,
      customerName: row.customerName,
      createdAt: row.createdAt,
      state: row.state,
      reps: row.reps.map((repId) => names.get(repId) ?? repId),
    })
    // Today lists today's document only: the day before, still watched in its grace hour, is one "Show earlier days" away.
    const today = { day: current.sessions.day(), rows: readSessionRows([current.sessions.today()]).map(toRow) }
    return [today, ...earlier.filter((item) => item.index === current.sessions).map(({ day }) => ({ day: day.day, rows: day.rows().map(toRow) }))]
  })

  return {
    days,
    loading,
    async showEarlier() {
      const current = team()
      if (!current || loading()) return
      const oldest = earlier.at(-1)?.day.day ?? current.sessions.day()
      setLoading(true)
      try {
        const day = await current.sessions.openDay(previousDay(oldest))
        earlier = [...earlier, { index: current.sessions, day, stop: day.observe(bump) }]
        bump()
      } finally {
        setLoading(false)
      }
    },
    collapse: closeEarlier,
  }
}
