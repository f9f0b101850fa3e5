import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_RAW_BYTES } from '../../src/net/wireFrames'
import { PART_BYTES } from '../../src/net/peerReading'
import { structParts } from '../../src/net/syncAnswer'
import { setReadPeer } from '../../src/net/peerReading'
import { loadSyncParts } from '../../src/net/syncPartsLoader'
import { readSyncMessage } from '../../src/net/tabSyncStep2'

/** A doc with the given client id. */
function docOf(clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}

/** Makes `to` have everything `from` has. */
function pull(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/**
 * Three clients editing a chat map (new and overwritten keys), a shared text (inserts and deletes
 * between each other's characters) and nested types, syncing now and then: structs of each client
 * depend on the others'.
 */
function editedTogether(seed: number, rounds: number): Y.Doc[] {
  const next = random(seed)
  const docs = [docOf(30), docOf(20), docOf(10)]
  for (let round = 0; round < rounds; round++) {
    docs.forEach((doc, who) => {
      const entries = doc.getMap<unknown>('entries')
      entries.set(`m${round}-${who}`, { text: 'x'.repeat(20 + Math.floor(next() * 200)), who })
      if (next() < 0.3) entries.set(`m${Math.floor(next() * round)}-${Math.floor(next() * 3)}`, 'edited')
      const text = doc.getText('notes')
      text.insert(Math.floor(next() * (text.length + 1)), `${who}:${round} `)
      if (text.length > 10 && next() < 0.4) text.delete(Math.floor(next() * (text.length - 5)), 3)
      if (next() < 0.2) {
        const nested = new Y.Map<string>()
        doc.getArray<Y.Map<string>>('cards').push([nested])
        nested.set('title', `card ${round}`)
      }
      const cards = doc.getArray<Y.Map<string>>('cards')
      if (cards.length > 0 && next() < 0.3) cards.get(Math.floor(next() * cards.length))?.set('title', `retitled ${round} by ${who}`)
    })
    if (next() < 0.5) {
      const [a, b] = [Math.floor(next() * 3), Math.floor(next() * 3)]
      pull(docs[a] as Y.Doc, docs[b] as Y.Doc)
      pull(docs[b] as Y.Doc, docs[a] as Y.Doc)
    }
  }
  for (const doc of docs) for (const other of docs) pull(doc, other)
  return docs
}

/** Applies each part to `receiver`, checking nothing waits for a later part; then the delete set. */
function applyInParts(receiver: Y.Doc, sender: Y.Doc, partBytes: number): number {
  const parts = structParts(sender, Y.decodeStateVector(Y.encodeStateVector(receiver)), partBytes) ?? []
  for (const part of parts) {
    Y.applyUpdate(receiver, part)
    expect(receiver.store.pendingStructs).toBeNull()
    expect(receiver.store.pendingDs).toBeNull()
  }
  Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender, Y.encodeStateVector(sender)))
  return parts.length
}

/** Whether two docs hold the same structs, deletions and content. */
function expectSame(a: Y.Doc, b: Y.Doc): void {
  expect(Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))).toBe(true)
  const content = (doc: Y.Doc): unknown => [doc.getMap('entries').toJSON(), doc.getText('notes').toString(), doc.getArray('cards').toJSON()]
  expect(content(a)).toEqual(content(b))
}

describe('structParts', () => {
  it.each([1, 2, 3, 4])('splits a document of interleaved clients into parts that apply in order, none waiting (seed %i)', (seed) => {
    const [sender] = editedTogether(seed, 60)
    const receiver = new Y.Doc()
    const count = applyInParts(receiver, sender as Y.Doc, 400)
    expect(count).toBeGreaterThan(5)
    expectSame(receiver, sender as Y.Doc)
  })

  it('sends only what the receiver lacks', () => {
    const [sender, , other] = editedTogether(7, 30) as [Y.Doc, Y.Doc, Y.Doc]
    const receiver = docOf(99)
    pull(receiver, other) // everything up to the last sync...
    const newcomer = docOf(40)
    pull(newcomer, sender)
    for (let i = 0; i < 50; i++) {
      sender.getText('notes').insert(i, `s${i}`) // ...then the sender wrote more...
      newcomer.getText('notes').insert(i * 2, `n${i}`) // ...and learnt a newcomer's edits
      newcomer.getMap('entries').set(`n${i}`, 'y'.repeat(100))
    }
    pull(sender, newcomer)
    const lacking = Y.encodeStateAsUpdate(sender, Y.encodeStateVector(receiver)).byteLength
    const parts = structParts(sender, Y.decodeStateVector(Y.encodeStateVector(receiver)), 300) ?? []
    expect(parts.reduce((sum, part) => sum + part.byteLength, 0)).toBeLessThan(lacking * 1.2)
    expect(applyInParts(receiver, sender, 300)).toBeGreaterThan(5)
    expectSame(receiver, sender)
  })

  it("writes a struct after its origin when the origin's client comes later in Yjs order", () => {
    // Client 5 types first; client 9 (written first in an update: higher ids first) inserts between
    // 5's characters, so 9's structs depend on structs written after them.
    const low = docOf(5)
    low.getText('t').insert(0, 'a'.repeat(500))
    const high = docOf(9)
    pull(high, low)
    for (let i = 0; i < 40; i++) high.getText('t').insert(i * 10 + 1, 'B'.repeat(30))
    const receiver = new Y.Doc()
    const parts = structParts(high, new Map(), 200)
    expect(parts).not.toBeNull()
    applyInParts(receiver, high, 200)
    expectSame(receiver, high)
  })

  it('answers in one piece (null) what fits one part', () => {
    const [sender] = editedTogether(3, 5)
    expect(structParts(sender as Y.Doc, new Map())).toBeNull()
    const receiver = new Y.Doc()
    pull(receiver, sender as Y.Doc)
    expect(structParts(sender as Y.Doc, Y.decodeStateVector(Y.encodeStateVector(receiver)), 10)).toBeNull()
  })

  it('makes parts that a stock y-webrtc peer can receive (under 256 KiB with their header)', () => {
    const doc = docOf(1)
    const entries = doc.getMap<unknown>('entries')
    for (let i = 0; i < 2_000; i++) entries.set(`m${i}`, { text: 'é'.repeat(1_000), at: i })
    const parts = structParts(doc, new Map()) ?? []
    expect(parts.length).toBeGreaterThan(10)
    for (const part of parts) expect(part.byteLength + 16).toBeLessThanOrEqual(MAX_RAW_BYTES)
    expect(Math.max(...parts.map((part) => part.byteLength))).toBeGreaterThan(PART_BYTES)
  })
})

