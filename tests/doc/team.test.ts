import { describe, expect, test } from 'vitest'
import { initTeamDoc, putRep, putSessionSummary, readReps, readSessionIndex, readSessionSummary, updateSessionSummary, type SessionSummary } from '../../src/doc/team'
import { T0, makeDoc } from './fixtures'

const row = (sessionId: string, createdAt: number, overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  sessionId,
  createdAt,
  customerName: '',
  state: 'waiting',
  lastActivity: createdAt,
  reps: [],
  ...overrides,
})

describe('team session index', () => {
  test('lists sessions newest first', () => {
    const doc = makeDoc(1)
    putSessionSummary(doc, row('s-old', T0))
    putSessionSummary(doc, row('s-new', T0 + 2_000))
    putSessionSummary(doc, row('s-mid', T0 + 1_000))
    expect(readSessionIndex(doc).map((r) => r.sessionId)).toEqual(['s-new', 's-mid', 's-old'])
  })

  test('breaks ties in creation time by session id, so every peer lists the same order', () => {
    const doc = makeDoc(1)
    putSessionSummary(doc, row('s-b', T0))
    putSessionSummary(doc, row('s-a', T0))
    expect(readSessionIndex(doc).map((r) => r.sessionId)).toEqual(['s-a', 's-b'])
  })

  test('reads back a row exactly as written', () => {
    const doc = makeDoc(1)
    const summary = row('s-1', T0, { customerName: 'Carla', state: 'active', lastActivity: T0 + 5 })
    putSessionSummary(doc, summary)
    expect(readSessionSummary(doc, 's-1')).toEqual(summary)
  })

  test('updateSessionSummary changes only the given fields', () => {
    const doc = makeDoc(1)
    putSessionSummary(doc, row('s-1', T0))
    updateSessionSummary(doc, 's-1', { state: 'active', customerName: 'Carla' })
    expect(readSessionSummary(doc, 's-1')).toEqual(row('s-1', T0, { state: 'active', customerName: 'Carla' }))
  })

  test('updateSessionSummary writes nothing when the row is missing or unchanged', () => {
    const doc = makeDoc(1)
    putSessionSummary(doc, row('s-1', T0))
    let updates = 0
    doc.on('update', () => updates++)
    updateSessionSummary(doc, 's-missing', { state: 'ended' })
    updateSessionSummary(doc, 's-1', { state: 'waiting' })
    expect(updates).toBe(0)
    expect(readSessionSummary(doc, 's-missing')).toBeUndefined()
  })

  test('a rep added to the directory can be read back', () => {
    const doc = makeDoc(1)
    initTeamDoc(doc, 'team-1', 'Support')
    putRep(doc, { repId: 'rep-1', name: 'Rafa' })
    expect(readReps(doc)).toEqual([{ repId: 'rep-1', name: 'Rafa' }])
  })
})
