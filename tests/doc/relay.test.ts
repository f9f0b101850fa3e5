import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { mirrorCustomerEntries, mirrorIntake, publishRepEntries } from '../../src/doc/relay'
import { appendEntry, entriesMap, readEntry, readTranscript } from '../../src/doc/transcript'
import { readIntake, writeIntake } from '../../src/doc/intake'
import type { StoredEntry } from '../../src/doc/entry'
import { RELAY, ROOT } from '../../src/doc/schema'
import { T0, chat, fromHostilePeer, makeDoc, repChat } from './fixtures'

const systemNote = (overrides: Partial<StoredEntry> = {}): StoredEntry =>
  chat({ kind: 'status', event: 'joined', authorId: 'system', authorName: '', authorRole: 'system', text: 'Rafa', ...overrides })

function pair(): { customerDoc: Y.Doc; repDoc: Y.Doc } {
  return { customerDoc: makeDoc(10), repDoc: makeDoc(20) }
}

describe('mirrorCustomerEntries (customer doc → rep doc)', () => {
  test("copies the customer's own messages with their ids and content", () => {
    const { customerDoc, repDoc } = pair()
    const id = appendEntry(customerDoc, chat({ text: 'my printer is on fire' }))
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(1)
    expect(readTranscript(repDoc)).toEqual(readTranscript(customerDoc))
    expect(readEntry(repDoc, id)?.text).toBe('my printer is on fire')
  })

  test('never copies entries in the customer doc that claim a rep or the system as author (forgery)', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(customerDoc, repChat({ text: 'your refund is approved' }))
    appendEntry(customerDoc, systemNote({ event: 'ended' }))
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(readTranscript(repDoc)).toEqual([])
  })

  test('never copies a customer entry addressed to reps only', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(customerDoc, chat({ audience: 'reps' }))
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
  })

  test('never copies invalid entries', () => {
    const { customerDoc, repDoc } = pair()
    fromHostilePeer(customerDoc, (peer) => peer.getMap(ROOT.entries).set('000000001.0000.x', { ...chat(), text: 7 }))
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(entriesMap(repDoc).size).toBe(0)
  })

  test('running it twice copies nothing the second time and emits no update', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(customerDoc, chat({ text: 'a' }))
    appendEntry(customerDoc, chat({ text: 'b' }))
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(2)
    let updates = 0
    repDoc.on('update', () => updates++)
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(updates).toBe(0)
  })

  test('copies only the given ids when ids are passed', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(customerDoc, chat({ text: 'a', at: T0 }))
    const b = appendEntry(customerDoc, chat({ text: 'b', at: T0 + 1 }))
    expect(mirrorCustomerEntries(customerDoc, repDoc, [b, 'missing-id'])).toBe(1)
    expect(readTranscript(repDoc).map((e) => e.text)).toEqual(['b'])
  })

  test('writes into the rep doc with the RELAY origin', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(customerDoc, chat())
    const origins: unknown[] = []
    repDoc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin))
    mirrorCustomerEntries(customerDoc, repDoc)
    expect(origins).toEqual([RELAY])
  })

  test('a deletion in the customer doc is never mirrored: the rep doc keeps the entry', () => {
    const { customerDoc, repDoc } = pair()
    const id = appendEntry(customerDoc, chat({ text: 'I said this' }))
    mirrorCustomerEntries(customerDoc, repDoc)
    fromHostilePeer(customerDoc, (peer) => peer.getMap(ROOT.entries).delete(id))
    expect(readEntry(customerDoc, id)).toBeUndefined()
    mirrorCustomerEntries(customerDoc, repDoc)
    expect(readEntry(repDoc, id)?.text).toBe('I said this')
  })

  test('an entry rewritten in the customer doc after mirroring does not change the rep copy', () => {
    const { customerDoc, repDoc } = pair()
    const id = appendEntry(customerDoc, chat({ text: 'original' }))
    mirrorCustomerEntries(customerDoc, repDoc)
    fromHostilePeer(customerDoc, (peer) => peer.getMap(ROOT.entries).set(id, chat({ text: 'rewritten' })))
    expect(readEntry(customerDoc, id)?.text).toBe('rewritten')
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(readEntry(repDoc, id)?.text).toBe('original')
  })

  test("a customer entry reusing a rep entry's id never replaces the rep's entry", () => {
    const { customerDoc, repDoc } = pair()
    const id = appendEntry(repDoc, repChat({ text: 'genuine', audience: 'reps' }))
    fromHostilePeer(customerDoc, (peer) => peer.getMap(ROOT.entries).set(id, chat({ text: 'forged' })))
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(readEntry(repDoc, id)?.text).toBe('genuine')
  })
})

