import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { HELD_BYTES_PER_PEER, HeldUpdateGuard, heldBytes } from '../../src/net/heldUpdates'

/** A hostile writer's updates, the first withheld: every later one waits for it forever. */
function orphanedUpdates(count: number, bytesEach: number): Uint8Array[] {
  const hostile = new Y.Doc()
  const updates: Uint8Array[] = []
  hostile.on('update', (update: Uint8Array) => updates.push(update))
  const text = hostile.getMap('entries')
  for (let i = 0; i <= count; i++) text.set(`junk-${i}`, 'x'.repeat(bytesEach))
  return updates.slice(1)
}

/** Applies `update` as one message from `peerId`, the way peerGuard wraps y-webrtc's apply. */
function deliver(doc: Y.Doc, guard: HeldUpdateGuard, peerId: string, update: Uint8Array): string | undefined {
  guard.before()
  Y.applyUpdate(doc, update, 'peer')
  return guard.after(peerId)
}

/** An update of only a delete set naming `ranges` items of a client nobody has: Yjs holds it as pendingDs. */
function orphanDeleteSet(ranges: number, firstClock = 0): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // no structs
  encoding.writeVarUint(encoder, 1) // one client
  encoding.writeVarUint(encoder, 0x5eed)
  encoding.writeVarUint(encoder, ranges)
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(encoder, firstClock + 2 * i)
    encoding.writeVarUint(encoder, 1)
  }
  return encoding.toUint8Array(encoder)
}

describe('HeldUpdateGuard', () => {
  it('drops a peer whose delete sets name items nobody has (re-read on every later update) past its cap', () => {
    const rep = new Y.Doc()
    const guard = new HeldUpdateGuard(rep)
    const dropped: string[] = []
    for (let i = 0; i < 8; i++) {
      const culprit = deliver(rep, guard, 'hostile', orphanDeleteSet(16_384, i * 40_000))
      if (culprit) dropped.push(culprit)
    }
    expect(dropped).toContain('hostile')
    expect(heldBytes(rep)).toBeLessThanOrEqual(HELD_BYTES_PER_PEER)
  })

  it('without a guard, Yjs holds a hostile writer\'s orphaned updates without bound (the problem)', () => {
    const rep = new Y.Doc()
    for (const update of orphanedUpdates(64, 16 * 1024)) Y.applyUpdate(rep, update)
    expect(heldBytes(rep)).toBeGreaterThan(1024 * 1024)
  })

  it('drops a peer whose orphaned updates pass its cap, and holds nothing afterwards', () => {
    const rep = new Y.Doc()
    const guard = new HeldUpdateGuard(rep)
    const dropped: string[] = []
    for (const update of orphanedUpdates(64, 16 * 1024)) {
      const culprit = deliver(rep, guard, 'hostile', update)
      if (culprit) dropped.push(culprit)
      expect(heldBytes(rep)).toBeLessThanOrEqual(HELD_BYTES_PER_PEER + 32 * 1024)
    }
    expect(dropped[0]).toBe('hostile')
    expect(dropped.length).toBeGreaterThan(0)
  })

  it('blames the peer that grew the held bytes, not a genuine peer chatting meanwhile', () => {
    const rep = new Y.Doc()
    const customer = new Y.Doc()
    const guard = new HeldUpdateGuard(rep)
    const dropped = new Set<string>()
    const hostile = orphanedUpdates(40, 8 * 1024)
    customer.on('update', (update: Uint8Array) => {
      const culprit = deliver(rep, guard, 'customer', update)
      if (culprit) dropped.add(culprit)
    })
    hostile.forEach((update, i) => {
      const culprit = deliver(rep, guard, 'hostile', update)
      if (culprit) dropped.add(culprit)
      customer.getMap('entries').set(`hello-${i}`, `message ${i}`)
    })
    expect([...dropped]).toEqual(['hostile'])
    expect(rep.getMap('entries').size).toBe(40) // every genuine message applied
  })

  it('never blames a genuine gap that a resync fills (updates from two peers out of order)', () => {
    const rep = new Y.Doc()
    const author = new Y.Doc()
    const updates: Uint8Array[] = []
    author.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 50; i++) author.getMap('entries').set(`m${i}`, 'y'.repeat(500))
    const guard = new HeldUpdateGuard(rep)
    const blamed: string[] = []
    // A forwarding peer's copies arrive before the author's own: held for a moment, then applied.
    for (const update of updates.slice(1)) blamed.push(deliver(rep, guard, 'forwarder', update) ?? '')
    blamed.push(deliver(rep, guard, 'author', updates[0] ?? new Uint8Array()) ?? '')
    expect(blamed.filter(Boolean)).toEqual([])
    expect(heldBytes(rep)).toBe(0)
    expect(rep.getMap('entries').size).toBe(50)
  })

  it('discards held updates that stay unchanged through the resyncs, blaming the peer behind them', () => {
    const rep = new Y.Doc()
    const guard = new HeldUpdateGuard(rep, { patience: 3 })
    for (const update of orphanedUpdates(2, 1024)) deliver(rep, guard, 'hostile', update)
    expect(heldBytes(rep)).toBeGreaterThan(0)
    expect(guard.check()).toBeUndefined()
    expect(guard.check()).toBeUndefined()
    expect(guard.check()).toBeUndefined()
    expect(guard.check()).toEqual(['hostile'])
    expect(heldBytes(rep)).toBe(0)
  })

  it('keeps what Yjs re-reads per genuine update under the cap once a hostile peer tried to hold 32 MiB (timing: bench heldUpdates)', () => {
    const rep = new Y.Doc()
    const guard = new HeldUpdateGuard(rep)
    const dropped: string[] = []
    let peakHeld = 0
    let heldUnguarded = 0
    for (const update of orphanedUpdates(128, 256 * 1024)) {
      guard.before()
      Y.applyUpdate(rep, update, 'peer')
      heldUnguarded = Math.max(heldUnguarded, heldBytes(rep))
      const culprit = guard.after('hostile')
      if (culprit) dropped.push(culprit)
      peakHeld = Math.max(peakHeld, heldBytes(rep))
    }
    // What Yjs re-reads on every update is what it holds (180–1,050 ms per update at 32 MiB): never past the cap.
    expect(heldUnguarded).toBeGreaterThan(HELD_BYTES_PER_PEER)
    expect(peakHeld).toBeLessThanOrEqual(HELD_BYTES_PER_PEER)
    expect(dropped.length).toBeGreaterThan(0)
    expect(new Set(dropped)).toEqual(new Set(['hostile']))
    const customer = new Y.Doc()
    const heldAtGenuine: number[] = []
    customer.on('update', (update: Uint8Array) => {
      heldAtGenuine.push(heldBytes(rep))
      deliver(rep, guard, 'customer', update)
    })
    for (let i = 0; i < 20; i++) customer.getMap('entries').set(`c${i}`, 'hi')
    expect(heldAtGenuine).toHaveLength(20)
    expect(Math.max(...heldAtGenuine)).toBeLessThanOrEqual(HELD_BYTES_PER_PEER)
    expect(heldBytes(rep)).toBeLessThanOrEqual(HELD_BYTES_PER_PEER)
    expect(rep.getMap('entries').size).toBe(20)
  })
})
