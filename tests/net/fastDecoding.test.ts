import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { encoded } from './encoded'
import * as decoding from 'lib0/decoding'
import * as fast from '../../src/net/fastDecoding'
import * as syncProtocol from 'y-protocols/sync'
import { writeSyncStep2 } from '../../src/net/tabSyncStep2'
import { loadedStateVector, markLoadedFromStore } from '../../src/net/tabSync'

/** Values of every kind lib0's writeAny knows, with ASCII, non-ASCII, short, long and boundary-length strings. */
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  2 ** 31,
  1.5,
  Math.PI,
  -0.1,
  1_800_000_000_123,
  Number.MAX_VALUE,
  true,
  false,
  '',
  'a',
  'kind',
  'x'.repeat(64),
  'x'.repeat(65),
  'y'.repeat(300),
  'señora',
  'ok 😀',
  '\u007f\u0000',
  'a'.repeat(63) + 'é',
  { kind: 'chat', audience: 'all', authorName: 'Carla', text: 'The printer…', at: 1_800_000_000_000 },
  { nested: { list: [1, 'two', { three: 3 }], empty: [] }, bytes: new Uint8Array([1, 2, 3]) },
  [null, undefined, 'é', 2.25],
  new Uint8Array(0),
  BigInt(2) ** BigInt(40),
]

describe('fastDecoding reads exactly what lib0 reads', () => {
  test('every kind of value, one after another in one buffer', () => {
    const bytes = encoded((encoder) => VALUES.forEach((value) => encoding.writeAny(encoder, value as never)))
    const ours = decoding.createDecoder(bytes)
    const theirs = decoding.createDecoder(bytes)
    for (let i = 0; i < VALUES.length; i++) {
      expect(fast.readAny(ours)).toEqual(decoding.readAny(theirs))
      expect(ours.pos).toBe(theirs.pos)
    }
    expect(decoding.hasContent(ours)).toBe(false)
  })

  test('strings and floats on their own, including ASCII up to the short-string limit and UTF-8 past it', () => {
    const strings = ['', 'id-0123456789abcdefghij', 'ñ', 'x'.repeat(64), 'é'.repeat(40), 'z'.repeat(1000)]
    const bytes = encoded((encoder) => {
      strings.forEach((text) => encoding.writeVarString(encoder, text))
      encoding.writeFloat64(encoder, -123.456)
    })
    const decoder = decoding.createDecoder(bytes)
    for (const text of strings) expect(fast.readVarString(decoder)).toBe(text)
    expect(fast.readFloat64(decoder)).toBe(-123.456)
    expect(decoding.hasContent(decoder)).toBe(false)
  })

  test('a repeated short string is the same value each time; different strings of one length stay apart', () => {
    const words = ['chat', 'chat', 'ab', 'ba', 'cust-1', 'cust-2', 'x'.repeat(16), 'x'.repeat(15) + 'y']
    const bytes = encoded((encoder) => words.forEach((word) => encoding.writeVarString(encoder, word)))
    const decoder = decoding.createDecoder(bytes)
    expect(words.map(() => fast.readVarString(decoder))).toEqual(words)
  })

  test('truncated input fails like lib0 instead of reading past the end', () => {
    const whole = encoded((encoder) => encoding.writeVarString(encoder, 'abcdef'))
    const cut = whole.subarray(0, whole.length - 2)
    expect(() => fast.readVarString(decoding.createDecoder(cut))).toThrow()
    expect(() => decoding.readVarString(decoding.createDecoder(cut))).toThrow()
    expect(() => fast.readFloat64(decoding.createDecoder(new Uint8Array(5)))).toThrow()
  })

  test('invalid UTF-8 is refused as lib0 refuses it', () => {
    const bytes = new Uint8Array([3, 0x61, 0xff, 0x62])
    expect(() => decoding.readVarString(decoding.createDecoder(bytes))).toThrow()
    expect(() => fast.readVarString(decoding.createDecoder(bytes))).toThrow()
  })

  test('an unknown value tag throws', () => {
    expect(() => fast.readAny(decoding.createDecoder(new Uint8Array([5])))).toThrow()
  })
})

describe('tab sync step 2 (what y-webrtc broadcasts to other tabs on connect)', () => {
  function docWith(count: number): Y.Doc {
    const doc = new Y.Doc()
    for (let i = 0; i < count; i++) doc.getMap('entries').set(`e${i}`, { text: `message ${i}` })
    return doc
  }
  function step2Bytes(doc: Y.Doc): Uint8Array {
    return encoded((encoder) => writeSyncStep2(encoder, doc))
  }

  test('a document loaded from IndexedDB sends only what changed since the load', () => {
    const doc = docWith(500)
    const whole = step2Bytes(doc).byteLength
    const database = Y.encodeStateAsUpdate(doc) // what this browser's IndexedDB holds
    markLoadedFromStore(doc)
    expect(loadedStateVector(doc)).toEqual(Y.encodeStateVector(doc))
    expect(step2Bytes(doc).byteLength).toBeLessThan(50)
    doc.getMap('entries').set('late', { text: 'written after the load' })
    const after = step2Bytes(doc)
    expect(after.byteLength).toBeLessThan(whole / 10)

    // Another tab loaded the same database: with this message it holds everything this tab holds.
    const otherTab = new Y.Doc()
    Y.applyUpdate(otherTab, database)
    const reader = decoding.createDecoder(after)
    expect(decoding.readVarUint(reader)).toBe(syncProtocol.messageYjsSyncStep2)
    Y.applyUpdate(otherTab, decoding.readVarUint8Array(reader))
    expect(otherTab.getMap('entries').toJSON()).toEqual(doc.getMap('entries').toJSON())
  })

  test('a document never loaded from IndexedDB still sends its whole state', () => {
    const doc = docWith(200)
    expect(step2Bytes(doc)).toEqual(encoded((encoder) => syncProtocol.writeSyncStep2(encoder, doc)))
  })

  test('a reply to a sync step 1 is unchanged', () => {
    const doc = docWith(100)
    markLoadedFromStore(doc)
    const remote = Y.encodeStateVector(docWith(0))
    expect(encoded((encoder) => writeSyncStep2(encoder, doc, remote))).toEqual(encoded((encoder) => syncProtocol.writeSyncStep2(encoder, doc, remote)))
  })
})
