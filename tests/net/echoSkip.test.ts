import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { skipEchoes, type EchoRoom } from '../../src/net/echoSkip'

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
