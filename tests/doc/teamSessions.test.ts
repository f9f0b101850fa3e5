import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { putSessionSummary, readSessionIndex, readSessionSummary, type SessionSummary } from '../../src/doc/team'
import { carryOpenRows, isSessionDay, msUntilNextDay, previousDay, readSessionRows, sessionDay, sessionPeriodId } from '../../src/doc/teamSessions'
import { deriveTeamPeriodKey, deriveRepKey } from '../../src/net/repKeys'
import { T0, makeDoc, syncBoth } from './fixtures'

const row = (sessionId: string, overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  sessionId,
  createdAt: T0,
  customerName: '',
  state: 'waiting',
  lastActivity: T0,
  reps: ['rep-1'],
  ...overrides,
})

const SECRET = 'c2VjcmV0LXNlY3JldC1zZWNyZXQ'

describe('session days', () => {
  test('a day is the UTC date, and the day before crosses months and years', () => {
    expect(sessionDay(Date.UTC(2026, 11, 3, 23, 59, 59, 999))).toBe('2026-12-03')
    expect(sessionDay(Date.UTC(2026, 11, 4))).toBe('2026-12-04')
    expect(previousDay('2026-03-01')).toBe('2026-02-28')
    expect(previousDay('2027-01-01')).toBe('2026-12-31')
    expect(msUntilNextDay(Date.UTC(2026, 11, 3, 23, 0))).toBe(3_600_000)
  })

  test('only real dates in the written form are days', () => {
    expect(isSessionDay('2026-12-03')).toBe(true)
    for (const bad of ['2026-02-30', '2026-1-03', '20261203', 3, undefined]) expect(isSessionDay(bad)).toBe(false)
  })

  test('each day has its own room id and key, unlike a rep doc key', async () => {
    expect(sessionPeriodId('team-1', '2026-12-03')).toBe('team-1:s2026-12-03')
    const today = await deriveTeamPeriodKey(SECRET, sessionPeriodId('team-1', '2026-12-03'))
    const yesterday = await deriveTeamPeriodKey(SECRET, sessionPeriodId('team-1', '2026-12-02'))
    expect(today).toMatch(/^[\w-]{43}$/)
    expect(today).not.toBe(yesterday)
    expect(today).not.toBe(await deriveRepKey(SECRET, sessionPeriodId('team-1', '2026-12-03')))
    expect(await deriveTeamPeriodKey(SECRET, sessionPeriodId('team-1', '2026-12-03'))).toBe(today)
  })
})

