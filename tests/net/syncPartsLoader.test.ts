import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { askedPeer, setReadPeer, type ReadPeer } from '../../src/net/peerReading'
import { loadSyncParts, syncParts } from '../../src/net/syncPartsLoader'
import { readSyncMessage } from '../../src/net/tabSyncStep2'

/** y-webrtc drops a message over this silently (DESIGN.md §2). */
const STOCK_LIMIT = 256 * 1024

/** A doc of `count` KB-sized entries (600: an answer of several parts). */
function docOf(count: number): Y.Doc {
  const doc = new Y.Doc()
  for (let i = 0; i < count; i++) doc.getMap('entries').set(`m${i}`, 'x'.repeat(1_000))
  return doc
}

/** `doc`'s answer to an empty peer's sync step 1 read from a peer: the messages sent to it (now and later), and the reply. */
function answer(doc: Y.Doc): { sent: Uint8Array[]; reply: Uint8Array } {
  const sent: Uint8Array[] = []
  const step1 = encoding.encode((encoder) => sync.writeSyncStep1(encoder, new Y.Doc()))
  setReadPeer(doc, { send: (message) => sent.push(message) })
  try {
    const reply = encoding.encode((encoder) => readSyncMessage(decoding.createDecoder(step1), encoder, doc, 'peer'))
    return { sent, reply }
  } finally {
    setReadPeer(doc, undefined)
  }
}

/** A stock y-webrtc peer reading `messages` (each a y-webrtc sync message), as y-protocols does. */
function stockReads(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    expect(decoding.readVarUint(decoder)).toBe(0) // y-webrtc's sync message
    sync.readSyncMessage(decoder, encoding.createEncoder(), doc, 'stock')
  }
  return doc
}

describe('syncPartsLoader', () => {
  // In this order: the first two run before the code of answers in parts is fetched.
  it('before the code of answers in parts is fetched, an answer of one part goes at once, whole', () => {
    expect(syncParts()).toBeUndefined()
    const doc = docOf(50)
    const { sent, reply } = answer(doc)
    expect(sent).toEqual([])
    const decoder = decoding.createDecoder(reply)
    expect(decoding.readVarUint(decoder)).toBe(sync.messageYjsSyncStep2)
    const reader = new Y.Doc()
    Y.applyUpdate(reader, decoding.readVarUint8Array(decoder))
    expect(reader.getMap('entries').size).toBe(50)
  })

  it('a bigger answer asked for before the fetch waits for it, then goes in parts a stock peer can read; one answer per peer; a step 2 ends the wait for a peer', async () => {
    const doc = docOf(600)
    /** Reads `message` in `target` as from `peer`, as y-webrtc does (the reply it would send). */
    const read = (target: Y.Doc, peer: ReadPeer, message: Uint8Array): Uint8Array => {
      setReadPeer(target, peer)
      try {
        return encoding.encode((encoder) => readSyncMessage(decoding.createDecoder(message), encoder, target, 'peer'))
      } finally {
        setReadPeer(target, undefined)
      }
    }
    const step1Of = (known: Y.Doc): Uint8Array => encoding.encode((encoder) => sync.writeSyncStep1(encoder, known))
    const sentTo = (): { peer: ReadPeer; sent: Uint8Array[] } => {
      const sent: Uint8Array[] = []
      return { peer: { send: (message) => sent.push(message) }, sent }
    }

    // A stock peer asks: nothing over the stock limit goes out, and the reply is an empty update.
    const stock = sentTo()
    const reply = read(doc, stock.peer, step1Of(new Y.Doc()))
    expect(stock.sent).toEqual([])
    expect(reply.byteLength).toBeLessThan(8)
    const replied = decoding.createDecoder(reply)
    expect(decoding.readVarUint(replied)).toBe(sync.messageYjsUpdate)
    // Another page still waiting for the code reads that reply and has nothing to answer: no step 1s bounce.
    const other = docOf(300)
    expect(read(other, sentTo().peer, reply).byteLength).toBe(0)

    // A peer that asks twice meanwhile gets one answer, for its latest step 1 (here it has everything by then).
    const twice = sentTo()
    read(doc, twice.peer, step1Of(new Y.Doc()))
    const caughtUp = new Y.Doc()
    Y.applyUpdate(caughtUp, Y.encodeStateAsUpdate(doc))
    read(doc, twice.peer, step1Of(caughtUp))

    // A peer we asked answers with its step 2 before the code is there; another we asked has not answered.
    const answered = sentTo().peer
    const pending = sentTo().peer
    askedPeer(doc, answered)
    askedPeer(doc, pending)
    read(doc, answered, encoding.encode((encoder) => sync.writeSyncStep2(encoder, new Y.Doc())))

    doc.getMap('entries').set('late', 'written while the code was being fetched')
    expect(syncParts()).toBeUndefined()
    await loadSyncParts()
    await vi.waitFor(() => expect(stock.sent.length).toBeGreaterThan(2))
    expect(Math.max(...stock.sent.map((message) => message.byteLength))).toBeLessThan(STOCK_LIMIT)
    const reader = stockReads(stock.sent)
    expect(reader.getMap('entries').size).toBe(601)
    expect(reader.getMap('entries').get('late')).toBe('written while the code was being fetched')
    // The last message is the sync step 2 (y-webrtc marks the peer synced on it).
    const last = decoding.createDecoder(stock.sent[stock.sent.length - 1]!)
    decoding.readVarUint(last)
    expect(decoding.readVarUint(last)).toBe(sync.messageYjsSyncStep2)

    expect(twice.sent).toHaveLength(1)
    expect(twice.sent[0]!.byteLength).toBeLessThan(1_000)
    const twiceAnswer = decoding.createDecoder(twice.sent[0]!)
    decoding.readVarUint(twiceAnswer)
    expect(decoding.readVarUint(twiceAnswer)).toBe(sync.messageYjsSyncStep2)

    // Now with the code: the peer that answered has its live updates applied at once; the one we still await, held.
    const live = (key: string): Uint8Array => {
      const writer = new Y.Doc()
      writer.getMap('entries').set(key, 'live')
      return encoding.encode((encoder) => sync.writeUpdate(encoder, Y.encodeStateAsUpdate(writer)))
    }
    read(doc, answered, live('from the peer that answered'))
    expect(doc.getMap('entries').get('from the peer that answered')).toBe('live')
    read(doc, pending, live('from the peer we await'))
    expect(doc.getMap('entries').has('from the peer we await')).toBe(false)
  })

  it('once fetched, answers in parts at once; the code is fetched once', async () => {
    const doc = docOf(600)
    const [first, second] = await Promise.all([loadSyncParts(), loadSyncParts()])
    expect(first).toBe(second)
    expect(syncParts()).toBe(first)
    const after = answer(doc)
    expect(after.sent.length).toBeGreaterThan(2)
    expect(after.reply.byteLength).toBeLessThan(1_000)
  })
})
