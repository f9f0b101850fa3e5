// Team portals in the team doc (src/doc/teamPortals.ts): rows, the queue log and its numbers, spam marks.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { markSpamWriter, putQueueLog, putTeamPortal, queueNumbers, readQueueLog, readSpamWriters, readTeamPortals, type TeamPortal } from '../../src/doc/teamPortals'

const portal: TeamPortal = {
  portalId: 'portal1',
  createdAt: 1,
  name: 'Printers Inc',
  greeting: 'Hello',
  hours: '9–17',
  lang: 'es',
  fields: ['email'],
  seal: { publicKey: 'P'.repeat(87), privateKey: 'Q'.repeat(184) },
  sign: { publicKey: 'S'.repeat(43), privateKey: 'T'.repeat(64) },
}

describe('team portals', () => {
  it('round-trips a portal and drops malformed rows', () => {
    const doc = new Y.Doc()
    putTeamPortal(doc, portal)
    doc.getMap('portals').set('bad', { name: '', greeting: 1 })
    expect(readTeamPortals(doc)).toEqual([portal])
  })

  it('the queue numbers: waiting now, median wait and taken per rep, today only', () => {
    const doc = new Y.Doc()
    const day = new Date(2026, 11, 2).getTime()
    putQueueLog(doc, { requestId: 'old', portalId: 'p', repId: 'ana', takenAt: day - 1, waitedMs: 999_000 })
    putQueueLog(doc, { requestId: 'a', portalId: 'p', repId: 'ana', takenAt: day + 10, waitedMs: 10_000 })
    putQueueLog(doc, { requestId: 'b', portalId: 'p', repId: 'bruno', takenAt: day + 20, waitedMs: 30_000 })
    putQueueLog(doc, { requestId: 'c', portalId: 'p', repId: 'ana', takenAt: day + 30, waitedMs: 20_000 })
    putQueueLog(doc, { requestId: 'c', portalId: 'p', repId: 'bruno', takenAt: day + 40, waitedMs: 1 }) // a request is logged once
    expect(readQueueLog(doc)).toHaveLength(4)
    expect(queueNumbers(readQueueLog(doc), 3, day)).toEqual({
      waiting: 3,
      medianWaitMs: 20_000,
      takenToday: [
        { repId: 'ana', count: 2 },
        { repId: 'bruno', count: 1 },
      ],
    })
    expect(queueNumbers([], 0, day).medianWaitMs).toBeUndefined()
  })

  it('spam marks are per portal', () => {
    const doc = new Y.Doc()
    markSpamWriter(doc, 'p1', 1234, 1)
    markSpamWriter(doc, 'p2', 99, 1)
    expect([...readSpamWriters(doc, 'p1')]).toEqual([1234])
  })
})
