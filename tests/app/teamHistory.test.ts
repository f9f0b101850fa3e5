import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createRoot } from 'solid-js'
import { createTeamHistory, type TeamHistory } from '../../src/app/history/teamHistory'
import { putRep, type SessionSummary } from '../../src/doc/team'
import { SETTLE_MS, type TeamPeriods } from '../../src/app/console/teamPeriods'
import { device } from './teamDevices'

const DEC_2 = Date.UTC(2026, 11, 2, 15)
const DEC_3 = Date.UTC(2026, 11, 3, 12)

const row = (sessionId: string, at: number, overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  sessionId,
  createdAt: at,
  customerName: 'Carla',
  state: 'ended',
  lastActivity: at,
  reps: ['rep-ana'],
  ...overrides,
})

const opened: TeamPeriods[] = []
const disposers: (() => void)[] = []
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }))
afterEach(async () => {
  disposers.splice(0).forEach((dispose) => dispose())
  await Promise.all(opened.splice(0).map((periods) => periods.close()))
  vi.useRealTimers()
})

/** Ana's History over her index, in a root the test disposes. */
function teamHistoryOf(ana: ReturnType<typeof device>, sessions: TeamPeriods): TeamHistory {
  return createRoot((dispose) => {
    disposers.push(dispose)
    return createTeamHistory({ current: () => ({ doc: ana.teamDoc, sessions }) })
  })
}

describe('Team sessions in History', () => {
  test('today lists the team’s sessions with the reps’ names, and follows new rows', async () => {
    const ana = device(new Map(), { now: DEC_3 })
    putRep(ana.teamDoc, { repId: 'rep-ana', name: 'Ana' })
    const sessions = await ana.open()
    opened.push(sessions)
    sessions.put(row('s-1', DEC_3, { state: 'active' }))
    const list = teamHistoryOf(ana, sessions)
    expect(list.days().map((day) => day.day)).toEqual(['2026-12-03'])
    expect(list.days()[0]?.rows).toEqual([{ sessionId: 's-1', customerName: 'Carla', createdAt: DEC_3, state: 'active', reps: ['Ana'] }])
    sessions.put(row('s-2', DEC_3 + 1, { reps: ['rep-gone'] }))
    expect(list.days()[0]?.rows.map((r) => [r.sessionId, r.reps])).toEqual([
      ['s-2', ['rep-gone']],
      ['s-1', ['Ana']],
    ])
  })

  test('Show earlier days opens yesterday from a team mate, then the day before; collapse leaves their rooms', async () => {
    const rooms = new Map()
    const benClock = { now: DEC_2 }
    const ben = device(rooms, benClock)
    const benSessions = await ben.open()
    opened.push(benSessions)
    benSessions.put(row('s-yesterday', DEC_2, { customerName: 'Bruno', reps: ['rep-ben'] }))
    const ana = device(rooms, { now: DEC_3 + 2 * 3_600_000 }) // past yesterday's grace hour: only History opens it
    putRep(ana.teamDoc, { repId: 'rep-ben', name: 'Ben' })
    const sessions = await ana.open()
    opened.push(sessions)
    await vi.advanceTimersByTimeAsync(SETTLE_MS) // yesterday was opened at start only to carry from; it leaves
    const list = teamHistoryOf(ana, sessions)
    expect(list.days()).toEqual([{ day: '2026-12-03', rows: [] }])
    await list.showEarlier()
    expect(list.days().map((day) => day.day)).toEqual(['2026-12-03', '2026-12-02'])
    expect(list.days()[1]?.rows.map((r) => [r.customerName, r.reps])).toEqual([['Bruno', ['Ben']]])
    // Still open: a late change on Ben's side shows.
    benSessions.update('s-yesterday', { customerName: 'Bruno Díaz' })
    expect(list.days()[1]?.rows[0]?.customerName).toBe('Bruno Díaz')
    await list.showEarlier()
    expect(list.days().map((day) => [day.day, day.rows.length])).toEqual([
      ['2026-12-03', 0],
      ['2026-12-02', 1],
      ['2026-12-01', 0],
    ])
    const released = ana.hub.released
    await list.collapse()
    expect(ana.hub.released - released).toBe(2)
    expect(list.days().map((day) => day.day)).toEqual(['2026-12-03'])
  })
})
