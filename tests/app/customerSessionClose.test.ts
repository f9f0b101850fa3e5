import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import { createCustomerSession } from '../../src/app/customer/customerSession'
import { makeFakeHub, until } from './fakeHub'

describe('closing a customer session (the join link changed)', () => {
  it('leaves the room, releases the connection and destroys the doc', async () => {
    const hub = makeFakeHub()
    const session = createRoot(() => createCustomerSession(hub, 'close-one', 'k'.repeat(22)))
    await until(() => session.phase() === 'intake')
    expect(hub.occupants('customer')).toBe(1)
    let destroyed = false
    session.doc.on('destroy', () => (destroyed = true))
    await session.close()
    expect(hub.occupants('customer')).toBe(0)
    expect(hub.released).toBe(1)
    expect(session.connection()).toBeUndefined()
    expect(destroyed).toBe(true)
    await session.close() // twice is harmless
    expect(hub.released).toBe(1)
  })

  it('closed while still loading, it never stays in the room', async () => {
    const hub = makeFakeHub()
    const session = createRoot(() => createCustomerSession(hub, 'close-early', 'k'.repeat(22)))
    await session.close()
    expect(hub.occupants('customer')).toBe(0)
    expect(session.phase()).toBe('loading')
  })
})
