import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { isWellFormedPeerMessage } from '../../src/net/peerMessageGuard'

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function docWithText(): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('entries').set('a', { text: 'hello' })
  return doc
}

describe('isWellFormedPeerMessage', () => {
  it("accepts what y-webrtc sends: sync step 1 and 2, updates, awareness, awareness queries", () => {
    const doc = docWithText()
    const awareness = new Awareness(doc)
    awareness.setLocalState({ user: { id: 'u', name: 'Ana', role: 'rep' } })
    const good = [
      message((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, doc) }),
      message((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep2(e, doc) }),
      message((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)) }),
      message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID])) }),
      message((e) => encoding.writeVarUint(e, 3)),
    ]
    for (const bytes of good) expect(isWellFormedPeerMessage(bytes)).toBe(true)
    awareness.destroy()
  })

  it('refuses what would make y-webrtc throw or answer with an empty message', () => {
    const bad = [
      new Uint8Array([]),
      new Uint8Array([0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), // unknown type
      new Uint8Array([7]), // unknown type
      new Uint8Array([0, 0, 3, 0xff, 0xff, 0xff]), // step 1 with a junk state vector
      new Uint8Array([0, 5, 1, 0]), // unknown sync step
      new Uint8Array([0, 2, 9, 1]), // payload shorter than its length
      new Uint8Array([1, 3, 1, 5, 1, 2, 123]), // awareness with a broken JSON state
      new Uint8Array([3, 0]), // trailing bytes
    ]
    for (const bytes of bad) expect(isWellFormedPeerMessage(bytes), String(bytes)).toBe(false)
  })

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => typeof isWellFormedPeerMessage(bytes) === 'boolean'), { numRuns: 2_000 })
  })
})