/** The bytes `write` puts in a fresh encoder. */
function asWebrtc(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

describe('readSyncMessage (y-protocols as y-webrtc sees it)', () => {
  beforeAll(() => loadSyncParts())

  /** The sender's answer to `receiver`'s sync step 1, with `target` as the peer being read. */
  function answer(sender: Y.Doc, receiver: Y.Doc, target?: (message: Uint8Array) => void): Uint8Array {
    const step1 = asWebrtc((encoder) => sync.writeSyncStep1(encoder, receiver))
    setReadPeer(sender, target ? { send: target } : undefined)
    try {
      return asWebrtc((encoder) => {
        encoding.writeVarUint(encoder, 0) // y-webrtc's messageSync, as y-webrtc writes it before the answer
        readSyncMessage(decoding.createDecoder(step1), encoder, sender, 'peer')
      })
    } finally {
      setReadPeer(sender, undefined)
    }
  }

  it('answers a big sync step 1 from a peer in updates, then a sync step 2, which a stock peer reads', () => {
    const sender = docOf(1)
    const entries = sender.getMap<string>('entries')
    for (let i = 0; i < 1_000; i++) entries.set(`m${i}`, 'x'.repeat(1_000))
    for (let i = 0; i < 1_000; i += 3) entries.delete(`m${i}`)
    const receiver = new Y.Doc()
    const sent: Uint8Array[] = []
    const last = answer(sender, receiver, (message) => sent.push(message))
    expect(sent.length).toBeGreaterThan(3)
    // A stock y-webrtc peer: y-protocols' own readSyncMessage on each message after the sync type.
    const types = [...sent, last].map((message) => {
      const decoder = decoding.createDecoder(message)
      expect(decoding.readVarUint(decoder)).toBe(0) // y-webrtc's messageSync
      return sync.readSyncMessage(decoder, encoding.createEncoder(), receiver, 'stock')
    })
    expect(types).toEqual([...sent.map(() => sync.messageYjsUpdate), sync.messageYjsSyncStep2])
    expectSame(receiver, sender)
    expect(receiver.getMap('entries').size).toBe(666)
  })

  it('answers whole when a part cannot be sent (a closing link), so the peer never counts as synced without it', () => {
    const sender = docOf(1)
    for (let i = 0; i < 1_000; i++) sender.getMap<string>('entries').set(`m${i}`, 'x'.repeat(1_000))
    const receiver = new Y.Doc()
    let sends = 0
    const reply = answer(sender, receiver, () => {
      if (++sends === 2) throw new Error('closed')
    })
    expect(sends).toBe(2)
    const decoder = decoding.createDecoder(reply)
    decoding.readVarUint(decoder)
    sync.readSyncMessage(decoder, encoding.createEncoder(), receiver, 'stock')
    expectSame(receiver, sender)
  })

  it('answers a tab (no peer being read) exactly as y-protocols does', () => {
    const [sender] = editedTogether(5, 80)
    const receiver = new Y.Doc()
    const step1 = asWebrtc((encoder) => sync.writeSyncStep1(encoder, receiver))
    const stock = asWebrtc((encoder) => {
      encoding.writeVarUint(encoder, 0)
      sync.readSyncMessage(decoding.createDecoder(step1), encoder, sender as Y.Doc, 'tab')
    })
    expect(answer(sender as Y.Doc, receiver)).toEqual(stock)
  })

  it('answers a small sync step 1 in one message even with a peer being read', () => {
    const [sender] = editedTogether(6, 4)
    const receiver = new Y.Doc()
    const sent: Uint8Array[] = []
    const reply = answer(sender as Y.Doc, receiver, (message) => sent.push(message))
    expect(sent).toEqual([])
    const decoder = decoding.createDecoder(reply)
    expect(decoding.readVarUint(decoder)).toBe(0)
    expect(sync.readSyncMessage(decoder, encoding.createEncoder(), receiver, 'stock')).toBe(sync.messageYjsSyncStep2)
    expectSame(receiver, sender as Y.Doc)
  })

  it('applies updates and sync step 2 as y-protocols does', () => {
    const [sender] = editedTogether(9, 10)
    const receiver = new Y.Doc()
    const update = asWebrtc((encoder) => sync.writeUpdate(encoder, Y.encodeStateAsUpdate(sender as Y.Doc)))
    expect(readSyncMessage(decoding.createDecoder(update), encoding.createEncoder(), receiver, 'peer')).toBe(sync.messageYjsUpdate)
    expectSame(receiver, sender as Y.Doc)
    expect(() => readSyncMessage(decoding.createDecoder(new Uint8Array([7])), encoding.createEncoder(), receiver, 'peer')).toThrow(/Unknown message type/)
  })
})
