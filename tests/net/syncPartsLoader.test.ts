import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { setReadPeer } from '../../src/net/peerReading'
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

  it('a bigger answer asked for before the fetch waits for it, then goes in parts a stock peer can read (our sync step 1 is the reply meanwhile)', async () => {
    const doc = docOf(600)
    const { sent, reply } = answer(doc)
    // Nothing over the stock limit went out: the reply is our own sync step 1, small.
    expect(sent).toEqual([])
    expect(reply.byteLength).toBeLessThan(1_000)
    expect(decoding.readVarUint(decoding.createDecoder(reply))).toBe(sync.messageYjsSyncStep1)
    expect(syncParts()).toBeUndefined()
    // Written meanwhile: part of the answer too.
    doc.getMap('entries').set('late', 'written while the code was being fetched')
    await loadSyncParts()
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(2))
    expect(Math.max(...sent.map((message) => message.byteLength))).toBeLessThan(STOCK_LIMIT)
    const reader = stockReads(sent)
    expect(reader.getMap('entries').size).toBe(601)
    expect(reader.getMap('entries').get('late')).toBe('written while the code was being fetched')
    // The last message is the sync step 2 (y-webrtc marks the peer synced on it).
    const last = decoding.createDecoder(sent[sent.length - 1]!)
    decoding.readVarUint(last)
    expect(decoding.readVarUint(last)).toBe(sync.messageYjsSyncStep2)
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
