import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { mirrorReceipts } from '../../src/doc/relay'
import { bindIntake, readCustomerBinding } from '../../src/doc/customerBinding'
import { appendEntry, entriesMap, hasEventNote, readEntry, readTranscript } from '../../src/doc/transcript'
import { readIntake, writeIntake } from '../../src/doc/intake'
import { markReceipt, readReceipts, deliveryState } from '../../src/doc/receipts'
import { formatEntryId } from '../../src/doc/entryId'
import { readSignature } from '../../src/doc/signatures'
import { initRepDoc } from '../../src/doc/session'
import type { StoredEntry } from '../../src/doc/entry'
import { RELAY, ROOT } from '../../src/doc/schema'
import { T0, chat, fromHostilePeer, makeDoc, repChat } from './fixtures'
import { CUSTOMER_PUBLIC_KEY, authoritySignature, bindTestCustomer, customerSignature, mirrorCustomerEntries, publishRepEntries, signAsCustomer } from './relayHarness'

const systemNote = (overrides: Partial<StoredEntry> = {}): StoredEntry =>
  chat({ kind: 'status', event: 'joined', authorId: 'system', authorName: '', authorRole: 'system', text: 'Rafa', ...overrides })

/** A bound session: the rep doc's meta says it started at T0, and customer `cust-1` (Carla) is bound. */
function pair(): { customerDoc: Y.Doc; repDoc: Y.Doc } {
  const customerDoc = makeDoc(10)
  const repDoc = makeDoc(20)
  initRepDoc(repDoc, { sessionId: 'session-1', createdAt: T0, portal: 'link', customerKey: 'k'.repeat(43) })
  bindTestCustomer(customerDoc, repDoc)
  return { customerDoc, repDoc }
}

/** The genuine customer writes an entry and signs it. */
function customerSays(doc: Y.Doc, overrides: Partial<StoredEntry> = {}): string {
  const id = appendEntry(doc, chat(overrides))
  signAsCustomer(doc, [id])
  return id
}

