import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
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

describe('presence over a live link (the context connectDoc.ts gives each link)', () => {
  /** Links of one page: which client each peer's link holds, which peers are live, what was reported. */
  function page(receiver: Awareness) {
    const owners = new Map<number, string>()
    const live = new Set<string>()
    const rewrites: [string, number][] = []
    const link = (peerId: string) => {
      live.add(peerId)
      return createLinkAwarenessFilter({
        peerId: () => peerId,
        claim: (clientId, claimant) => {
          const holder = owners.get(clientId)
          if (holder !== undefined && holder !== claimant && live.has(holder)) return false
          owners.set(clientId, claimant)
          return true
        },
        held: (clientId) => receiver.getStates().get(clientId),
        onRewrite: (peerId, clientId) => void rewrites.push([peerId, clientId]),
      })
    }
    const apply = (filtered: Uint8Array | undefined, origin: string): void => {
      if (!filtered) return
      const decoder = decoding.createDecoder(filtered)
      decoding.readVarUint(decoder)
      applyAwarenessUpdate(receiver, decoding.readVarUint8Array(decoder), origin)
    }
    return { link, apply, rewrites, live }
  }

  test('the owner is the client whose state names the link’s peer id, even when y-webrtc sends others’ states first', () => {
    const carla = awareness(1, { id: 'carla', name: 'Carla', role: 'customer' })
    const rafa = awareness(2, { id: 'rafa', name: 'Rafa', role: 'rep' })
    rafa.setLocalState({ user: { id: 'rafa', name: 'Rafa', role: 'rep' }, peerId: 'p-rafa' })
    const other = awareness(4, { id: 'ana', name: 'Ana', role: 'rep' })
    applyAwarenessUpdate(rafa, encodeAwarenessUpdate(other, [4]), 'x')
    // After a pause and resume, Rafa's own state was removed and set again: it is last in his map.
    const opening = message(encodeAwarenessUpdate(rafa, [4, 2]))
    const { link, apply } = page(carla)
    apply(link('p-rafa')(opening), 'link-rafa')
    expect([...carla.getStates().keys()].sort()).toEqual([1, 2])
  })

  test('a peer cannot take the client another live link holds, and rewriting who that client is gets reported', () => {
    const carla = awareness(1, { id: 'carla', name: 'Carla', role: 'customer' })
    const rafa = awareness(2, { id: 'rafa', name: 'Rafa', role: 'rep' })
    rafa.setLocalState({ user: { id: 'rafa', name: 'Rafa', role: 'rep' }, peerId: 'p-rafa' })
    const { link, apply, rewrites } = page(carla)
    const rafaLink = link('p-rafa')
    apply(rafaLink(message(encodeAwarenessUpdate(rafa, [2]))), 'link-rafa')

    // Mallory writes Rafa's client id first, naming her own peer id, then her own "rep" presence.
    const mallory = awareness(3, { id: 'mallory', name: 'Boss Rep', role: 'rep' })
    mallory.setLocalState({ user: { id: 'mallory', name: 'Boss Rep', role: 'rep' }, peerId: 'p-mallory' })
    applyAwarenessUpdate(mallory, encodeAwarenessUpdate(rafa, [2]), 'x')
    mallory.states.set(2, { user: { id: 'rafa', name: 'Rafa', role: 'customer' }, peerId: 'p-mallory' })
    mallory.meta.set(2, { clock: 99, lastUpdated: Date.now() })
    const malloryLink = link('p-mallory')
    apply(malloryLink(message(encodeAwarenessUpdate(mallory, [2, 3]))), 'link-mallory')
    expect(carla.getStates().get(2)).toEqual({ user: { id: 'rafa', name: 'Rafa', role: 'rep' }, peerId: 'p-rafa' })
    expect(carla.getStates().get(3)).toEqual({ user: { id: 'mallory', name: 'Boss Rep', role: 'rep' }, peerId: 'p-mallory' })
    expect(rewrites).toEqual([['p-mallory', 2]])

    // A genuine relay (Rafa typing, as another peer forwards it) is dropped but not reported.
    rafa.setLocalState({ user: { id: 'rafa', name: 'Rafa', role: 'rep', typing: true }, peerId: 'p-rafa' })
    apply(malloryLink(message(encodeAwarenessUpdate(rafa, [2]))), 'link-mallory')
    expect(rewrites).toHaveLength(1)
    // Rafa's own link still updates him.
    apply(rafaLink(message(encodeAwarenessUpdate(rafa, [2]))), 'link-rafa')
    expect(carla.getStates().get(2)).toMatchObject({ user: { typing: true } })
  })

  test('a link whose peer never names itself gets no presence through', () => {
    const carla = awareness(1, { id: 'carla', name: 'Carla', role: 'customer' })
    const stock = awareness(5, { id: 'x', name: 'Stock', role: 'rep' }) // no peerId in its state
    const { link, apply } = page(carla)
    apply(link('p-stock')(message(encodeAwarenessUpdate(stock, [5]))), 'link-stock')
    expect(carla.getStates().has(5)).toBe(false)
  })
})
