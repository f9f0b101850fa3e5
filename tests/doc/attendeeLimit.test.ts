import { describe, expect, test } from 'vitest'
import { attendeesMap, hiddenAttendeeIds, MAX_ATTENDEES, putAttendee, readAttendeeList, readAttendees } from '../../src/doc/attendees'
import { MAX_REPS_PER_SESSION } from '../../src/doc/invitations'
import { ignoredCustomerAttendees } from '../../src/doc/ignoredAttendees'
import { writeIntake } from '../../src/doc/intake'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { publishRepEntries } from './relayHarness'
import { bindIntake } from '../../src/doc/customerBinding'
import { RELAY } from '../../src/doc/schema'
import { fromHostilePeer, makeDoc, repChat, syncInto } from './fixtures'

/** Ids that sort before every genuine one, so a naive "first N" would push the genuine ones out. */
function floodId(n: number): string {
  return `aaa-${String(n).padStart(5, '0')}`
}

function flood(doc: ReturnType<typeof makeDoc>, count: number, role: 'rep' | 'customer' = 'rep'): void {
  fromHostilePeer(doc, (peer) => {
    peer.transact(() => {
      for (let n = 0; n < count; n++) attendeesMap(peer).set(floodId(n), { name: `Fake ${n}`, role })
    })
  })
}

/** A session as a visible rep sees it: the customer and two reps in the record, copied to the customer doc. */
function session() {
  const repDoc = makeDoc(20)
  const customerDoc = makeDoc(10)
  writeIntake(customerDoc, { customerId: 'zz-customer', customerName: 'Carla', request: 'printer', system: {}, publicKey: 'C'.repeat(43) })
  putAttendee(customerDoc, { id: 'zz-customer', name: 'Carla', role: 'customer', hidden: false })
  bindIntake(customerDoc, repDoc, RELAY)
  for (const [id, name] of [['zz-rep-1', 'Rafa'], ['zz-rep-2', 'Rosa']] as const) {
    putAttendee(repDoc, { id, name, role: 'rep', hidden: false })
    putAttendee(customerDoc, { id, name, role: 'rep', hidden: false })
  }
  return { repDoc, customerDoc }
}

describe('attendee limit', () => {
  test('the limit leaves room for a full session of reps and its customer', () => {
    expect(MAX_ATTENDEES).toBeGreaterThan(MAX_REPS_PER_SESSION)
    const doc = makeDoc(1)
    putAttendee(doc, { id: 'c', name: 'Carla', role: 'customer', hidden: false })
    for (let n = 0; n < MAX_REPS_PER_SESSION; n++) putAttendee(doc, { id: `r${n}`, name: `Rep ${n}`, role: 'rep', hidden: false })
    expect(readAttendeeList(doc)).toEqual({ attendees: readAttendees(doc), ignored: 0 })
    expect(readAttendees(doc)).toHaveLength(MAX_REPS_PER_SESSION + 1)
  })

  test('a reader takes at most MAX_ATTENDEES records from a flooded document and counts the rest as ignored', () => {
    const doc = makeDoc(1)
    flood(doc, 500)
    expect(attendeesMap(doc).size).toBe(500)
    const list = readAttendeeList(doc)
    expect(list.attendees).toHaveLength(MAX_ATTENDEES)
    expect(list.ignored).toBe(500 - MAX_ATTENDEES)
  })

  test('exactly MAX_ATTENDEES records are all read; one more is ignored', () => {
    const doc = makeDoc(1)
    flood(doc, MAX_ATTENDEES)
    expect(readAttendeeList(doc).ignored).toBe(0)
    putAttendee(doc, { id: 'zz-one-more', name: 'One more', role: 'customer', hidden: false })
    expect(readAttendeeList(doc).ignored).toBe(1)
  })

  test('invalid records are dropped, not counted against the limit', () => {
    const doc = makeDoc(1)
    fromHostilePeer(doc, (peer) => {
      for (let n = 0; n < 100; n++) attendeesMap(peer).set(`bad-${n}`, { name: 7, role: 'rep' })
    })
    putAttendee(doc, { id: 'c', name: 'Carla', role: 'customer', hidden: false })
    expect(readAttendeeList(doc)).toEqual({ attendees: [{ id: 'c', name: 'Carla', role: 'customer', hidden: false }], ignored: 0 })
  })

  test('known ids are always kept, even when the flood sorts before them', () => {
    const { customerDoc } = session()
    flood(customerDoc, 300)
    const known = new Set(['zz-customer', 'zz-rep-1', 'zz-rep-2'])
    const list = readAttendeeList(customerDoc, known)
    expect(list.attendees).toHaveLength(MAX_ATTENDEES)
    expect(list.attendees.filter((a) => known.has(a.id)).map((a) => a.name)).toEqual(['Carla', 'Rafa', 'Rosa'])
    expect(list.ignored).toBe(300 + 3 - MAX_ATTENDEES)
    // Without them, the flood's ids come first: the genuine ones would be lost.
    expect(readAttendees(customerDoc).some((a) => known.has(a.id))).toBe(false)
  })

  test('every peer reads the same capped list, whatever order the records arrived in', () => {
    const a = makeDoc(1)
    const b = makeDoc(2)
    flood(a, 60, 'customer')
    fromHostilePeer(b, (peer) => {
      for (let n = 59; n >= 0; n--) attendeesMap(peer).set(floodId(n), { name: `Fake ${n}`, role: 'customer' })
    })
    syncInto(a, b)
    syncInto(b, a)
    expect(readAttendees(a)).toEqual(readAttendees(b))
  })
})

describe('ignoredCustomerAttendees (the rep is told)', () => {
  test('is 0 for a genuine session', () => {
    const { customerDoc, repDoc } = session()
    expect(ignoredCustomerAttendees(customerDoc, repDoc)).toBe(0)
  })

  test('counts what a hostile customer-side peer added beyond the limit; the genuine people never count', () => {
    const { customerDoc, repDoc } = session()
    flood(customerDoc, 100)
    expect(ignoredCustomerAttendees(customerDoc, repDoc)).toBe(100 + 3 - MAX_ATTENDEES)
    // The record is untouched: the customer doc's attendees never reach the rep doc.
    expect(readAttendees(repDoc).map((a) => a.id).sort()).toEqual(['zz-rep-1', 'zz-rep-2'])
  })
})

describe('hidden reps stay hidden under a flood of the rep doc', () => {
  test('hiddenAttendeeIds reads every record, so a hidden rep past the limit is still never published', () => {
    const repDoc = makeDoc(20)
    const customerDoc = makeDoc(10)
    flood(repDoc, MAX_ATTENDEES * 2)
    putAttendee(repDoc, { id: 'zz-hidden', name: 'Hugo', role: 'rep', hidden: true })
    expect(readAttendees(repDoc).some((a) => a.id === 'zz-hidden')).toBe(false)
    expect(hiddenAttendeeIds(repDoc)).toEqual(new Set(['zz-hidden']))
    appendEntry(repDoc, repChat({ authorId: 'zz-hidden', authorName: 'Hugo', text: 'secret' }))
    expect(publishRepEntries(repDoc, customerDoc)).toBe(0)
    expect(readTranscript(customerDoc)).toEqual([])
  })
})
