import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addClock, isWaiting, mergePending, notesDigest, parsePeerHeld, parsePending, settle, uncovered, type PendingSync } from '../../src/app/session/pendingSync'
import { toBase64Url } from '../../src/net/roomKeys'

const vector = (entries: [number, number][]): Map<number, number> => new Map(entries)

describe('pending sync: what no rep peer holds yet', () => {
  it('keeps the highest clock per client', () => {
    const clocks = addClock(addClock(addClock({}, 7, 3), 7, 2), 9, 1)
    expect(clocks).toEqual({ '7': 3, '9': 1 })
  })

  it('a clock is covered only by a peer vector that reaches it for the same client', () => {
    const clocks = { '7': 5, '9': 2 }
    expect(uncovered(clocks, [vector([[7, 4], [9, 9]])])).toEqual({ '7': 5 })
    expect(uncovered(clocks, [vector([[7, 5]]), vector([[9, 2]])])).toEqual({})
    expect(uncovered(clocks, [vector([[8, 99]])])).toEqual(clocks)
    expect(uncovered(clocks, [])).toEqual(clocks)
  })

  it('notes wait until a peer holds the same text; session changes until a peer vector covers them', () => {
    const pending: PendingSync = { notes: true, session: { '7': 5 } }
    const same = notesDigest('call back tomorrow')
    const stale = settle(pending, [{ vector: vector([[7, 4]]), notes: notesDigest('call back') }], same)
    expect(stale).toBe(pending) // nothing acknowledged: the same object, no write
    const notesOnly = settle(pending, [{ vector: vector([[7, 4]]), notes: same }], same)
    expect(notesOnly).toEqual({ notes: false, session: { '7': 5 } })
    expect(isWaiting(notesOnly, 'notes')).toBe(false)
    expect(isWaiting(notesOnly, 'session')).toBe(true)
    expect(settle(notesOnly, [{ vector: vector([[7, 5]]), notes: '' }], same)).toEqual({ notes: false, session: {} })
  })

  it('the notes digest tells texts apart, deletions included', () => {
    expect(notesDigest('abc')).toBe(notesDigest('abc'))
    expect(notesDigest('abc')).not.toBe(notesDigest('ab'))
    expect(notesDigest('abc')).not.toBe(notesDigest('abd'))
    expect(notesDigest('')).not.toBe(notesDigest(' '))
  })

  it('merges the stored state with edits made while it loaded', () => {
    expect(mergePending({ notes: false, session: { '1': 4 } }, { notes: true, session: { '1': 2, '2': 3 } })).toEqual({ notes: true, session: { '1': 4, '2': 3 } })
  })

  it('a stored state is validated: junk counts as nothing pending', () => {
    expect(parsePending(undefined)).toEqual({ notes: false, session: {} })
    expect(parsePending('x')).toEqual({ notes: false, session: {} })
    expect(parsePending({ notes: 'yes', session: { abc: 3, '12': -1, '13': 1.5, '14': 8 } })).toEqual({ notes: false, session: { '14': 8 } })
    expect(parsePending({ notes: true, session: null })).toEqual({ notes: true, session: {} })
  })

  it('reads what a peer published, and refuses malformed or oversized holdings', () => {
    const doc = new Y.Doc()
    doc.getText('notes').insert(0, 'hello')
    const sv = toBase64Url(Y.encodeStateVector(doc))
    const held = parsePeerHeld({ sv, notes: notesDigest('hello') }, Y.decodeStateVector)
    expect(held?.vector.get(doc.clientID)).toBe(5)
    expect(held?.notes).toBe(notesDigest('hello'))
    expect(parsePeerHeld({ sv: '***', notes: 'x' }, Y.decodeStateVector)).toBeUndefined()
    expect(parsePeerHeld({ sv, notes: 3 }, Y.decodeStateVector)).toBeUndefined()
    expect(parsePeerHeld({ sv: 'A'.repeat(20_000), notes: 'x' }, Y.decodeStateVector)).toBeUndefined()
    expect(parsePeerHeld(null, Y.decodeStateVector)).toBeUndefined()
  })
})
