import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { createLinkAwarenessFilter, filterAwarenessUpdate } from '../../src/net/awarenessFilter'

function awareness(clientId: number, user: object): Awareness {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const a = new Awareness(doc)
  a.setLocalState({ user })
  return a
}

/** A y-webrtc awareness message carrying `update`. */
function message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('presence only for the sender’s own client id', () => {
  test("a peer's update that relabels the real rep as a customer keeps only the peer's own state", () => {
    const receiver = awareness(1, { name: 'Carla', role: 'customer' })
    const rep = awareness(2, { name: 'Rafa', role: 'rep' })
    applyAwarenessUpdate(receiver, encodeAwarenessUpdate(rep, [2]), 'link-rep')
    const mallory = awareness(3, { name: 'Mallory', role: 'customer' })
    applyAwarenessUpdate(mallory, encodeAwarenessUpdate(rep, [2]), 'x')
    mallory.states.set(2, { user: { name: 'Rafa', role: 'customer' } })
    mallory.meta.set(2, { clock: 99, lastUpdated: Date.now() })
    const forged = encodeAwarenessUpdate(mallory, [3, 2])
    const kept = filterAwarenessUpdate(forged, 3)!
    applyAwarenessUpdate(receiver, kept, 'link-mallory')
    expect(receiver.getStates().get(2)).toEqual({ user: { name: 'Rafa', role: 'rep' } })
    expect(receiver.getStates().get(3)).toEqual({ user: { name: 'Mallory', role: 'customer' } })
    applyAwarenessUpdate(receiver, forged, 'unfiltered') // what y-protocols does without the filter
    expect(receiver.getStates().get(2)).toEqual({ user: { name: 'Rafa', role: 'customer' } })
  })

  test('a link owns the client id of its first awareness entry; removing another client through it is dropped', () => {
    const filter = createLinkAwarenessFilter()
    const mallory = awareness(3, { name: 'Mallory', role: 'customer' })
    const hello = message(encodeAwarenessUpdate(mallory, [3]))
    expect(filter(hello)).toEqual(hello)
    const rep = awareness(2, { name: 'Rafa', role: 'rep' })
    applyAwarenessUpdate(mallory, encodeAwarenessUpdate(rep, [2]), 'x')
    let removal: Uint8Array | undefined
    mallory.on('update', (_: unknown, origin: unknown) => {
      if (origin === 'hostile') removal = encodeAwarenessUpdate(mallory, [2])
    })
    removeAwarenessStates(mallory, [2], 'hostile')
    expect(removal).toBeDefined()
    expect(filter(message(removal!))).toBeUndefined()
    const sync = Uint8Array.of(0, 0, 1, 0)
    expect(filter(sync)).toBe(sync)
  })

  test('malformed awareness bytes are dropped, never thrown on', () => {
    const filter = createLinkAwarenessFilter()
    expect(filter(Uint8Array.of(1, 5, 0xff, 0xff))).toBeUndefined()
    expect(filterAwarenessUpdate(Uint8Array.of(0xff), 1)).toBeUndefined()
  })
})