describe('mirrorCustomerEntries (customer doc → rep doc)', () => {
  test("copies the customer's own messages with their ids and content", () => {
    const { customerDoc, repDoc } = pair()
    const id = customerSays(customerDoc, { text: 'my printer is on fire' })
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(1)
    expect(readTranscript(repDoc)).toEqual(readTranscript(customerDoc))
    expect(readEntry(repDoc, id)?.text).toBe('my printer is on fire')
    expect(readSignature(repDoc, id)).toBe(customerSignature(id))
  })

  test('never copies entries in the customer doc that claim a rep or the system as author (forgery)', () => {
    const { customerDoc, repDoc } = pair()
    signAsCustomer(customerDoc, [appendEntry(customerDoc, repChat({ text: 'your refund is approved' })), appendEntry(customerDoc, systemNote({ event: 'ended' }))])
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(readTranscript(repDoc)).toEqual([])
  })

  test('never copies a customer entry addressed to reps only', () => {
    const { customerDoc, repDoc } = pair()
    customerSays(customerDoc, { audience: 'reps' })
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
    customerSays(customerDoc, { text: 'a' })
    customerSays(customerDoc, { text: 'b' })
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(2)
    let updates = 0
    repDoc.on('update', () => updates++)
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(updates).toBe(0)
  })

  test('copies only the given ids when ids are passed', () => {
    const { customerDoc, repDoc } = pair()
    customerSays(customerDoc, { text: 'a', at: T0 })
    const b = customerSays(customerDoc, { text: 'b', at: T0 + 1 })
    expect(mirrorCustomerEntries(customerDoc, repDoc, [b, 'missing-id'])).toBe(1)
    expect(readTranscript(repDoc).map((e) => e.text)).toEqual(['b'])
  })

  test('writes into the rep doc with the RELAY origin', () => {
    const { customerDoc, repDoc } = pair()
    customerSays(customerDoc)
    const origins: unknown[] = []
    repDoc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin))
    mirrorCustomerEntries(customerDoc, repDoc)
    expect(origins).toEqual([RELAY])
  })

  test('a deletion in the customer doc is never mirrored: the rep doc keeps the entry', () => {
    const { customerDoc, repDoc } = pair()
    const id = customerSays(customerDoc, { text: 'I said this' })
    mirrorCustomerEntries(customerDoc, repDoc)
    fromHostilePeer(customerDoc, (peer) => peer.getMap(ROOT.entries).delete(id))
    expect(readEntry(customerDoc, id)).toBeUndefined()
    mirrorCustomerEntries(customerDoc, repDoc)
    expect(readEntry(repDoc, id)?.text).toBe('I said this')
  })

  test('an entry rewritten in the customer doc after mirroring does not change the rep copy', () => {
    const { customerDoc, repDoc } = pair()
    const id = customerSays(customerDoc, { text: 'original' })
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
    signAsCustomer(customerDoc, [id])
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
    customerSays(customerDoc)
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

describe('bindIntake (the first intake binds the session; details freeze)', () => {
  const intake = { customerId: 'cust-1', customerName: 'Carla', request: 'printer', system: { os: 'Linux' }, publicKey: CUSTOMER_PUBLIC_KEY }

  test('binds the session to the first valid intake with a key: details and binding in the rep doc, once', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    writeIntake(customerDoc, intake)
    expect(bindIntake(customerDoc, repDoc, RELAY)).toBe('bound')
    expect(readIntake(repDoc, 'rep')).toEqual({ customerId: 'cust-1', customerName: 'Carla', request: 'printer', system: { os: 'Linux' } })
    expect(readCustomerBinding(repDoc)).toEqual({ customerId: 'cust-1', publicKey: CUSTOMER_PUBLIC_KEY })
    expect(bindIntake(customerDoc, repDoc, RELAY)).toBe('unchanged')
  })

  test('an intake rewritten after binding is reported, never copied (details, binding and key stay)', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    writeIntake(customerDoc, intake)
    bindIntake(customerDoc, repDoc, RELAY)
    fromHostilePeer(customerDoc, (peer) => {
      peer.getMap(ROOT.intake).set('customerName', 'Mallory')
      peer.getMap(ROOT.intake).set('publicKey', 'M'.repeat(43))
    })
    expect(bindIntake(customerDoc, repDoc, RELAY)).toBe('rewritten')
    expect(readIntake(repDoc, 'rep')?.customerName).toBe('Carla')
    expect(readCustomerBinding(repDoc)?.publicKey).toBe(CUSTOMER_PUBLIC_KEY)
  })

  test('binds nothing while the intake is invalid or carries no key', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    fromHostilePeer(customerDoc, (peer) => {
      peer.getMap(ROOT.intake).set('customerId', { id: 1 })
      peer.getMap(ROOT.intake).set('customerName', 'Carla')
    })
    expect(bindIntake(customerDoc, repDoc, RELAY)).toBe('none')
    writeIntake(customerDoc, { ...intake, publicKey: undefined })
    expect(bindIntake(customerDoc, repDoc, RELAY)).toBe('none')
    expect(intakeKeys(repDoc)).toEqual([])
  })

  test('copies only the validated fields, never what a peer added', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    fromHostilePeer(customerDoc, (peer) => {
      const map = peer.getMap(ROOT.intake)
      map.set('customerId', 'cust-1')
      map.set('customerName', 'Carla')
      map.set('publicKey', CUSTOMER_PUBLIC_KEY)
      map.set('system', { os: 'Linux', evil: { nested: true }, 'bad key': 'x' })
      map.set('isAdmin', true)
    })
    expect(bindIntake(customerDoc, repDoc, RELAY)).toBe('bound')
    expect(intakeKeys(repDoc).sort()).toEqual(['customerId', 'customerName', 'request', 'system'])
    expect(readIntake(repDoc, 'rep')?.system).toEqual({ os: 'Linux' })
  })
})