describe('publishRepEntries (rep doc → customer doc)', () => {
  test("copies reps' and system entries meant for everyone, never rep-only entries", () => {
    const { customerDoc, repDoc } = pair()
    const visible = appendEntry(repDoc, repChat({ text: 'hello, I am Rafa', at: T0 }))
    const note = appendEntry(repDoc, systemNote({ at: T0 + 1 }))
    appendEntry(repDoc, repChat({ text: 'customer seems angry', audience: 'reps', at: T0 + 2 }))
    appendEntry(repDoc, systemNote({ audience: 'reps', event: 'left', at: T0 + 3 }))
    expect(publishRepEntries(repDoc, customerDoc)).toBe(2)
    expect(readTranscript(customerDoc).map((e) => e.id)).toEqual([visible, note])
    expect(readTranscript(customerDoc).some((e) => e.audience === 'reps')).toBe(false)
  })

  test('does not echo mirrored customer entries back', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(customerDoc, chat())
    mirrorCustomerEntries(customerDoc, repDoc)
    let updates = 0
    customerDoc.on('update', () => updates++)
    expect(publishRepEntries(repDoc, customerDoc)).toBe(0)
    expect(updates).toBe(0)
  })

  test('running it twice copies nothing the second time', () => {
    const { customerDoc, repDoc } = pair()
    appendEntry(repDoc, repChat())
    expect(publishRepEntries(repDoc, customerDoc)).toBe(1)
    expect(publishRepEntries(repDoc, customerDoc)).toBe(0)
  })
})

describe('mirrorIntake', () => {
  const intake = { customerId: 'cust-1', customerName: 'Carla', request: 'printer', system: { os: 'Linux' } }

  test('copies a valid intake into the rep doc details, once', () => {
    const { customerDoc, repDoc } = pair()
    writeIntake(customerDoc, intake)
    expect(mirrorIntake(customerDoc, repDoc)).toBe(true)
    expect(readIntake(repDoc, 'rep')).toEqual(intake)
    expect(mirrorIntake(customerDoc, repDoc)).toBe(false)
  })

  test('copies a changed intake again', () => {
    const { customerDoc, repDoc } = pair()
    writeIntake(customerDoc, intake)
    mirrorIntake(customerDoc, repDoc)
    writeIntake(customerDoc, { ...intake, request: 'printer and scanner' })
    expect(mirrorIntake(customerDoc, repDoc)).toBe(true)
    expect(readIntake(repDoc, 'rep')?.request).toBe('printer and scanner')
  })

  test('copies nothing while the intake is invalid', () => {
    const { customerDoc, repDoc } = pair()
    fromHostilePeer(customerDoc, (peer) => {
      peer.getMap(ROOT.intake).set('customerId', { id: 1 })
      peer.getMap(ROOT.intake).set('customerName', 'Carla')
    })
    expect(mirrorIntake(customerDoc, repDoc)).toBe(false)
    expect(intakeKeys(repDoc)).toEqual([])
  })

  test('copies only the validated fields, never what a peer added', () => {
    const { customerDoc, repDoc } = pair()
    fromHostilePeer(customerDoc, (peer) => {
      const map = peer.getMap(ROOT.intake)
      map.set('customerId', 'cust-1')
      map.set('customerName', 'Carla')
      map.set('system', { os: 'Linux', evil: { nested: true }, 'bad key': 'x' })
      map.set('isAdmin', true)
    })
    expect(mirrorIntake(customerDoc, repDoc)).toBe(true)
    expect(intakeKeys(repDoc).sort()).toEqual(['customerId', 'customerName', 'request', 'system'])
    expect(readIntake(repDoc, 'rep')?.system).toEqual({ os: 'Linux' })
  })
})

