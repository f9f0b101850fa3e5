import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { PARTS_IDLE_MS, PARTS_MAX_BYTES, PARTS_MAX_MS, answeredBy, applyTogether, heldPartBytes, holdPart } from '../../src/net/answerParts'
import { askedPeer } from '../../src/net/peerReading'

/** An update adding `key` to the entries of a copy of `doc`. */
function write(doc: Y.Doc, key: string): Uint8Array {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(other)
  other.getMap('entries').set(key, key)
  return Y.encodeStateAsUpdate(other, before)
}

describe('answerParts', () => {
  it('holds nothing from a peer that was not asked, or for another peer', () => {
    const doc = new Y.Doc()
    const asked = {}
    askedPeer(doc, asked)
    expect(holdPart(doc, {}, write(doc, 'a'), 'room')).toBe(false)
    expect(holdPart(new Y.Doc(), asked, write(doc, 'a'), 'room')).toBe(false)
    expect(holdPart(doc, asked, write(doc, 'a'), 'room')).toBe(true)
    expect(answeredBy(doc, asked)).toHaveLength(1)
    expect(holdPart(doc, asked, write(doc, 'b'), 'room')).toBe(false) // answered: no longer held
  })

  it('applies what it holds before holding more than PARTS_MAX_BYTES for one peer', () => {
    const doc = new Y.Doc()
    const peer = {}
    askedPeer(doc, peer)
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    expect(holdPart(doc, peer, write(doc, 'first'), 'room')).toBe(true)
    expect(doc.getMap('entries').has('first')).toBe(false)
    const big = new Uint8Array(PARTS_MAX_BYTES) // an empty update (no structs, no deletions) padded with zeros
    expect(holdPart(doc, peer, big, 'room')).toBe(true)
    expect(doc.getMap('entries').has('first')).toBe(true)
    expect(origins).toEqual(['room'])
    expect(heldPartBytes(doc)).toBe(PARTS_MAX_BYTES)
    const taken = answeredBy(doc, peer)
    expect(taken).toHaveLength(1)
    expect(taken[0]).toBe(big)
    expect(heldPartBytes(doc)).toBe(0)
  })

  it('applies held parts PARTS_MAX_MS after the first, even while more keep coming, and holds the later ones anew', () => {
    vi.useFakeTimers()
    try {
      const doc = new Y.Doc()
      const peer = {}
      askedPeer(doc, peer)
      const entries = doc.getMap('entries')
      holdPart(doc, peer, write(doc, 'p0'), 'room')
      for (let i = 1; i <= 4; i++) {
        vi.advanceTimersByTime(PARTS_MAX_MS / 5 - 1) // never a pause of PARTS_IDLE_MS
        holdPart(doc, peer, write(doc, `p${i}`), 'room')
      }
      expect(entries.size).toBe(0)
      vi.advanceTimersByTime(PARTS_MAX_MS - 4 * (PARTS_MAX_MS / 5 - 1) - 1)
      expect(entries.size).toBe(0)
      vi.advanceTimersByTime(1)
      expect(entries.size).toBe(5) // p0…p4, applied PARTS_MAX_MS after p0 was held
      holdPart(doc, peer, write(doc, 'p5'), 'room')
      expect(heldPartBytes(doc)).toBeGreaterThan(0) // held anew
      expect(entries.size).toBe(5)
      vi.advanceTimersByTime(PARTS_IDLE_MS)
      expect(entries.size).toBe(6)
    } finally {
      vi.useRealTimers()
    }
  })

  it('holds no more than PARTS_MAX_BYTES for all peers together: past it, a part is applied at once', () => {
    const doc = new Y.Doc()
    const [first, second] = [{}, {}]
    askedPeer(doc, first)
    askedPeer(doc, second)
    const filler = new Uint8Array(PARTS_MAX_BYTES - 10) // an empty update padded with zeros
    expect(holdPart(doc, first, filler, 'room')).toBe(true)
    expect(holdPart(doc, second, write(doc, 'over the cap'), 'room')).toBe(false)
    expect(heldPartBytes(doc)).toBe(PARTS_MAX_BYTES - 10)
    expect(answeredBy(doc, first)[0]).toBe(filler)
  })

  it('applies together the updates around one that fails, and reports it', () => {
    const doc = new Y.Doc()
    const errors: Error[] = []
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      applyTogether(doc, [write(doc, 'before'), new Uint8Array([1, 2, 3, 255, 255, 255, 255]), write(doc, 'after')], 'room', (error) => errors.push(error))
    } finally {
      logged.mockRestore()
    }
    expect([...doc.getMap('entries').keys()].sort()).toEqual(['after', 'before'])
    expect(errors).toHaveLength(1)
  })
})