describe('carrying open rows into a new day', () => {
  test('open rows are carried, ended rows stay in their day', () => {
    const yesterday = makeDoc(1)
    putSessionSummary(yesterday, row('s-waiting'))
    putSessionSummary(yesterday, row('s-active', { state: 'active', customerName: 'Carla' }))
    putSessionSummary(yesterday, row('s-ended', { state: 'ended' }))
    const today = makeDoc(2)
    expect(carryOpenRows(yesterday, today)).toBe(2)
    expect(readSessionIndex(today).map((r) => r.sessionId).sort()).toEqual(['s-active', 's-waiting'])
    expect(readSessionSummary(today, 's-active')).toEqual(row('s-active', { state: 'active', customerName: 'Carla' }))
  })

  test('an open row idle since before the cut-off (a session nobody ended) stays in its day', () => {
    const yesterday = makeDoc(1)
    putSessionSummary(yesterday, row('s-abandoned', { state: 'active', lastActivity: T0 }))
    putSessionSummary(yesterday, row('s-busy', { state: 'active', lastActivity: T0 + 10 }))
    const today = makeDoc(2)
    expect(carryOpenRows(yesterday, today, T0 + 1)).toBe(1)
    expect(readSessionIndex(today).map((r) => r.sessionId)).toEqual(['s-busy'])
  })

  test('carrying twice writes nothing the second time', () => {
    const yesterday = makeDoc(1)
    putSessionSummary(yesterday, row('s-1', { state: 'active' }))
    const today = makeDoc(2)
    carryOpenRows(yesterday, today)
    const updates: Uint8Array[] = []
    today.on('update', (update: Uint8Array) => updates.push(update))
    expect(carryOpenRows(yesterday, today)).toBe(0)
    expect(updates).toHaveLength(0)
  })

  test('a row updated in today never goes back to the older version of yesterday', () => {
    const yesterday = makeDoc(1)
    putSessionSummary(yesterday, row('s-1', { state: 'active' }))
    const today = makeDoc(2)
    carryOpenRows(yesterday, today)
    putSessionSummary(today, row('s-1', { state: 'ended', lastActivity: T0 + 5_000 }))
    expect(carryOpenRows(yesterday, today)).toBe(0)
    expect(readSessionSummary(today, 's-1')?.state).toBe('ended')
  })

  test('grace: a later version written to yesterday (a rep not yet rotated) is carried again', () => {
    const yesterday = makeDoc(1)
    putSessionSummary(yesterday, row('s-1', { state: 'active' }))
    const today = makeDoc(2)
    carryOpenRows(yesterday, today)
    putSessionSummary(yesterday, row('s-1', { state: 'ended', lastActivity: T0 + 9_000 }))
    expect(carryOpenRows(yesterday, today)).toBe(1)
    expect(readSessionSummary(today, 's-1')).toEqual(row('s-1', { state: 'ended', lastActivity: T0 + 9_000 }))
  })

  test('two reps rotating at once (concurrently, offline from each other) end with the same index', () => {
    const yesterday = makeDoc(1)
    putSessionSummary(yesterday, row('s-1', { state: 'active' }))
    putSessionSummary(yesterday, row('s-2'))
    const yesterdayB = makeDoc(9)
    syncBoth(yesterday, yesterdayB)
    const todayA = makeDoc(2)
    const todayB = makeDoc(3)
    putSessionSummary(todayB, row('s-new', { createdAt: T0 + 100 }))
    carryOpenRows(yesterday, todayA)
    carryOpenRows(yesterdayB, todayB)
    syncBoth(todayA, todayB)
    expect(readSessionIndex(todayA)).toEqual(readSessionIndex(todayB))
    expect(readSessionIndex(todayA).map((r) => r.sessionId)).toEqual(['s-new', 's-1', 's-2'])
    expect(carryOpenRows(yesterday, todayA) + carryOpenRows(yesterdayB, todayB)).toBe(0)
  })

  test('carrying from any days in any order, then once more (the grace watch), gives the same rows: the latest version of every session open somewhere', () => {
    const versions = fc.record({
      id: fc.constantFrom('s-1', 's-2', 's-3'),
      state: fc.constantFrom('waiting', 'active', 'ended') as fc.Arbitrary<SessionSummary['state']>,
      lastActivity: fc.integer({ min: 0, max: 1_000 }),
    })
    fc.assert(
      fc.property(fc.array(fc.array(versions, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), (days) => {
        const docs = days.map((rows, index) => {
          const doc = makeDoc(index + 1)
          for (const version of rows) putSessionSummary(doc, row(version.id, { state: version.state, lastActivity: T0 + version.lastActivity }))
          return doc
        })
        const carried = (order: Y.Doc[]): SessionSummary[] => {
          const target = new Y.Doc()
          for (const from of [...order, ...order]) carryOpenRows(from, target)
          return readSessionIndex(target)
        }
        const result = carried(docs)
        expect(result).toEqual(carried([...docs].reverse()))
        const everyRow = readSessionRows(docs)
        const open = new Set(docs.flatMap((doc) => readSessionIndex(doc).filter((r) => r.state !== 'ended').map((r) => r.sessionId)))
        expect(result).toEqual(everyRow.filter((r) => open.has(r.sessionId)))
      }),
    )
  })

  test('readSessionRows keeps the latest version of a session seen in two days', () => {
    const yesterday = makeDoc(1)
    const today = makeDoc(2)
    putSessionSummary(yesterday, row('s-1', { state: 'ended', lastActivity: T0 + 50 }))
    putSessionSummary(today, row('s-1', { state: 'active' }))
    putSessionSummary(today, row('s-2', { createdAt: T0 + 1 }))
    expect(readSessionRows([today, yesterday]).map((r) => [r.sessionId, r.state])).toEqual([
      ['s-2', 'waiting'],
      ['s-1', 'ended'],
    ])
  })
})
