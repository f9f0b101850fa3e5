import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { BIG_UPDATE_BYTES, skipEchoes, type EchoRoom } from '../../src/net/echoSkip'

/** A simple-peer as y-webrtc drives it: an emitter with `send`; what it sent is kept. */
class FakePeer extends EventEmitter {
  readonly sent: Uint8Array[] = []
  send(data: Uint8Array): void {
    this.sent.push(data)
  }
}

/** y-webrtc's room as far as updates go: every doc update to every peer; a peer's message applied with the room as origin. */
class FakeRoom implements EchoRoom {
  readonly webrtcConns = new Map<string, { peer: FakePeer }>()
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void

  constructor(readonly doc: Y.Doc) {
    this._docUpdateHandler = (update) => this.webrtcConns.forEach(({ peer }) => peer.send(update))
    doc.on('update', this._docUpdateHandler)
  }

  connect(peerId: string): FakePeer {
    const peer = new FakePeer()
    peer.on('data', (update: Uint8Array) => Y.applyUpdate(this.doc, update, this))
    this.webrtcConns.set(peerId, { peer })
    return peer
  }
}

/** An update written by another client into a copy of `doc` (a remote peer's write). */
function remoteWrite(doc: Y.Doc, key: string): Uint8Array {
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(peer)
  peer.getMap('entries').set(key, `from ${peer.clientID}`)
  return Y.encodeStateAsUpdate(peer, before)
}

function setup() {
  const doc = new Y.Doc()
  const room = new FakeRoom(doc)
  const alice = room.connect('alice')
  const bob = room.connect('bob')
  const echoes = skipEchoes(doc, room)
  return { doc, room, alice, bob, echoes }
}

describe('skipEchoes', () => {
  it("a peer's update goes on to the other peers but not back to the peer it came from", () => {
    const { doc, alice, bob } = setup()
    alice.emit('data', remoteWrite(doc, 'a'))
    expect(doc.getMap('entries').has('a')).toBe(true)
    expect(alice.sent).toHaveLength(0)
    expect(bob.sent).toHaveLength(1)
  })

  it('a local write still goes to every peer, also right after a peer message', () => {
    const { doc, alice, bob } = setup()
    alice.emit('data', remoteWrite(doc, 'a'))
    doc.getMap('entries').set('mine', 'hello')
    expect(alice.sent).toHaveLength(1)
    expect(bob.sent).toHaveLength(2)
  })

  it("what an observer writes while a peer's update is applied (a receipt) still goes to that peer", () => {
    const { doc, alice } = setup()
    doc.getMap('entries').observe((event) => {
      if (!event.transaction.local) doc.getMap('receipts').set('me', 'delivered')
    })
    alice.emit('data', remoteWrite(doc, 'a'))
    expect(alice.sent).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, alice.sent[0]!)
    expect(copy.getMap('receipts').get('me')).toBe('delivered')
  })

  it('when Yjs held updates back before the message, the update it completes goes back too (the sender may lack what was held)', () => {
    const { doc, alice } = setup()
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    writer.getMap('entries').set('first', 1)
    writer.getMap('entries').set('second', 2)
    Y.applyUpdate(doc, updates[1]!, 'another peer') // held: it needs `first`
    expect(doc.store.pendingStructs).not.toBeNull()
    alice.emit('data', updates[0]!)
    expect(doc.getMap('entries').get('second')).toBe(2)
    expect(alice.sent).toHaveLength(1)
  })

  it("puts y-webrtc's update listener first (the update leaves before persistence runs), also after a reconnect re-added it last", () => {
    const doc = new Y.Doc()
    const sentWhenPersisting: number[] = []
    doc.on('update', () => sentWhenPersisting.push(room.webrtcConns.get('alice')!.peer.sent.length)) // persistence loads first, so listens first
    const room = new FakeRoom(doc)
    const peer = room.connect('alice')
    const echoes = skipEchoes(doc, room)
    doc.getMap('entries').set('x', 1)
    expect(sentWhenPersisting).toEqual([1])
    // y-webrtc's disconnect and connect remove and add the handler by its property, which now names ours.
    doc.off('update', room._docUpdateHandler)
    doc.on('update', room._docUpdateHandler)
    echoes.putFirst()
    doc.getMap('entries').set('y', 2)
    expect(sentWhenPersisting).toEqual([1, 2])
    expect(peer.sent).toHaveLength(2)
  })
})

/** y-webrtc's room with its real message format: `[messageSync, syncType, update]`, read by y-protocols with the room as origin. */
class SyncRoom implements EchoRoom {
  readonly webrtcConns = new Map<string, { peer: FakePeer }>()
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void
  /** Throws from y-webrtc's data listener after applying (a bug in a later handler). */
  failAfterApply = false

  constructor(readonly doc: Y.Doc) {
    this._docUpdateHandler = (update) => this.webrtcConns.forEach(({ peer }) => peer.send(update))
    doc.on('update', this._docUpdateHandler)
  }

