// Invitations and handbacks in the team's day documents (src/doc/teamCoordination.ts, src/app/console/coordination.ts).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { DAY_CHECK_MS, GRACE_MS, type TeamPeriods } from '../../src/app/console/teamPeriods'
import { createTeamCoordination } from '../../src/app/console/coordination'
import { answerInvitation, invitationsMap, putInvitation, type Invitation } from '../../src/doc/invitations'
import { putHandback, type Handback } from '../../src/doc/handbacks'
import { carryCoordination, mergeHandbacks, mergeInvitations } from '../../src/doc/teamCoordination'
import { device } from './teamDevices'

const DEC_3 = Date.UTC(2026, 11, 3, 23, 50)
const MIDNIGHT = Date.UTC(2026, 11, 4)

const invitation = (id: string, overrides: Partial<Invitation> = {}): Invitation => ({
  id, kind: 'invite', sessionId: `s-${id}`, customerName: 'Carla', fromId: 'ana', fromName: 'Ana', toId: 'bruno', hidden: false, comment: '', at: DEC_3, state: 'pending', ...overrides,
})
const handback = (id: string, overrides: Partial<Handback> = {}): Handback => ({
  id, sessionId: `s-${id}`, customerName: 'Carla', fromId: 'ana', fromName: 'Ana', comment: '', at: DEC_3, state: 'waiting', ...overrides,
})

const opened: TeamPeriods[] = []
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }))
afterEach(async () => {
  await Promise.all(opened.splice(0).map((periods) => periods.close()))
  vi.useRealTimers()
})

describe('reading several documents', () => {
  test('one record per id, and the settled copy wins wherever it is', () => {
    const today = new Y.Doc()
    const yesterday = new Y.Doc()
    putInvitation(today, invitation('i1'))
    putInvitation(yesterday, invitation('i1', { state: 'declined' }))
    putInvitation(yesterday, invitation('i2', { at: DEC_3 - 1 }))
    expect(mergeInvitations([today, yesterday]).map((item) => [item.id, item.state])).toEqual([['i1', 'declined'], ['i2', 'pending']])
    putHandback(today, handback('h1', { state: 'taken', takenBy: { repId: 'ciro', repName: 'Ciro' } }))
    putHandback(yesterday, handback('h1'))
    expect(mergeHandbacks([yesterday, today])).toMatchObject([{ id: 'h1', state: 'taken' }])
  })

  test('the carry copies what is pending once, and a later answer, but never reopens a settled copy', () => {
    const from = new Y.Doc()
    const to = new Y.Doc()
    putInvitation(from, invitation('pending'))
    putInvitation(from, invitation('answered', { state: 'accepted' }))
    putInvitation(from, invitation('too-old', { at: DEC_3 - 8 * 86_400_000 }))
    putHandback(from, handback('h1'))
    expect(carryCoordination(from, to, DEC_3 - 7 * 86_400_000)).toBe(2)
    expect(carryCoordination(from, to, DEC_3 - 7 * 86_400_000)).toBe(0)
    expect([...invitationsMap(to).keys()]).toEqual(['pending'])
    answerInvitation(from, 'pending', 'declined')
    expect(carryCoordination(from, to, DEC_3 - 7 * 86_400_000)).toBe(1)
    expect(mergeInvitations([to])[0]?.state).toBe('declined')
    answerInvitation(to, 'h-none', 'accepted') // nothing to answer: no write
    putInvitation(from, invitation('pending', { state: 'pending' })) // a stale writer puts it back to pending yesterday
    expect(carryCoordination(from, to, DEC_3 - 7 * 86_400_000)).toBe(0)
    expect(mergeInvitations([to, from]).find((item) => item.id === 'pending')?.state).toBe('declined')
  })
})

describe('a team’s coordination on a device', () => {
  test('invitations go to today’s document, never to the team doc; one asked at 23:50 is still open after the grace hour', async () => {
    const clock = { now: DEC_3 }
    const ana = device(new Map(), clock)
    const periods = await ana.open()
    opened.push(periods)
    const coordination = createTeamCoordination(ana.teamDoc, periods)
    let changes = 0
    const stop = coordination.observe(() => changes++)
    coordination.invite(invitation('i1'))
    coordination.handBack(handback('h1'))
    coordination.claim('h1', { repId: 'ciro', repName: 'Ciro', at: DEC_3 + 1 })
    expect(changes).toBe(3)
    expect(invitationsMap(ana.teamDoc).size).toBe(0)
    expect(invitationsMap(periods.today()).size).toBe(1)
    clock.now = MIDNIGHT + 1_000
    await vi.advanceTimersByTimeAsync(DAY_CHECK_MS)
    expect(periods.day()).toBe('2026-12-04')
    clock.now = MIDNIGHT + GRACE_MS + 1
    await vi.advanceTimersByTimeAsync(GRACE_MS)
    expect(periods.liveDocs()).toHaveLength(1) // yesterday has left
    expect(coordination.invitations()).toMatchObject([{ id: 'i1', state: 'pending' }])
    expect(coordination.handbacks()).toMatchObject([{ id: 'h1', state: 'waiting' }])
    coordination.answer('i1', 'accepted')
    expect(coordination.invitations()[0]?.state).toBe('accepted')
    const before = changes
    coordination.invite(invitation('i2', { at: clock.now }))
    expect(changes).toBeGreaterThan(before) // still observing after the day turned
    stop()
  })

  test('what an older version wrote to the team doc is still read and answered there', async () => {
    const clock = { now: DEC_3 }
    const ana = device(new Map(), clock)
    const periods = await ana.open()
    opened.push(periods)
    putInvitation(ana.teamDoc, invitation('legacy'))
    const coordination = createTeamCoordination(ana.teamDoc, periods)
    expect(coordination.invitations().map((item) => item.id)).toEqual(['legacy'])
    coordination.answer('legacy', 'declined')
    expect(mergeInvitations([ana.teamDoc])[0]?.state).toBe('declined')
  })
})
