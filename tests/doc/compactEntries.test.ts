// Schema version 3 (issue 20, bytes per message): entries as compact arrays and signatures as raw bytes,
// read beside the v2 maps and strings older builds wrote, and reached through the migrations.
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { AUDIENCES, AUTHOR_ROLES, ENTRY_KINDS, STATUS_EVENTS, encodeEntry, entryCode, entryProblem, parseEntry, type StoredEntry } from '../../src/doc/entry'
import { appendEntry, appendStatusNote, entriesMap, entryForm, readEntry, readTranscript } from '../../src/doc/transcript'
import { putSignatures, readSignature, signaturesMap } from '../../src/doc/signatures'
import { checkSchema, migrateDoc } from '../../src/doc/migrations'
import { SCHEMA_VERSION } from '../../src/doc/schema'
import { createDeviceSigningKeys, importVerifyingKey, signEntry, verifyEntry } from '../../src/net/sessionAuthority'
import { entryFields, signatureBytes } from '../e2e/stock/stockReader'
import { T0, chat, fromHostilePeer, makeDoc, repChat, syncBoth } from './fixtures'

const SESSION = 'Ab3_xY9-kLmN'
const ID = '0miol5e74.0000.gc0uy9' // time part = 1764680404000
const ID_TIME = 1_764_680_404_000

/** Every kind × audience × role the schema accepts, with the optional fields each may carry. */
function everyShape(): StoredEntry[] {
  const shapes: StoredEntry[] = []
  for (const kind of ENTRY_KINDS) {
    for (const audience of AUDIENCES) {
      for (const authorRole of AUTHOR_ROLES) {
        const base = { kind, audience, authorId: 'a-1', authorName: 'Ñandú 😀', authorRole, at: T0 }
        if (kind === 'chat') shapes.push({ ...base, text: 'hi "there"\n' })
        if (kind === 'url') shapes.push({ ...base, text: 'https://example.com/a?b=c' })
        if (kind === 'status') shapes.push({ ...base, text: 'Carla', event: 'left', eventKey: 'left:c:1', ref: '0miol5e74.0000.gc0uy9' })
      }
    }
  }
  return shapes
}

/** A doc as a schemaVersion 2 build wrote it: maps, base64url signatures. */
function v2CustomerDoc(clientID: number, signatures: Record<string, string> = {}): Y.Doc {
  const doc = makeDoc(clientID)
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta')
    meta.set('schemaVersion', 2)
    meta.set('kind', 'customer')
    const entries = doc.getMap<unknown>('entries')
    entries.set('0miol5b40.0000.12sk1f9', { kind: 'status', event: 'sessionStarted', audience: 'all', authorId: 'rep-Ana', authorName: 'Ana', authorRole: 'system', text: 'Ana', at: 1764680400000 })
    entries.set(ID, { kind: 'chat', audience: 'all', authorId: 'cust-7Q', authorName: 'Carla', authorRole: 'customer', text: 'My printer does not print', at: ID_TIME })
    entries.set('0miol5e74.0001.12sk1f9', { kind: 'chat', audience: 'all', authorId: 'rep-Ana', authorName: 'Ana', authorRole: 'rep', text: 'Is it plugged in?', at: 1764680404010 })
    entries.set('0miol5e75.0000.bad', { kind: 'chat', text: 'no author: never valid' })
    for (const [id, signature] of Object.entries(signatures)) doc.getMap<unknown>('signatures').set(id, signature)
  })
  return doc
}

