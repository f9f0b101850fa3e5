// fastEncoding (what Yjs writes with in the browser build) writes exactly the bytes lib0 writes.
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { encoded } from './encoded'
import * as decoding from 'lib0/decoding'
import * as fast from '../../src/net/fastEncoding'
import { fastOpenAdapters } from '../../vite.config'

/** Strings around every limit of both writers: lib0's 10,000-character byte loop, our 48-byte one, the scratch buffer's 30,000 bytes. */
const STRINGS = [
  '',
  'a',
  'kind',
  'x'.repeat(48),
  'x'.repeat(49),
  'é'.repeat(24),
  'é'.repeat(25),
  'señora, la impresora',
  'ok 😀 '.repeat(300),
  '\ud800 lone \udfff surrogates',
  '\u0000\u007f\u0080\u07ff\u0800\uffff',
  'x'.repeat(4102),
  'x'.repeat(9_999),
  'x'.repeat(10_000),
  'ñ'.repeat(10_001),
  '€'.repeat(10_001),
  '😀'.repeat(20_000),
  'z'.repeat(40_000),
]

/** Values of every kind lib0's writeAny knows, nested, with the strings above inside. */
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  2 ** 31,
  1.5,
  -0.1,
  Number.MAX_VALUE,
  true,
  false,
  BigInt(2) ** BigInt(40),
  new Uint8Array([1, 2, 3]),
  ...STRINGS,
  { kind: 'chat', audience: 'all', authorName: 'Carla', text: 'x'.repeat(4102), at: 1_800_000_000_000 },
  { nested: { list: [1, 'two', { three: 3, 'clé é': '€'.repeat(5000) }], empty: [], none: {} }, bytes: new Uint8Array(0) },
  [null, undefined, 'é', 2.25, ['deep', ['deeper', '😀'.repeat(100)]]],
]

/** Index of the first byte where `a` and `b` differ (their shorter length if one is a prefix of the other), or -1 when equal. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return i
  return a.length === b.length ? -1 : Math.min(a.length, b.length)
}

describe('fastEncoding writes exactly what lib0 writes', () => {
  test('each string alone, and all of them one after another', () => {
    for (const text of STRINGS) expect(firstDifference(encoded((e) => fast.writeVarString(e, text)), encoded((e) => encoding.writeVarString(e, text))), text.slice(0, 20)).toBe(-1)
    const ours = encoded((e) => STRINGS.forEach((text) => fast.writeVarString(e, text)))
    expect(firstDifference(ours, encoded((e) => STRINGS.forEach((text) => encoding.writeVarString(e, text))))).toBe(-1)
    const decoder = decoding.createDecoder(ours)
    // Lone surrogates come back as U+FFFD, as from any UTF-8 encoder.
    const utf8 = (text: string): string => new TextDecoder().decode(new TextEncoder().encode(text))
    expect(STRINGS.map(() => decoding.readVarString(decoder))).toEqual(STRINGS.map(utf8))
  })

  test('every kind of value, alone and after other writes (so strings land across the encoder\'s buffer ends)', () => {
    VALUES.forEach((value, i) => expect(firstDifference(encoded((e) => fast.writeAny(e, value)), encoded((e) => encoding.writeAny(e, value as never))), `value ${i}`).toBe(-1))
    const ours = encoded((e) => VALUES.forEach((value) => fast.writeAny(e, value)))
    expect(firstDifference(ours, encoded((e) => VALUES.forEach((value) => encoding.writeAny(e, value as never))))).toBe(-1)
    const decoder = decoding.createDecoder(ours)
    expect(VALUES.map(() => decoding.readAny(decoder)).length).toBe(VALUES.length)
    expect(decoding.hasContent(decoder)).toBe(false)
  })

  test('the values of a Yjs document, written as Yjs writes its map values, read back with lib0', () => {
    const doc = new Y.Doc()
    for (let i = 0; i < 50; i++) doc.getMap('entries').set(`e${i}`, { kind: 'chat', text: `#${i} ${'x'.repeat(4096)} ñ 😀` })
    const update = Y.encodeStateAsUpdate(doc)
    const values = [...doc.getMap('entries').entries()]
    const decoder = decoding.createDecoder(encoded((e) => values.forEach(([key, value]) => { fast.writeVarString(e, key); fast.writeAny(e, value) })))
    for (const [key, value] of values) {
      expect(decoding.readVarString(decoder)).toBe(key)
      expect(decoding.readAny(decoder)).toEqual(value)
    }
    const copy = new Y.Doc()
    Y.applyUpdate(copy, update)
    expect(copy.getMap('entries').toJSON()).toEqual(doc.getMap('entries').toJSON())
  })
})

describe('the build hands it to Yjs only', () => {
  const resolve = (source: string, importer: string): unknown => (fastOpenAdapters().resolveId as (s: string, i: string) => unknown)(source, importer)

  test('lib0/encoding imported from inside yjs resolves to fastEncoding; from anywhere else, to lib0', () => {
    expect(String(resolve('lib0/encoding', '/app/node_modules/yjs/dist/yjs.mjs'))).toMatch(/src[\\/]net[\\/]fastEncoding\.ts$/)
    expect(resolve('lib0/encoding', '/app/node_modules/y-protocols/sync.js')).toBeNull()
    expect(resolve('lib0/encoding', '/app/src/net/fastEncoding.ts')).toBeNull()
  })
})
