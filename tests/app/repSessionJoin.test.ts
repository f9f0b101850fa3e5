// @vitest-environment happy-dom
// Joining the customer room is asynchronous (the room key, the network config): Show me / Hide me
// while a join is under way must leave exactly the state asked for last, with one connection at most.
import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRepSession, type OpenContext } from '../../src/app/session/repSession'
import type { NetworkHub } from '../../src/app/shell/networkHub'
import type { RepProfile } from '../../src/store/profile'
import { rememberPortalSalt } from '../../src/net/config'
import { makeFakeHub } from './fakeHub'

const team = { teamId: 'team-1', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', name: 'Support' }
const profile = { repId: 'rep-Ana', name: 'Ana', teams: [team], deviceKeys: {} as CryptoKeyPair } satisfies RepProfile

beforeAll(() => rememberPortalSalt('test-portal-salt-0123456789'))

/** A fake hub whose customer-room connects wait for `open()` while `hold` is on. */
function gatedHub() {
  const base = makeFakeHub()
  const waiting: (() => void)[] = []
  const gate = { hold: false, open: () => waiting.splice(0).forEach((resolve) => resolve()) }
  const hub: Pick<NetworkHub, 'connect' | 'release'> = {
    async connect(doc, kind, id, key) {
      if (kind === 'customer' && gate.hold) await new Promise<void>((resolve) => waiting.push(resolve))
      return base.connect(doc, kind, id, key)
    },
    release: (connection) => base.release(connection),
  }
  return { hub, base, gate, waiting }
}

/** Resolves after pending promise callbacks ran (the fake hub needs no timers). */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('joining the customer room', () => {
  it('Hide me while Show me still connects leaves no connection behind', async () => {
    const { hub, base, gate, waiting } = gatedHub()
    const context: OpenContext = { profile, team, hub, onCustomerJoined: () => undefined }
    const session = await createRepSession(context)
    await session.setHidden(true)
    expect(base.occupants('customer')).toBe(0)
    gate.hold = true
    const showing = session.setHidden(false)
    await flush()
    expect(waiting).toHaveLength(1) // the join waits for the network
    await session.setHidden(true)
    gate.open()
    await showing
    expect(base.occupants('customer')).toBe(0)
    expect(session.customer()).toBeUndefined()
    await session.close()
  })

  it('Show me, Hide me, Show me during one join opens one connection, and the rep is in the room', async () => {
    const { hub, base, gate, waiting } = gatedHub()
    const context: OpenContext = { profile, team, hub, onCustomerJoined: () => undefined }
    const session = await createRepSession(context)
    await session.setHidden(true)
    gate.hold = true
    const first = session.setHidden(false)
    await flush()
    const hiding = session.setHidden(true)
    await hiding
    const second = session.setHidden(false)
    await flush()
    expect(waiting.length).toBeLessThanOrEqual(1) // the second join waits for the first instead of connecting again
    gate.open()
    await Promise.all([first, second])
    expect(base.occupants('customer')).toBe(1)
    expect(session.customer()).toBeDefined()
    await session.close()
    expect(base.occupants('customer')).toBe(0)
  })
})