describe('compact entries (schema version 3)', () => {
  test('every kind, audience and role round-trips through the compact form, read the same by the app and the stock reader', () => {
    const codes = new Set<number>()
    for (const shape of everyShape()) {
      const stored = encodeEntry(ID, shape, 'v3')
      expect(Array.isArray(stored)).toBe(true)
      codes.add((stored as unknown[])[0] as number)
      expect(parseEntry(ID, stored)).toEqual({ id: ID, ...shape })
      expect(entryFields(ID, stored)).toEqual(shape)
    }
    expect([...codes].sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i))
  })

  test('law: any valid entry reads back equal from either form, and the stock reader spells the array out the same', () => {
    const idArb = fc.tuple(fc.integer({ min: 0, max: 36 ** 9 - 1 }), fc.integer({ min: 0, max: 36 ** 4 - 1 }), fc.stringMatching(/^[0-9a-z]{1,8}$/)).map(
      ([time, counter, origin]) => `${time.toString(36).padStart(9, '0')}.${counter.toString(36).padStart(4, '0')}.${origin}`,
    )
    const entryArb = fc.record({
      id: idArb,
      kind: fc.constantFrom('chat', 'status'),
      audience: fc.constantFrom(...AUDIENCES),
      authorRole: fc.constantFrom('rep', 'system'),
      authorId: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/).filter((value) => !['__proto__', 'constructor', 'prototype'].includes(value)),
      authorName: fc.string({ maxLength: 80 }),
      text: fc.string({ maxLength: 300 }),
      at: fc.option(fc.integer({ min: 0, max: 8.64e15 }), { nil: undefined }),
      event: fc.constantFrom(...STATUS_EVENTS.filter((event) => event !== 'rated')),
      eventKey: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
      ref: fc.option(idArb, { nil: undefined }),
    })
    fc.assert(
      fc.property(entryArb, ({ id, kind, event, eventKey, at, ...rest }) => {
        const time = parseInt(id.slice(0, 9), 36)
        const entry: StoredEntry = { ...rest, kind, at: at ?? time, ...(kind === 'status' ? { event, ...(eventKey === undefined ? {} : { eventKey }) } : {}) }
        if (rest.ref === undefined) delete entry.ref
        for (const form of ['v2', 'v3'] as const) expect(parseEntry(id, encodeEntry(id, entry, form))).toEqual({ id, ...entry })
        expect(entryFields(id, encodeEntry(id, entry, 'v3'))).toEqual(entry)
      }),
      { numRuns: 300 },
    )
  })

  test('a new session writes arrays without key names; `at` is left out when the id already says it', () => {
    const doc = makeDoc(1)
    const id = appendEntry(doc, chat({ at: T0 }))
    expect(entriesMap(doc).get(id)).toEqual([entryCode('chat', 'all', 'customer'), 'cust-1', 'Carla', 'hello'])
    const late = appendEntry(doc, repChat({ text: 'clock behind', at: T0 - 5_000 })) // the clock keeps the id after the first
    expect(entriesMap(doc).get(late)).toEqual([entryCode('chat', 'all', 'rep'), 'rep-1', 'Rafa', 'clock behind', T0 - 5_000])
    const note = appendStatusNote(doc, { role: 'rep', id: 'rep-1', name: 'Rafa' }, 'joined', { text: 'Carla', eventKey: 'joined:c', at: T0 + 10 })
    expect(entriesMap(doc).get(note)).toEqual([entryCode('status', 'all', 'system'), 'rep-1', 'Rafa', 'Carla', null, 'joined', 'joined:c'])
    expect(readTranscript(doc).map((entry) => [entry.text, entry.at])).toEqual([['hello', T0], ['clock behind', T0 - 5_000], ['Carla', T0 + 10]])
  })

  test('a v2 document opens as v3: valid entries rewritten as arrays, signatures as bytes, the transcript and every signature unchanged', async () => {
    const keys = await createDeviceSigningKeys()
    const doc = v2CustomerDoc(1)
    const customerEntry = readEntry(doc, ID)!
    const signature = await signEntry(keys.privateKey, SESSION, customerEntry)
    signaturesMap(doc).set(ID, signature)
    const before = readTranscript(doc)

    expect(migrateDoc(doc, 'customer')).toEqual({ status: 'migrated', version: 2 })

    expect(checkSchema(doc)).toEqual({ status: 'current', version: SCHEMA_VERSION })
    expect(readTranscript(doc)).toEqual(before)
    expect(Array.isArray(entriesMap(doc).get(ID))).toBe(true)
    expect(entriesMap(doc).get('0miol5e75.0000.bad')).toEqual({ kind: 'chat', text: 'no author: never valid' }) // never removed
    const stored = signaturesMap(doc).get(ID)
    expect(stored).toBeInstanceOf(Uint8Array)
    expect((stored as Uint8Array).length).toBe(64)
    expect(readSignature(doc, ID)).toBe(signature)
    const verifier = (await importVerifyingKey(keys.publicKey))!
    expect(await verifyEntry(verifier, SESSION, readEntry(doc, ID)!, readSignature(doc, ID)!)).toBe(true)
    expect(entryForm(doc)).toBe('v3')
  })

  test('two peers that migrate the same v2 doc at once converge on the same compact state', () => {
    const a = v2CustomerDoc(1, { [ID]: 'A'.repeat(86) })
    const b = makeDoc(2)
    syncBoth(a, b)
    migrateDoc(a, 'customer')
    migrateDoc(b, 'customer')
    syncBoth(a, b)
    expect(entriesMap(b).toJSON()).toEqual(entriesMap(a).toJSON())
    expect(readSignature(b, ID)).toBe(readSignature(a, ID))
    expect(readTranscript(b)).toEqual(readTranscript(a))
    expect(readTranscript(a)).toHaveLength(3)
  })

  test('a v2 session not yet migrated keeps getting maps (and string signatures) an older build reads; without meta, the newest entry decides', () => {
    const doc = makeDoc(3)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(v2CustomerDoc(1))) // arrived from peers: nothing ran the migration
    expect(entryForm(doc)).toBe('v2')
    const id = appendEntry(doc, chat({ text: 'still v2', at: ID_TIME + 60_000 }))
    expect(entriesMap(doc).get(id)).toMatchObject({ kind: 'chat', text: 'still v2' })
    putSignatures(doc, [[id, 'B'.repeat(86)]], 'test')
    expect(signaturesMap(doc).get(id)).toBe('B'.repeat(86))

    const empty = makeDoc(4)
    empty.getMap('meta').set('schemaVersion', 2)
    expect(entryForm(empty)).toBe('v2') // no entry yet: the version decides
    expect(entryForm(makeDoc(5))).toBe('v3')
    const noMeta = makeDoc(6)
    entriesMap(noMeta).set(ID, chat({ at: ID_TIME })) // entries arrived before the meta
    expect(entryForm(noMeta)).toBe('v2')
    entriesMap(noMeta).set('0miol5e75.0000.z', encodeEntry('0miol5e75.0000.z', chat({ at: ID_TIME }), 'v3'))
    expect(entryForm(noMeta)).toBe('v3')
  })

  test('a transcript holding both forms reads in id order, one note per event key whatever form each note is in', () => {
    const doc = makeDoc(6)
    const map = entriesMap(doc)
    map.set('0miol5e74.0002.x', { kind: 'status', event: 'left', eventKey: 'left:k', audience: 'all', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'system', text: 'Carla', at: ID_TIME })
    map.set('0miol5e74.0001.y', encodeEntry('0miol5e74.0001.y', { kind: 'status', event: 'left', eventKey: 'left:k', audience: 'all', authorId: 'rep-2', authorName: 'Bo', authorRole: 'system', text: 'Carla', at: ID_TIME }, 'v3'))
    map.set('0miol5e74.0000.z', encodeEntry('0miol5e74.0000.z', chat({ at: ID_TIME }), 'v3'))
    map.set('0miol5e74.0003.x', chat({ text: 'after', at: ID_TIME }))
    expect(readTranscript(doc).map((entry) => [entry.id, entry.authorName])).toEqual([
      ['0miol5e74.0000.z', 'Carla'],
      ['0miol5e74.0001.y', 'Bo'],
      ['0miol5e74.0003.x', 'Carla'],
    ])
  })

  test.each([
    ['a number', 7, 'an entry is a map (v2) or an array (v3)'],
    ['too few fields', [0, 'a', 'b'], 'a compact entry has 4 to 8 fields, not 3'],
    ['too many fields', [0, 'a', 'b', 'c', null, null, null, null, null], 'a compact entry has 4 to 8 fields, not 9'],
    ['a code out of range', [18, 'a', 'b', 'c'], 'unknown entry code 18'],
    ['a negative code', [-1, 'a', 'b', 'c'], 'unknown entry code -1'],
    ['a fractional code', [1.5, 'a', 'b', 'c'], 'unknown entry code 1.5'],
    ['a code as text', ['0', 'a', 'b', 'c'], 'unknown entry code 0'],
  ])('%s is rejected with a clear reason', (_name, raw, reason) => {
    expect(entryProblem(ID, raw)).toBe(reason)
    expect(parseEntry(ID, raw)).toBeUndefined()
  })

  test.each([
    ['a numeric author id', [0, 7, 'b', 'c']],
    ['an author id with spaces', [0, 'a b', 'b', 'c']],
    ['a nested array as text', [0, 'a', 'b', ['c']]],
    ['text over the limit', [0, 'a', 'b', 'x'.repeat(20_001)]],
    ['`at` as a string', [0, 'a', 'b', 'c', '1764680404000']],
    ['`at` negative', [0, 'a', 'b', 'c', -1]],
    ['an event on a chat', [0, 'a', 'b', 'c', null, 'joined']],
    ['a status note without an event', [8, 'a', 'b', 'c']],
    ['an unknown event', [8, 'a', 'b', 'c', null, 'exploded']],
    ['an event key as a number', [8, 'a', 'b', 'c', null, 'joined', 5]],
    ['a ref that is not an id', [8, 'a', 'b', 'c', null, 'joined', 'k', '../x']],
    ['a URL entry with a javascript: URL', [12, 'a', 'b', 'javascript:alert(1)']],
    ['a rating from a rep', [8, 'a', 'b', '5', null, 'rated']],
    ['a binary value', [0, 'a', 'b', new Uint8Array([1])]],
  ])('%s is rejected: the entry is dropped, never thrown on', (_name, raw) => {
    expect(entryProblem(ID, raw)).toBe('a field is missing, too long, or not one the schema allows')
    const doc = makeDoc(7)
    fromHostilePeer(doc, (peer) => entriesMap(peer).set(ID, raw))
    expect(() => readTranscript(doc)).not.toThrow()
    expect(readTranscript(doc)).toEqual([])
  })

  test('an array under a key that is not an entry id has no time to read and is dropped', () => {
    expect(entryProblem('not-an-id', [0, 'a', 'b', 'c'])).toBe('not an entry id: not-an-id')
    expect(parseEntry('not-an-id', [0, 'a', 'b', 'c'])).toBeUndefined()
  })

  test('stored signatures: 64 bytes or a base64url string are read; other lengths and types are not', () => {
    const doc = makeDoc(8)
    const good = new Uint8Array(64).fill(7)
    fromHostilePeer(doc, (peer) => {
      signaturesMap(peer).set('0miol5e74.0000.a', good)
      signaturesMap(peer).set('0miol5e74.0000.b', new Uint8Array(63))
      signaturesMap(peer).set('0miol5e74.0000.c', new Uint8Array(65))
      signaturesMap(peer).set('0miol5e74.0000.d', 'C'.repeat(86))
      signaturesMap(peer).set('0miol5e74.0000.e', [1, 2, 3])
    })
    expect(readSignature(doc, '0miol5e74.0000.a')).toBe('BwcH'.repeat(21) + 'Bw')
    expect(signatureBytes(signaturesMap(doc).get('0miol5e74.0000.a'))).toEqual(good)
    expect(readSignature(doc, '0miol5e74.0000.b')).toBeUndefined()
    expect(readSignature(doc, '0miol5e74.0000.c')).toBeUndefined()
    expect(readSignature(doc, '0miol5e74.0000.d')).toBe('C'.repeat(86))
    expect(readSignature(doc, '0miol5e74.0000.e')).toBeUndefined()
  })

  test('in a v3 document signatures are stored as 64 bytes; a string that is not a canonical 64-byte one stays a string', () => {
    const doc = makeDoc(9)
    const id = appendEntry(doc, chat())
    const canonical = 'A'.repeat(85) + 'Q' // 64 bytes: the last character carries 2 bits
    expect(putSignatures(doc, [[id, canonical]], 'test')).toBe(1)
    expect(signaturesMap(doc).get(id)).toBeInstanceOf(Uint8Array)
    expect(readSignature(doc, id)).toBe(canonical)
    expect(putSignatures(doc, [[id, canonical]], 'test')).toBe(0) // the same signature is not written twice
    const other = appendEntry(doc, chat({ text: 'two' }))
    putSignatures(doc, [[other, 'A'.repeat(85) + 'B']], 'test') // stray low bits: bytes would read back otherwise
    expect(signaturesMap(doc).get(other)).toBe('A'.repeat(85) + 'B')
  })

  test('a stock reader checks a v3 signature from SCHEMA.md alone: the spelled-out fields, the raw bytes, WebCrypto', async () => {
    const keys = await createDeviceSigningKeys()
    const doc = makeDoc(10)
    const id = appendEntry(doc, chat({ text: 'Yes ✓ ñ 😀', at: T0 + 3 }))
    putSignatures(doc, [[id, await signEntry(keys.privateKey, SESSION, readEntry(doc, id)!)]], 'test')
    const reader = new Y.Doc()
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(doc))

    const e = entryFields(id, reader.getMap('entries').get(id))
    const bytes = new TextEncoder().encode(JSON.stringify(['asiste/entry/v1', SESSION, id, e.kind, e.audience, e.authorId, e.authorName, e.authorRole, e.text, e.at, e.event ?? null, e.eventKey ?? null, e.ref ?? null]))
    const key = (await importVerifyingKey(keys.publicKey))!
    const signature = signatureBytes(reader.getMap('signatures').get(id))!
    expect(signature.length).toBe(64)
    expect(await crypto.subtle.verify(key.algorithm.name === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array(signature), bytes)).toBe(true)
  })
})
