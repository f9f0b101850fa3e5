import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { PORTAL_CODE_TTL_MS, adoptEntryWay, announcePortalCode, assignPortalCode, formatPortalCode, relayWithPortalCode } from '../../src/app/session/portalCode'
import { PORTAL_LOOKUP_GRACE_MS, PORTAL_LOOKUP_TIMEOUT_MS, lookupPortalCode, openPortalSession, type PortalLookupResult } from '../../src/app/customer/portalLookup'
import { readPortalCode, writeIntakeVia, writePortalCode } from '../../src/doc/portal'
import { isPortalOpen, setPortalOpen } from '../../src/doc/portalIntake'
import { writeIntake } from '../../src/doc/intake'
import { initCustomerDoc, initRepDoc, readSessionMeta } from '../../src/doc/session'
import { rememberPortalSalt } from '../../src/net/config'
import { derivePortalRoom } from '../../src/net/portalRoom'
import { makeFakeHub, until, type FakeHub } from './fakeHub'

const T0 = Date.UTC(2026, 0, 2, 9, 0, 0)
const LINK = { sessionId: 'sess_0123456', key: 'AbCdEfGhIjKlMnOpQrStUv' }

function makeSession(): { repDoc: Y.Doc; customerDoc: Y.Doc; link: typeof LINK } {
  const repDoc = new Y.Doc()
  const customerDoc = new Y.Doc()
  initRepDoc(repDoc, { sessionId: LINK.sessionId, createdAt: T0, portal: 'link', customerKey: LINK.key })
  initCustomerDoc(customerDoc, { sessionId: LINK.sessionId, createdAt: T0, portal: 'link' })
  return { repDoc, customerDoc, link: LINK }
}

function intake(customerDoc: Y.Doc): void {
  writeIntake(customerDoc, { customerId: 'cust1', customerName: 'Carla', request: 'printer', system: {}, publicKey: 'C'.repeat(43) }) // only an intake with a device key binds the session
}

/** A lookup whose bounded wait runs on the fake clock: advances time once the lookup sits in its room. */
async function lookupTimingOut(hub: FakeHub, code: string, waitMs = PORTAL_LOOKUP_TIMEOUT_MS): Promise<PortalLookupResult> {
  const before = hub.occupants('portal')
  const pending = lookupPortalCode(hub, code)
  await until(() => hub.occupants('portal') > before)
  await vi.advanceTimersByTimeAsync(waitMs)
  return pending
}

beforeEach(() => {
  // Node has no /config.json: the deployment's portal salt a page would have loaded.
  rememberPortalSalt('test-portal-salt-0123456789')
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('session codes on the rep side', () => {
  it('a new session records a code valid for 15 minutes', () => {
    const { repDoc } = makeSession()
    const record = assignPortalCode(repDoc, T0, 'K7P4QX')
    expect(PORTAL_CODE_TTL_MS).toBe(15 * 60_000)
    expect(readPortalCode(repDoc)).toEqual({ code: 'K7P4QX', expiresAt: T0 + PORTAL_CODE_TTL_MS })
    expect(record.expiresAt - T0).toBe(PORTAL_CODE_TTL_MS)
    expect(formatPortalCode(record.code)).toBe('K7P-4QX')
  })

  it('a customer who types the code, in any case and with the dash, finds it open (and no link in the clear)', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    const result = await lookupPortalCode(hub, 'k7p-4qx')
    expect(result.status).toBe('found')
    // The page stays in the room to send its intake; the room holds no key of the session.
    expect(hub.occupants('portal')).toBe(2)
    if (result.status === 'found') result.visit.leave()
    expect(hub.occupants('portal')).toBe(1)
  })

  it('the code is spent when the intake arrives: the rep leaves the room, closes it and forgets the code', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const relay = relayWithPortalCode(hub, session, () => undefined)
    await until(() => hub.occupants('portal') === 1)
    // A stale page still in the room sees the offer go.
    const room = await derivePortalRoom('K7P4QX')
    const watcher = new Y.Doc()
    await hub.connect(watcher, 'portal', room.id, room.key)
    expect(isPortalOpen(watcher)).toBe(true)
    expect(JSON.stringify(watcher.toJSON())).not.toContain(LINK.key)

    intake(session.customerDoc)

    expect(isPortalOpen(watcher)).toBe(false)
    expect(hub.occupants('portal')).toBe(1) // the watcher only
    expect(readPortalCode(session.repDoc)).toBeUndefined()
    relay.stop()
  })

  it('a spent code finds nothing: after the bounded wait the lookup says not found', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const announcement = announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    announcement.customerJoined()
    await expect(lookupTimingOut(hub, 'K7P4QX')).resolves.toEqual({ status: 'notFound' })
    expect(hub.occupants('portal')).toBe(0)
  })

  it('the code expires 15 minutes after it was made, not a millisecond sooner', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    vi.advanceTimersByTime(PORTAL_CODE_TTL_MS - 1)
    expect(hub.occupants('portal')).toBe(1)
    expect(readPortalCode(session.repDoc)?.code).toBe('K7P4QX')
    vi.advanceTimersByTime(1)
    expect(hub.occupants('portal')).toBe(0)
    expect(hub.released).toBe(1)
    expect(readPortalCode(session.repDoc)).toBeUndefined()
  })

  it('a reopened console keeps announcing an unexpired code until its original expiry', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    writePortalCode(session.repDoc, { code: 'K7P4QX', expiresAt: T0 + 5 * 60_000 })
    announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    vi.advanceTimersByTime(5 * 60_000)
    expect(hub.occupants('portal')).toBe(0)
  })

  it('an expired or already used code is never announced again, and is forgotten', async () => {
    const hub = makeFakeHub()
    const expired = makeSession()
    writePortalCode(expired.repDoc, { code: 'K7P4QX', expiresAt: T0 })
    announcePortalCode(hub, expired)
    const used = makeSession()
    writePortalCode(used.repDoc, { code: 'K7P4QY', expiresAt: T0 + 60_000 })
    intake(used.customerDoc)
    announcePortalCode(hub, used)
    await vi.advanceTimersByTimeAsync(0)
    expect(hub.occupants('portal')).toBe(0)
    expect(readPortalCode(expired.repDoc)).toBeUndefined()
    expect(readPortalCode(used.repDoc)).toBeUndefined()
  })

  it('stopping (session closed on this device) leaves the room but keeps the code for a reopen', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    const announcement = announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    announcement.stop()
    expect(hub.occupants('portal')).toBe(0)
    expect(readPortalCode(session.repDoc)?.code).toBe('K7P4QX')
  })

  it('a peer who closes the offer in the portal room gets it put back', async () => {
    const hub = makeFakeHub()
    const session = makeSession()
    assignPortalCode(session.repDoc, T0, 'K7P4QX')
    announcePortalCode(hub, session)
    await until(() => hub.occupants('portal') === 1)
    const room = await derivePortalRoom('K7P4QX')
    const hostile = new Y.Doc()
    await hub.connect(hostile, 'portal', room.id, room.key)
    setPortalOpen(hostile, false)
    await until(() => isPortalOpen(hostile))
  })
})

