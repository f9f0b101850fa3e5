import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebrtcProvider } from 'y-webrtc'
import { CONNECT_TIMEOUT_MS, MAX_PEER_CONNECTIONS, createPeerGuard } from '../../src/net/peerGuard'
import { HeldUpdateGuard } from '../../src/net/heldUpdates'

/** The slice of a y-webrtc WebrtcConn the guard reads: a simple-peer emitter with its connection. */
class FakeConn {
  connected = false
  closed = false
  destroyed = false
  readonly peer = Object.assign(new EventEmitter(), { _pc: {} })
  constructor(readonly room: FakeRoom, readonly remotePeerId: string) {}
  destroy(): void {
    this.destroyed = true
    this.closed = true
    this.room.webrtcConns.delete(this.remotePeerId)
  }
}

class FakeRoom {
  readonly webrtcConns = new Map<string, FakeConn>()
}

/** A provider as far as the guard sees one: a room of connections and a `peers` event. */
function fakeProvider(doc?: Y.Doc): { provider: WebrtcProvider; room: FakeRoom; connect(peerId: string): FakeConn } {
  const room = new FakeRoom()
  const events = new EventEmitter()
  const provider = { room, maxConns: 30, on: (name: string, fn: () => void) => events.on(name, fn) } as unknown as WebrtcProvider
  return {
    provider,
    room,
    connect(peerId) {
      const conn = new FakeConn(room, peerId)
      // y-webrtc's WebrtcConn listens for 'data' (and applies it) before anyone outside can.
      if (doc) conn.peer.on('data', (update: Uint8Array) => Y.applyUpdate(doc, update))
      room.webrtcConns.set(peerId, conn)
      events.emit('peers')
      return conn
    },
  }
}

/** Orphaned updates of a hostile writer (its first update withheld). */
function orphans(count: number, bytes: number): Uint8Array[] {
  const writer = new Y.Doc()
  const updates: Uint8Array[] = []
  writer.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i <= count; i++) writer.getMap('junk').set(`k${i}`, 'x'.repeat(bytes))
  return updates.slice(1)
}

describe('createPeerGuard', () => {
  it('drops connections that never open within the timeout (fake announces), keeps open ones, fixes the limit', () => {
    let now = 0
    const doc = new Y.Doc()
    const guard = createPeerGuard(doc, { now: () => now })
    const { provider, connect } = fakeProvider()
    guard.attach(provider)
    expect(provider.maxConns).toBe(MAX_PEER_CONNECTIONS)
    const fakes = Array.from({ length: 20 }, (_, i) => connect(`fake-${i}`))
    const genuine = connect('genuine')
    genuine.connected = true
    now = CONNECT_TIMEOUT_MS - 1
    guard.check()
    expect(fakes.some((conn) => conn.destroyed)).toBe(false)
    now = CONNECT_TIMEOUT_MS + 1
    guard.check()
    expect(fakes.every((conn) => conn.destroyed)).toBe(true)
    expect(genuine.destroyed).toBe(false)
  })

  it('drops a peer whose messages leave too much held, applied as y-webrtc does between our listeners, and shuts it out on reconnect', () => {
    const now = 0
    const doc = new Y.Doc()
    const dropped: string[] = []
    // A total cap above the per-peer one: the drop must come from what this peer's own messages added.
    const guard = createPeerGuard(doc, { now: () => now, held: new HeldUpdateGuard(doc, { total: 64 * 1024 * 1024 }), onDrop: (peerId) => dropped.push(peerId) })
    const { provider, connect } = fakeProvider(doc)
    guard.attach(provider)
    const hostile = connect('hostile')
    hostile.connected = true
    for (const update of orphans(32, 16 * 1024)) {
      if (hostile.destroyed) break
      hostile.peer.emit('data', update)
    }
    expect(dropped).toEqual(['hostile'])
    expect(hostile.destroyed).toBe(true)
    expect(doc.store.pendingStructs).toBeNull()
    const again = connect('hostile')
    expect(again.destroyed).toBe(true)
    expect(guard.shutOut('hostile')).toBe(true)
  })

  it('gives both connections of one peer the same update budget', () => {
    const doc = new Y.Doc()
    const guard = createPeerGuard(doc, { now: () => 0 })
    const { provider, connect } = fakeProvider()
    guard.attach(provider)
    const first = connect('carla')
    const limiter = guard.limiterFor(first.peer._pc)
    first.destroy()
    const second = connect('carla')
    expect(limiter).toBeDefined()
    expect(guard.limiterFor(second.peer._pc)).toBe(limiter)
    expect(guard.limiterFor({})).toBeUndefined()
  })
})
