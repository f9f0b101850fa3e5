// Intakes that come in through a session code wait for the rep: a peer holding only the code gets
// nothing of the session unless the rep accepts it, and a rejected intake does not spend the code.
// Rep and customer pages share one fake network (fakeHub.ts); real WebCrypto keys.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { ACCEPTED_GRACE_MS, PORTAL_CODE_TTL_MS, announcePortalCode, assignPortalCode, relayWithPortalCode } from '../../src/app/session/portalCode'
import { PORTAL_CLOSED_GRACE_MS, lookupPortalCode, type PortalOutcome, type PortalVisit } from '../../src/app/customer/portalLookup'
import { readPortalCode } from '../../src/doc/portal'
import { MAX_PORTAL_INTAKES, readWaitingIntakes, writePortalAnswers, writePortalIntake } from '../../src/doc/portalIntake'
import { bindIntake, readCustomerBinding } from '../../src/doc/customerBinding'
import { intakeTampering } from '../../src/doc/tamper'
import { readIntake, writeIntake } from '../../src/doc/intake'
import { initCustomerDoc, initRepDoc } from '../../src/doc/session'
import { RELAY } from '../../src/doc/schema'
import { rememberPortalSalt } from '../../src/net/config'
import { derivePortalRoom } from '../../src/net/portalRoom'
import { createDeviceSigningKeys } from '../../src/net/sessionAuthority'
import { createSealingKeys, seal } from '../../src/net/sealedBox'
import { makeFakeHub, until, type FakeHub } from './fakeHub'

const T0 = Date.UTC(2026, 0, 2, 9, 0, 0)
const LINK = { sessionId: 'sess_0123456', key: 'AbCdEfGhIjKlMnOpQrStUv', authority: 'A'.repeat(43) }
const FORM = { request: 'my printer', system: {} }

function makeSession(): { repDoc: Y.Doc; customerDoc: Y.Doc; link: typeof LINK } {
  const repDoc = new Y.Doc()
  const customerDoc = new Y.Doc()
  initRepDoc(repDoc, { sessionId: LINK.sessionId, createdAt: T0, portal: 'link', customerKey: LINK.key })
  initCustomerDoc(customerDoc, { sessionId: LINK.sessionId, createdAt: T0, portal: 'link' })
  return { repDoc, customerDoc, link: LINK }
}

async function visit(hub: FakeHub, code = 'K7P4QX'): Promise<PortalVisit> {
  const result = await lookupPortalCode(hub, code)
  if (result.status !== 'found') throw new Error(`lookup: ${result.status}`)
  return result.visit
}