  connect(peerId: string): FakePeer {
    const peer = new FakePeer()
    peer.on('data', (message: Uint8Array) => {
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder) // messageSync
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, this)
      if (this.failAfterApply) throw new Error('a later handler failed')
    })
    this.webrtcConns.set(peerId, { peer })
    return peer
  }
}

/** A sync step 2 message (what a rep sends a customer who joins late) carrying `update`. */
function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  encoding.writeVarUint(encoder, 1) // syncStep2
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A rep's document of `count` 4 KB messages, as one update. */
function bigSession(count: number): Uint8Array {
  const rep = new Y.Doc()
  rep.transact(() => {
    for (let i = 0; i < count; i++) rep.getMap('entries').set(`m${i}`, `#${i} ${'x'.repeat(4096)}`)
  })
  return Y.encodeStateAsUpdate(rep)
}

/** The document's `update` listeners see everything it emits; Yjs's own emits are counted. */
function syncSetup() {
  const doc = new Y.Doc()
  const stored: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => stored.push(update)) // persistence listens first
  const room = new SyncRoom(doc)
  const alice = room.connect('alice')
  const bob = room.connect('bob')
  skipEchoes(doc, room)
  let yjsEmits = 0
  const emit = doc.emit.bind(doc)
  doc.emit = (name, args) => {
    if (name === 'update') yjsEmits++
    emit(name, args)
  }
  return { doc, room, alice, bob, stored, yjsEmits: () => yjsEmits }
}

/** Whether `updates`, applied to a fresh document, rebuild `doc`'s entries and receipts. */
function rebuilds(doc: Y.Doc, updates: Uint8Array[]): boolean {
  const copy = new Y.Doc()
  updates.forEach((update) => Y.applyUpdate(copy, update))
  const state = (d: Y.Doc): string => JSON.stringify([d.getMap('entries').toJSON(), d.getMap('receipts').toJSON()])
  return state(copy) === state(doc)
}

describe('a big update from a peer', () => {
  it('reaches the update listeners as it arrived, without Yjs encoding it again; the relay still skips its sender', () => {
    const { doc, alice, bob, stored, yjsEmits } = syncSetup()
    const update = bigSession(80)
    expect(update.byteLength).toBeGreaterThan(BIG_UPDATE_BYTES)
    alice.emit('data', syncStep2Message(update))
    expect(doc.getMap('entries').size).toBe(80)
    expect(yjsEmits()).toBe(0)
    expect(stored).toHaveLength(1)
    expect(Buffer.from(stored[0]!).equals(Buffer.from(update))).toBe(true)
    expect(alice.sent).toHaveLength(0)
    expect(bob.sent).toHaveLength(1)
    expect(rebuilds(doc, stored)).toBe(true)
    // The listeners are back: a local write is encoded and stored as usual.
    doc.getMap('entries').set('mine', 'hello')
    expect(yjsEmits()).toBe(1)
    expect(stored).toHaveLength(2)
    expect(alice.sent).toHaveLength(1)
  })

  it("what an observer writes while it is applied (a receipt) is stored and goes to its sender, and nothing is lost", () => {
    const { doc, alice, stored } = syncSetup()
    doc.getMap('entries').observe((event) => {
      if (!event.transaction.local) doc.getMap('receipts').set('me', 'delivered')
    })
    alice.emit('data', syncStep2Message(bigSession(80)))
    expect(stored).toHaveLength(2) // the receipt's transaction, then the big update
    expect(alice.sent).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, alice.sent[0]!)
    expect(copy.getMap('receipts').get('me')).toBe('delivered')
    expect(rebuilds(doc, stored)).toBe(true)
  })

  it('reaches no listener when it changes nothing (it came twice)', () => {
    const { alice, stored } = syncSetup()
    const message = syncStep2Message(bigSession(80))
    alice.emit('data', message)
    alice.emit('data', message)
    expect(stored).toHaveLength(1)
  })

  it('is encoded by Yjs as usual when updates were held before it, and under BIG_UPDATE_BYTES', () => {
    const { doc, alice, stored, yjsEmits } = syncSetup()
    alice.emit('data', syncStep2Message(bigSession(2)))
    expect(yjsEmits()).toBe(1)
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    writer.getMap('entries').set('first', 1)
    writer.getMap('entries').set('second', 'y'.repeat(BIG_UPDATE_BYTES))
    Y.applyUpdate(doc, updates[1]!, 'another peer') // held: it needs `first`
    alice.emit('data', syncStep2Message(Y.encodeStateAsUpdate(writer)))
    expect(doc.getMap('entries').get('first')).toBe(1)
    expect(yjsEmits()).toBe(2)
    expect(rebuilds(doc, stored)).toBe(true)
  })

  it("when y-webrtc's listener throws after applying, the listeners still come back and get the update", async () => {
    const { doc, room, alice, stored } = syncSetup()
    room.failAfterApply = true
    expect(() => alice.emit('data', syncStep2Message(bigSession(80)))).toThrow('a later handler failed')
    await Promise.resolve()
    expect(stored).toHaveLength(1)
    expect(rebuilds(doc, stored)).toBe(true)
    room.failAfterApply = false
    doc.getMap('entries').set('mine', 'hello')
    expect(stored).toHaveLength(2)
  })
})