describe('the entry way', () => {
  it('a customer who came in by code is shown as such in both documents', () => {
    const { repDoc, customerDoc } = makeSession()
    writeIntakeVia(customerDoc, 'portal')
    adoptEntryWay(repDoc, customerDoc)
    expect(readSessionMeta(repDoc)?.portal).toBe('portal')
    expect(readSessionMeta(customerDoc)?.portal).toBe('portal')
  })

  it('no hint, or an unknown one, leaves the portal as the link', () => {
    const { repDoc, customerDoc } = makeSession()
    adoptEntryWay(repDoc, customerDoc)
    customerDoc.getMap('intake').set('via', 'https://evil.example')
    adoptEntryWay(repDoc, customerDoc)
    expect(readSessionMeta(repDoc)?.portal).toBe('link')
  })
})

describe('looking a code up', () => {
  it('a malformed code is refused at once, without joining any room', async () => {
    const hub = makeFakeHub()
    await expect(lookupPortalCode(hub, 'K0P4')).resolves.toEqual({ status: 'malformed' })
    expect(hub.occupants('portal')).toBe(0)
  })

  it('a page that never reaches the network says so after the bounded wait', async () => {
    const hub = makeFakeHub()
    hub.linkState = 'connecting'
    await expect(lookupTimingOut(hub, 'K7P4QX')).resolves.toEqual({ status: 'offline' })
  })

  it('with a peer linked but no answer yet, the wait is extended once, then ends', async () => {
    const hub = makeFakeHub()
    const room = await derivePortalRoom('K7P4QX')
    await hub.connect(new Y.Doc(), 'portal', room.id, room.key) // another customer typing the same code: no link to give
    const pending = lookupPortalCode(hub, 'K7P4QX')
    let settled = false
    void pending.then(() => (settled = true))
    await until(() => hub.occupants('portal') === 2)
    await vi.advanceTimersByTimeAsync(PORTAL_LOOKUP_TIMEOUT_MS)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(PORTAL_LOOKUP_GRACE_MS)
    await expect(pending).resolves.toEqual({ status: 'notFound' })
  })

  it('a cancelled lookup leaves the room', async () => {
    const hub = makeFakeHub()
    const controller = new AbortController()
    const pending = lookupPortalCode(hub, 'K7P4QX', { signal: controller.signal })
    await until(() => hub.occupants('portal') === 1)
    controller.abort()
    await expect(pending).resolves.toEqual({ status: 'cancelled' })
    expect(hub.occupants('portal')).toBe(0)
  })

  it('opening the found session replaces the portal with the join page marked as come in by code', () => {
    const replace = vi.fn()
    openPortalSession(LINK, { replace })
    expect(replace).toHaveBeenCalledWith(`#/join/${LINK.sessionId}.${LINK.key}?via=portal`)
  })
})
