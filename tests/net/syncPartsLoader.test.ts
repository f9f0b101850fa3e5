import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { setReadPeer } from '../../src/net/peerReading'
import { loadSyncParts, syncParts } from '../../src/net/syncPartsLoader'
import { readSyncMessage } from '../../src/net/tabSyncStep2'

/** A doc of about 600 KB: an answer of several parts. */
function bigDoc(): Y.Doc {
  const doc = new Y.Doc()
  for (let i = 0; i < 600; i++) doc.getMap('entries').set(`m${i}`, 'x'.repeat(1_000))
  return doc
}

/** `doc`'s answer to an empty peer's sync step 1 read from a peer: the messages sent to it, and the reply. */
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

describe('syncPartsLoader', () => {
  it('answers whole until the code of answers in parts is fetched, then in parts; it is fetched once', async () => {
    const doc = bigDoc()
    expect(syncParts()).toBeUndefined()
    const before = answer(doc)
    expect(before.sent).toEqual([])
    expect(before.reply.byteLength).toBeGreaterThan(600_000)
    const [first, second] = await Promise.all([loadSyncParts(), loadSyncParts()])
    expect(first).toBe(second)
    expect(syncParts()).toBe(first)
    const after = answer(doc)
    expect(after.sent.length).toBeGreaterThan(2)
    expect(after.reply.byteLength).toBeLessThan(1_000)
  })
})