function intakeKeys(repDoc: Y.Doc): string[] {
  return [...repDoc.getMap(ROOT.details).keys()]
}

describe('relay laws (properties)', () => {
  const WRITERS = 3 // customer-doc peers: the customer and two (possibly hostile) others
  const entryArb = fc.record({
    writer: fc.nat(WRITERS - 1),
    role: fc.constantFrom('customer', 'customer', 'rep', 'system'),
    audience: fc.constantFrom('all', 'all', 'reps'),
    at: fc.integer({ min: 0, max: 5_000 }),
    order: fc.nat(),
    mirrorAfter: fc.boolean(),
  })

  type EntrySpec = typeof entryArb extends fc.Arbitrary<infer T> ? T : never

  /** Each entry becomes one update from its writer's doc, as it would arrive over the network. */
  function writeUpdates(specs: EntrySpec[], firstClient = 100): Uint8Array[] {
    const writers = Array.from({ length: WRITERS }, (_, i) => makeDoc(firstClient + i))
    return specs.map((spec, i) => {
      const doc = writers[spec.writer]!
      const before = Y.encodeStateVector(doc)
      const fields = { authorRole: spec.role, audience: spec.audience, text: `m${i}`, at: T0 + spec.at }
      appendEntry(doc, spec.role === 'system' ? systemNote(fields) : chat(fields))
      return Y.encodeStateAsUpdate(doc, before)
    })
  }

  test('the rep transcript does not depend on the order updates arrive in or when the mirror runs', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 15 }), (specs) => {
        const updates = writeUpdates(specs)

        const inOrder = pair()
        for (const update of updates) Y.applyUpdate(inOrder.customerDoc, update)
        mirrorCustomerEntries(inOrder.customerDoc, inOrder.repDoc)

        const shuffled = pair()
        const order = specs.map((spec, i) => ({ ...spec, i })).sort((a, b) => a.order - b.order || a.i - b.i)
        for (const step of order) {
          Y.applyUpdate(shuffled.customerDoc, updates[step.i]!)
          if (step.mirrorAfter) mirrorCustomerEntries(shuffled.customerDoc, shuffled.repDoc)
        }
        mirrorCustomerEntries(shuffled.customerDoc, shuffled.repDoc)

        const expected = readTranscript(inOrder.repDoc)
        expect(readTranscript(shuffled.repDoc)).toEqual(expected)
        expect(expected.every((e) => e.authorRole === 'customer' && e.audience === 'all')).toBe(true)
        expect(expected).toHaveLength(specs.filter((s) => s.role === 'customer' && s.audience === 'all').length)
      }),
    )
  })

  test('mirror(mirror(x)) = mirror(x), and publish likewise', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 15 }), (specs) => {
        const { customerDoc, repDoc } = pair()
        for (const update of writeUpdates(specs)) Y.applyUpdate(customerDoc, update)
        mirrorCustomerEntries(customerDoc, repDoc)
        for (const update of writeUpdates(specs, 200)) Y.applyUpdate(repDoc, update)
        publishRepEntries(repDoc, customerDoc)
        const once = [Y.encodeStateAsUpdate(repDoc), Y.encodeStateAsUpdate(customerDoc)]
        expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
        expect(publishRepEntries(repDoc, customerDoc)).toBe(0)
        expect([Y.encodeStateAsUpdate(repDoc), Y.encodeStateAsUpdate(customerDoc)]).toEqual(once)
      }),
    )
  })
})
