import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { GRACE_MS, DAY_CHECK_MS, type TeamPeriods } from '../../src/app/console/teamPeriods'
import { putSessionSummary, sessionsMap, type SessionSummary } from '../../src/doc/team'
import { device } from './teamDevices'

const DEC_3 = Date.UTC(2026, 11, 3, 12)
const MIDNIGHT = Date.UTC(2026, 11, 4)

const row = (sessionId: string, overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  sessionId,
  createdAt: DEC_3,
  customerName: '',
  state: 'waiting',
  lastActivity: DEC_3,
  reps: ['rep-1'],
  ...overrides,
})

const ids = (periods: TeamPeriods): string[] => periods.rows().map((r) => r.sessionId)
const opened: TeamPeriods[] = []
const track = (periods: TeamPeriods): TeamPeriods => (opened.push(periods), periods)

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }))
afterEach(async () => {
  await Promise.all(opened.splice(0).map((periods) => periods.close()))
  vi.useRealTimers()
})

describe('the team session index by day', () => {
  test('new rows go to today’s document, never to the team doc', async () => {
    const clock = { now: DEC_3 }
    const ana = device(new Map(), clock)
    const periods = track(await ana.open())
    periods.put(row('s-1'))
    periods.update('s-1', { state: 'active', customerName: 'Carla' })
    expect(periods.day()).toBe('2026-12-03')
    expect(periods.read('s-1')).toMatchObject({ state: 'active', customerName: 'Carla' })
    expect(sessionsMap(periods.today()).size).toBe(1)
    expect(sessionsMap(ana.teamDoc).size).toBe(0)
  })

  test('at midnight the open rows move to the new day; ended rows stay and leave the list after the grace hour', async () => {
    const clock = { now: DEC_3 }
    const periods = track(await device(new Map(), clock).open())
    periods.put(row('s-open', { state: 'active' }))
    periods.put(row('s-ended', { state: 'ended' }))
    const yesterday = periods.today()
    clock.now = MIDNIGHT + 1_000
    await vi.advanceTimersByTimeAsync(DAY_CHECK_MS)
    expect(periods.day()).toBe('2026-12-04')
    expect(sessionsMap(periods.today()).has('s-open')).toBe(true)
    expect(sessionsMap(periods.today()).has('s-ended')).toBe(false)
    expect(ids(periods).sort()).toEqual(['s-ended', 's-open']) // yesterday is still watched
    // During the grace hour a device that has not rotated yet ends the session in yesterday's document.
    putSessionSummary(yesterday, row('s-open', { state: 'ended', lastActivity: MIDNIGHT + 5_000 }))
    expect(periods.read('s-open')?.state).toBe('ended')
    expect(sessionsMap(periods.today()).get('s-open')).toMatchObject({ state: 'ended' })
    clock.now = MIDNIGHT + GRACE_MS
    await vi.advanceTimersByTimeAsync(GRACE_MS)
    expect(ids(periods)).toEqual(['s-open'])
    const day = await periods.openDay('2026-12-03')
    expect(day.rows().map((r) => r.sessionId).sort()).toEqual(['s-ended', 's-open'])
    await day.close()
  })

  test('two reps rotating at once carry each open row once and agree', async () => {
    const rooms = new Map()
    const clock = { now: DEC_3 }
    const ana = track(await device(rooms, clock).open())
    const ben = track(await device(rooms, clock).open())
    ana.put(row('s-ana', { state: 'active' }))
    ben.put(row('s-ben', { createdAt: DEC_3 + 1 }))
    clock.now = MIDNIGHT + 1
    await Promise.all([ana.rotate(), ben.rotate()])
    expect(ana.day()).toBe('2026-12-04')
    expect(Y.encodeStateVector(ana.today())).toEqual(Y.encodeStateVector(ben.today()))
    expect(ids(ana)).toEqual(['s-ben', 's-ana'])
    expect(ids(ben)).toEqual(ids(ana))
    ben.update('s-ana', { state: 'ended', lastActivity: MIDNIGHT + 60_000 })
    expect(ana.read('s-ana')?.state).toBe('ended')
  })

  test('a rep starting after days with no one online carries its open rows from the last day it saw', async () => {
    const rooms = new Map()
    const clock = { now: DEC_3 }
    const ana = device(rooms, clock)
    const first = await ana.open()
    first.put(row('s-weekend', { state: 'active' }))
    await first.close()
    clock.now = MIDNIGHT + 3 * 86_400_000 + 9 * 3_600_000 // Monday morning
    const monday = track(await ana.open())
    expect(monday.day()).toBe('2026-12-07')
    expect(sessionsMap(monday.today()).has('s-weekend')).toBe(true)
  })

  test('rows an older version wrote to the team doc are carried into today while open', async () => {
    const clock = { now: DEC_3 }
    const ana = device(new Map(), clock)
    putSessionSummary(ana.teamDoc, row('s-legacy', { state: 'active' }))
    putSessionSummary(ana.teamDoc, row('s-old', { state: 'ended' }))
    const periods = track(await ana.open())
    expect(ids(periods)).toEqual(['s-legacy'])
    putSessionSummary(ana.teamDoc, row('s-legacy', { state: 'ended', lastActivity: DEC_3 + 1 }))
    expect(periods.read('s-legacy')?.state).toBe('ended')
  })
})