beforeEach(() => {
  rememberPortalSalt('test-portal-salt-0123456789')
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('accepting or rejecting an intake that came in with the session code', () => {
  it('a peer holding only the code writes an intake first: rejected, it gets nothing; the code still works and the real customer is accepted', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const relay = relayWithPortalCode(hub, session, () => undefined)
    const seen: string[][] = []
    relay.portal.onWaiting((waiting) => seen.push(waiting.intakes.map((intake) => intake.customerName)))
    await until(() => hub.occupants('portal') === 1)

    // The intruder's page: everything it can read in the room holds no key of the session.
    const intruder = await visit(hub)
    const intruderAnswer = intruder.submit({ name: 'Mallory', ...FORM })
    await until(() => seen.at(-1)?.[0] === 'Mallory')
    const [mallory] = readWaitingIntakes(await portalDoc(hub)).intakes
    relay.portal.reject(mallory!.id)
    await expect(intruderAnswer).resolves.toEqual({ status: 'rejected' })
    expect(readCustomerBinding(session.repDoc)).toBeUndefined()
    expect(readPortalCode(session.repDoc)?.code).toBe('K7P4QX') // not spent

    // The real customer uses the same code and is accepted.
    const customer = await visit(hub)
    const answer = customer.submit({ name: 'Carla', ...FORM })
    await until(() => seen.at(-1)?.[0] === 'Carla')
    const carla = readWaitingIntakes(await portalDoc(hub)).intakes.find((intake) => intake.customerName === 'Carla')!
    await expect(relay.portal.accept(carla.id)).resolves.toBe(true)
    const outcome = (await answer) as Extract<PortalOutcome, { status: 'accepted' }>
    expect(outcome.status).toBe('accepted')
    expect(outcome.link).toEqual(LINK)
    // Bound to Carla's device key before she arrives; the code is spent.
    expect(readCustomerBinding(session.repDoc)).toEqual({ customerId: outcome.identity.customerId, publicKey: outcome.identity.publicKey })
    expect(readPortalCode(session.repDoc)).toBeUndefined()

    // Her intake in the customer doc brings the details; nobody else's can.
    const released = hub.released
    writeIntake(session.customerDoc, { customerId: outcome.identity.customerId, customerName: 'Carla', request: 'my printer', system: {}, publicKey: outcome.identity.publicKey })
    expect(readIntake(session.repDoc, 'rep')?.customerName).toBe('Carla')
    expect(hub.released).toBe(released + 1) // the customer arrived: the rep's client left the portal room
    relay.stop()
  })

  it('a rejected intake never holds the join link, and the code stays offered', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const announcement = announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    const intruder = await visit(hub)
    const pending = intruder.submit({ name: 'Mallory', ...FORM })
    const doc = await portalDoc(hub)
    await until(() => readWaitingIntakes(doc).intakes.length === 1)
    announcement.reject(readWaitingIntakes(doc).intakes[0]!.id)
    await pending
    expect(JSON.stringify(doc.toJSON())).not.toContain(LINK.key)
    expect(JSON.stringify(doc.toJSON())).not.toContain(LINK.sessionId)
    await expect(visit(hub)).resolves.toBeDefined() // still open for the next one
  })

  it('accepting one intake closes the others; a second accept fails (the session is bound)', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const announcement = announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    const first = (await visit(hub)).submit({ name: 'Carla', ...FORM })
    const second = (await visit(hub)).submit({ name: 'Mallory', ...FORM })
    const doc = await portalDoc(hub)
    await until(() => readWaitingIntakes(doc).intakes.length === 2)
    const [carla, mallory] = [...readWaitingIntakes(doc).intakes].sort((a, b) => (a.customerName < b.customerName ? -1 : 1))
    await expect(announcement.accept(carla!.id)).resolves.toBe(true)
    await expect(second).resolves.toEqual({ status: 'closed' })
    expect((await first).status).toBe('accepted')
    await expect(announcement.accept(mallory!.id)).resolves.toBe(false)
  })

  it('an answer sealed by another peer of the room that does not open is ignored; the rep’s answer still counts', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const announcement = announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    const pending = (await visit(hub)).submit({ name: 'Carla', ...FORM })
    const doc = await portalDoc(hub)
    await until(() => readWaitingIntakes(doc).intakes.length === 1)
    const carla = readWaitingIntakes(doc).intakes[0]!
    // Sealed to another key: Carla's page cannot open it.
    const other = await createSealingKeys()
    writePortalAnswers(doc, [{ id: carla.id, state: 'accepted', sealed: await seal(other.publicKey, carla.id, JSON.stringify({ sessionId: 'evil_session', key: 'Z'.repeat(22) })) }])
    await new Promise((resolve) => setImmediate(resolve))
    await expect(announcement.accept(carla.id)).resolves.toBe(true)
    expect(((await pending) as Extract<PortalOutcome, { status: 'accepted' }>).link).toEqual(LINK)
  })

  it('a customer still waiting when the code expires is told so (the offer is gone), after a short grace', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    let outcome: PortalOutcome | undefined
    void (await visit(hub)).submit({ name: 'Carla', ...FORM }).then((result) => (outcome = result))
    const doc = await portalDoc(hub)
    await until(() => readWaitingIntakes(doc).intakes.length === 1)
    await vi.advanceTimersByTimeAsync(PORTAL_CODE_TTL_MS)
    expect(readPortalCode(session.repDoc)).toBeUndefined()
    expect(outcome).toBeUndefined()
    await vi.advanceTimersByTimeAsync(PORTAL_CLOSED_GRACE_MS)
    expect(outcome).toEqual({ status: 'expired' })
  })

  it('a team mate’s accept (the binding and the spent code reach this rep doc) stops this client offering the code too', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const announcement = announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    const seen: number[] = []
    announcement.onWaiting((waiting) => seen.push(waiting.intakes.length))
    session.repDoc.transact(() => {
      session.repDoc.getMap('meta').set('customer', { customerId: 'carla', publicKey: 'C'.repeat(43) })
      session.repDoc.getMap('meta').delete('portalCode')
    })
    await vi.advanceTimersByTimeAsync(ACCEPTED_GRACE_MS)
    expect(hub.occupants('portal')).toBe(0)
    expect(seen.at(-1)).toBe(0)
  })

  it(`a rep is shown at most ${MAX_PORTAL_INTAKES} waiting intakes (oldest first) and told how many more`, async () => {
    const doc = new Y.Doc()
    const keys = await createDeviceSigningKeys()
    const sealing = await createSealingKeys()
    for (let i = 0; i < MAX_PORTAL_INTAKES + 5; i++) {
      writePortalIntake(doc, { id: `req${i.toString().padStart(2, '0')}`, customerId: `c${i}`, customerName: `Person ${i}`, request: '', system: {}, publicKey: keys.publicKey, sealKey: sealing.publicKey, at: T0 + i })
    }
    doc.getMap('intakes').set('broken', { customerName: 'no key' })
    const waiting = readWaitingIntakes(doc)
    expect(waiting.intakes.map((intake) => intake.customerName)).toEqual([...Array(MAX_PORTAL_INTAKES).keys()].map((i) => `Person ${i}`))
    expect(waiting.ignored).toBe(5)
  })
})

describe('binding after an accept', () => {
  it('only the accepted customer id and key bring the details; another intake in the customer doc is flagged and never copied', () => {
    const session = makeSession()
    const accepted = { customerId: 'carla', publicKey: 'C'.repeat(43) }
    session.repDoc.getMap('meta').set('customer', accepted)
    writeIntake(session.customerDoc, { customerId: 'mallory', customerName: 'Mallory', request: 'x', system: {}, publicKey: 'M'.repeat(43) })
    expect(bindIntake(session.customerDoc, session.repDoc, RELAY)).toBe('rewritten')
    expect(readIntake(session.repDoc, 'rep')).toBeUndefined()
    expect(intakeTampering(session.customerDoc, session.repDoc)?.claimedName).toBe('Mallory')
    writeIntake(session.customerDoc, { customerId: 'carla', customerName: 'Carla', request: 'printer', system: {}, publicKey: accepted.publicKey })
    expect(bindIntake(session.customerDoc, session.repDoc, RELAY)).toBe('bound')
    expect(readIntake(session.repDoc, 'rep')?.customerName).toBe('Carla')
    expect(intakeTampering(session.customerDoc, session.repDoc)).toBeUndefined()
    expect(readCustomerBinding(session.repDoc)).toEqual(accepted)
  })
})

/** A doc of our own in the code's portal room (it syncs with everyone there). */
async function portalDoc(hub: FakeHub, code = 'K7P4QX'): Promise<Y.Doc> {
  const room = await derivePortalRoom(code)
  const doc = new Y.Doc()
  await hub.connect(doc, 'portal', room.id, room.key)
  return doc
}
