import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { MAX_ATTENDEES, attendeesMap, parseAttendee, putAttendee, readAttendeeList, type Attendee } from '../../src/doc/attendees'
import { fromHostilePeer, makeDoc } from './fixtures'

/** The reference read: scan everything, known first, then by id (what readAttendeeList must equal). */
function fullScan(doc: Y.Doc, known: ReadonlySet<string>): { ids: string[]; ignored: number } {
  const valid: Attendee[] = []
  attendeesMap(doc).forEach((raw, id) => {
    const attendee = parseAttendee(id, raw)
    if (attendee) valid.push(attendee)
  })
  const byId = (a: Attendee, b: Attendee): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const kept = [...valid.filter((a) => known.has(a.id)).sort(byId), ...valid.filter((a) => !known.has(a.id)).sort(byId)].slice(0, MAX_ATTENDEES)
  return { ids: kept.map((a) => a.id).sort(), ignored: valid.length - kept.length }
}

describe('incremental attendee reads', () => {
  test('law: after any sequence of puts, deletes and junk, the read equals a full scan', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.stringMatching(/^[a-z0-9]{1,6}$/), role: fc.constantFrom('rep' as const, 'customer' as const) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.stringMatching(/^[a-z0-9]{1,6}$/) }),
      fc.record({ kind: fc.constant('junk' as const), id: fc.stringMatching(/^[a-z0-9]{1,6}$/) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: 5 }), (ops, knownIds) => {
        const doc = makeDoc(1)
        const known = new Set(knownIds)
        readAttendeeList(doc, known) // the index exists from the start and must follow every change
        for (const step of ops) {
          if (step.kind === 'put') putAttendee(doc, { id: step.id, name: `n-${step.id}`, role: step.role, hidden: false })
          else if (step.kind === 'delete') attendeesMap(doc).delete(step.id)
          else fromHostilePeer(doc, (peer) => attendeesMap(peer).set(step.id, { name: 42 }))
        }
        const read = readAttendeeList(doc, known)
        const expected = fullScan(doc, known)
        expect(read.attendees.map((a) => a.id).sort()).toEqual(expected.ids)
        expect(read.ignored).toBe(expected.ignored)
      }),
      { numRuns: 200 },
    )
  })

  test('with 100k flooded records, a read after a small update walks no Y.Map (timing: bench heldUpdates)', () => {
    const doc = makeDoc(1)
    fromHostilePeer(doc, (peer) => {
      peer.transact(() => {
        for (let i = 0; i < 100_000; i++) attendeesMap(peer).set(`fake${i.toString().padStart(6, '0')}`, { name: `Fake ${i}`, role: 'rep' })
      })
    })
    const known = new Set(['carla'])
    readAttendeeList(doc, known)
    // A full scan (what cost 76–100 ms at 100k) walks the Y.Map: count every walk of it.
    const proto = Y.Map.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
    const walks = { count: 0 }
    const originals = ['forEach', 'entries', 'keys', 'values', 'toJSON', Symbol.iterator as unknown as string].map((name) => [name, proto[name]] as const)
    for (const [name, original] of originals) {
      proto[name] = function (this: unknown, ...args: unknown[]) {
        walks.count++
        return original?.apply(this, args)
      }
    }
    try {
      for (let i = 0; i < 20; i++) {
        putAttendee(doc, { id: `late${i}`, name: 'Late', role: 'rep', hidden: false })
        const read = readAttendeeList(doc, known)
        expect(read.ignored).toBe(100_000 + i + 1 - MAX_ATTENDEES)
        expect(read.attendees).toHaveLength(MAX_ATTENDEES)
      }
    } finally {
      for (const [name, original] of originals) proto[name] = original as (...args: unknown[]) => unknown
    }
    expect(walks.count).toBe(0)
  })
})