describe('what a customer-side peer cannot put in the record', () => {
  test("a customer entry with the rep's authorId and name is not mirrored, even when signed", () => {
    const { customerDoc, repDoc } = pair()
    customerSays(customerDoc, { authorId: 'rep-1', authorName: 'Rafa', text: 'your refund is approved' })
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(readTranscript(repDoc)).toEqual([])
  })

  test('an entry not signed by the bound key (missing or another signature) is not mirrored', () => {
    const { customerDoc, repDoc } = pair()
    const unsigned = appendEntry(customerDoc, chat({ text: 'unsigned' }))
    let other = ''
    fromHostilePeer(customerDoc, (peer) => {
      other = appendEntry(peer, chat({ text: 'signed by someone else' }))
      peer.getMap('signatures').set(other, authoritySignature(other))
    })
    expect(mirrorCustomerEntries(customerDoc, repDoc, [unsigned, other])).toBe(0)
    signAsCustomer(customerDoc, [unsigned])
    expect(mirrorCustomerEntries(customerDoc, repDoc, [unsigned])).toBe(1)
  })

  test('an id 1 ms after the epoch or 23 h ahead is refused; one from the session start to a minute ahead is kept', () => {
    const { customerDoc, repDoc } = pair()
    const now = T0 + 60 * 60_000
    const at = (time: number, origin: string): string => formatEntryId({ time, counter: 0, origin })
    const early = at(1, 'a')
    const ahead = at(now + 23 * 60 * 60_000, 'b')
    const fine = at(now + 60_000, 'c')
    const offline = at(T0 + 1, 'd')
    fromHostilePeer(customerDoc, (peer) => {
      for (const id of [early, ahead, fine, offline]) peer.getMap(ROOT.entries).set(id, chat({ text: id }))
    })
    signAsCustomer(customerDoc, [early, ahead, fine, offline])
    expect(mirrorCustomerEntries(customerDoc, repDoc, undefined, now)).toBe(2)
    expect(readTranscript(repDoc).map((entry) => entry.id)).toEqual([offline, fine])
  })

  test("a forged ended:<sessionId> note from the customer is not mirrored, does not hide the rep's note and does not stop reps writing it", () => {
    const { customerDoc, repDoc } = pair()
    const forged = customerSays(customerDoc, { kind: 'status', event: 'ended', eventKey: 'ended:session-1', at: T0 })
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(0)
    expect(hasEventNote(customerDoc, 'ended:session-1')).toBe(false)
    const real = appendEntry(repDoc, systemNote({ event: 'ended', eventKey: 'ended:session-1', authorId: 'rep-1', at: T0 + 5 }))
    publishRepEntries(repDoc, customerDoc)
    expect(forged < real).toBe(true)
    const shown = readTranscript(customerDoc).filter((entry) => entry.event === 'ended')
    expect(shown.map((entry) => entry.id)).toEqual([real])
    expect(readTranscript(repDoc).filter((entry) => entry.event === 'ended').map((entry) => entry.id)).toEqual([real])
  })

  test('a seen receipt at the largest possible id marks nothing beyond the ids that exist', () => {
    const { customerDoc, repDoc } = pair()
    const first = appendEntry(repDoc, repChat({ text: 'first', at: T0 + 1 }))
    publishRepEntries(repDoc, customerDoc)
    fromHostilePeer(customerDoc, (peer) => peer.getMap('receipts').set('cust-1', { role: 'customer', delivered: 'zzzzzzzzz.zzzzzzzz.z', seen: 'zzzzzzzzz.zzzzzzzz.z' }))
    mirrorReceipts(customerDoc, repDoc, VERIFIED)
    const later = appendEntry(repDoc, repChat({ text: 'later', at: T0 + 2 }))
    expect(deliveryState(first, 'rep-1', readReceipts(repDoc))).toBe('outbox')
    expect(deliveryState(later, 'rep-1', readReceipts(repDoc))).toBe('outbox')
    markReceipt(customerDoc, { participantId: 'cust-1', role: 'customer', delivered: first, seen: first })
    mirrorReceipts(customerDoc, repDoc, VERIFIED)
    expect(deliveryState(first, 'rep-1', readReceipts(repDoc))).toBe('seen')
    expect(deliveryState(later, 'rep-1', readReceipts(repDoc))).toBe('outbox')
  })

  test('a receipt of the bound customer that its signature check refuses is not copied', () => {
    const { customerDoc, repDoc } = pair()
    const id = appendEntry(repDoc, repChat({ at: T0 + 1 }))
    markReceipt(customerDoc, { participantId: 'cust-1', role: 'customer', delivered: id, seen: id })
    mirrorReceipts(customerDoc, repDoc, () => false)
    expect(readReceipts(repDoc)).toEqual([])
  })

  test("receipts written for anyone but the bound customer are not copied", () => {
    const { customerDoc, repDoc } = pair()
    const id = appendEntry(repDoc, repChat({ at: T0 + 1 }))
    markReceipt(customerDoc, { participantId: 'mallory', role: 'customer', seen: id })
    mirrorReceipts(customerDoc, repDoc, VERIFIED)
    expect(readReceipts(repDoc)).toEqual([])
  })
})

/** The signature check passes (these tests are about which ids a receipt may name; signatures: tests/app/relayDocs.test.ts). */
function VERIFIED(): boolean {
  return true
}

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
      const id = appendEntry(doc, spec.role === 'system' ? systemNote(fields) : chat(fields))
      if (spec.writer === 0) signAsCustomer(doc, [id]) // the genuine customer signs; the others cannot
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
        expect(expected).toHaveLength(specs.filter((s) => s.writer === 0 && s.role === 'customer' && s.audience === 'all').length)
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
