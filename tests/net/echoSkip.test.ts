import { EventEmitter } from 'node:events'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import * as Y from 'yjs'
import { skipEchoes, type EchoRoom } from '../../src/net/echoSkip'
import { readSyncMessage } from '../../src/net/tabSyncStep2'
import { PARTS_IDLE_MS, heldPartBytes } from '../../src/net/answerParts'
import { loadSyncParts } from '../../src/net/syncPartsLoader'

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

/** A y-webrtc sync message (messageSync, then what `write` puts). */
function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, 0)
    write(encoder)
  })
}

/** Reads a y-webrtc sync message as y-webrtc's readMessage does (through Asiste's sync module); returns the reply. */
function readSync(doc: Y.Doc, room: FakeRoom, message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder) // y-webrtc's messageSync
  return syncMessage((encoder) => readSyncMessage(decoder, encoder, doc, room))
}

/** A peer of `room` whose messages are y-webrtc sync messages (its reply sent back when `replies`). */
function syncPeer(doc: Y.Doc, room: FakeRoom, name: string, replies: boolean): FakePeer {
  const peer = new FakePeer()
  peer.on('data', (message: Uint8Array) => {
    const reply = readSync(doc, room, message)
    if (replies && reply.byteLength > 1) peer.send(reply)
  })
  room.webrtcConns.set(name, { peer })
  return peer
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
  beforeAll(() => loadSyncParts())

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

  it("tells the sync answer which peer's message is read: a big answer goes to that peer in parts, a tab's in one", () => {
    const { doc, room, echoes } = setup()
    const entries = doc.getMap<string>('entries')
    for (let i = 0; i < 600; i++) entries.set(`m${i}`, 'x'.repeat(1_000))
    const carol = syncPeer(doc, room, 'carol', true)
    echoes.hook()
    const joiner = new Y.Doc()
    const step1 = syncMessage((encoder) => sync.writeSyncStep1(encoder, joiner))
    carol.emit('data', step1)
    expect(carol.sent.length).toBeGreaterThan(2)
    for (const message of carol.sent) {
      const decoder = decoding.createDecoder(message)
      expect(decoding.readVarUint(decoder)).toBe(0)
      sync.readSyncMessage(decoder, encoding.createEncoder(), joiner, 'stock peer')
    }
    expect(joiner.getMap('entries').toJSON()).toEqual(entries.toJSON())
    // Read outside a peer's 'data' event (another tab, over BroadcastChannel): one answer, as y-protocols writes it.
    const sentBefore = carol.sent.length
    expect(readSync(doc, room, step1).byteLength).toBeGreaterThan(600_000)
    expect(carol.sent).toHaveLength(sentBefore)
  })

  it('holds the updates of a peer asked for its answer until its sync step 2, then applies them in one transaction', () => {
    const { doc, room, echoes } = setup()
    const transactions: string[][] = []
    doc.getMap('entries').observe((event) => transactions.push([...event.keysChanged].sort()))
    const dave = syncPeer(doc, room, 'dave', false)
    echoes.hook()
    const update = (key: string): Uint8Array => syncMessage((encoder) => sync.writeUpdate(encoder, remoteWrite(doc, key)))
    const askDave = (): void => dave.send(syncMessage((encoder) => sync.writeSyncStep1(encoder, doc))) // as y-webrtc does on connect
    dave.emit('data', update('live')) // not asked yet: applied at once
    expect(transactions).toEqual([['live']])
    askDave()
    dave.emit('data', update('part 1'))
    dave.emit('data', update('part 2'))
    expect(transactions).toHaveLength(1)
    expect(heldPartBytes(doc)).toBeGreaterThan(0)
    dave.emit('data', syncMessage((encoder) => sync.writeSyncStep2(encoder, new Y.Doc())))
    expect(transactions).toEqual([['live'], ['part 1', 'part 2']])
    expect(heldPartBytes(doc)).toBe(0)
    dave.emit('data', update('after the answer')) // answered: applied at once
    expect(transactions).toHaveLength(3)
    askDave() // a resync: its answer is held again
    dave.emit('data', update('part of a second answer'))
    expect(transactions).toHaveLength(3)
    dave.emit('data', syncMessage((encoder) => sync.writeSyncStep2(encoder, new Y.Doc())))
    expect(transactions.at(-1)).toEqual(['part of a second answer'])
  })

  it("applies a peer's held parts once it pauses for PARTS_IDLE_MS (an answer that never ends cannot hold them)", () => {
    vi.useFakeTimers()
    try {
      const { doc, room, echoes } = setup()
      const erin = syncPeer(doc, room, 'erin', false)
      echoes.hook()
      erin.send(syncMessage((encoder) => sync.writeSyncStep1(encoder, doc)))
      erin.emit('data', syncMessage((encoder) => sync.writeUpdate(encoder, remoteWrite(doc, 'held'))))
      vi.advanceTimersByTime(PARTS_IDLE_MS - 1)
      expect(doc.getMap('entries').has('held')).toBe(false)
      vi.advanceTimersByTime(1)
      expect(doc.getMap('entries').has('held')).toBe(true)
      expect(erin.sent).toHaveLength(1) // our sync step 1 only: what erin sent is not sent back to it
    } finally {
      vi.useRealTimers()
    }
  })
})
