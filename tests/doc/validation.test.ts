/**
 * Peers are untrusted: anything can arrive in an update. Every reader must
 * drop what does not fit the schema and never throw. Garbage is written by a
 * separate doc and reaches the doc under test only as an encoded update.
 */
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { parseEntry, toStored } from '../../src/doc/entry'
import { putAttendee, readAttendees } from '../../src/doc/attendees'
import { readIntake, writeIntake } from '../../src/doc/intake'
import { initCustomerDoc, initRepDoc, readRepSessionMeta, readSessionMeta } from '../../src/doc/session'
import { putSessionSummary, readReps, readSessionIndex } from '../../src/doc/team'
import { formatEntryId } from '../../src/doc/entryId'
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_REQUEST_CHARS, ROOT } from '../../src/doc/schema'
import { T0, chat, fromHostilePeer, makeDoc } from './fixtures'

const validId = (n: number): string => formatEntryId({ time: T0 + n, counter: 0, origin: 'evil' })
const validStored = chat({ text: 'genuine shape' })

/** Raw values a hostile peer may put under a valid entry id. */
const garbageEntries: [string, () => unknown][] = [
  ['null', () => null],
  ['a number', () => 42],
  ['a string', () => 'hello'],
  ['a boolean', () => true],
  ['an array', () => [validStored]],
  ['binary', () => new Uint8Array([1, 2, 3])],
  ['a nested Y.Map holding valid fields', () => new Y.Map(Object.entries(validStored))],
  ['a Y.Text', () => new Y.Text('hello')],
  ['a Y.Array', () => Y.Array.from([validStored])],
  ['an empty object', () => ({})],
  ['a NaN time', () => ({ ...validStored, at: Number.NaN })],
  ['an infinite time', () => ({ ...validStored, at: Number.POSITIVE_INFINITY })],
  ['a negative time', () => ({ ...validStored, at: -5 })],
  ['a string time', () => ({ ...validStored, at: String(T0) })],
  ['an over-long text', () => ({ ...validStored, text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) })],
  ['an over-long author name', () => ({ ...validStored, authorName: 'n'.repeat(MAX_NAME_CHARS + 1) })],
  ['a text that is an object', () => ({ ...validStored, text: { toString: 'boom' } })],
  ['an unknown kind', () => ({ ...validStored, kind: 'file' })],
  ['an unknown audience', () => ({ ...validStored, audience: 'everyone' })],
  ['an unknown author role', () => ({ ...validStored, authorRole: 'admin' })],
  ['an author id with spaces', () => ({ ...validStored, authorId: 'rep 1' })],
  ['a status note with an unknown event', () => ({ ...validStored, kind: 'status', event: 'exploded' })],
  ['a status note without an event', () => ({ ...validStored, kind: 'status' })],
  ['a chat message with an event', () => ({ ...validStored, event: 'joined' })],
  ['a missing field', () => ({ ...validStored, authorRole: undefined })],
  ['a __proto__ key smuggling the fields', () => JSON.parse(`{"__proto__": ${JSON.stringify(validStored)}}`)],
]

/** Entry ids that are not ids this schema writes. */
const badIds = ['', '__proto__', 'constructor', 'hasOwnProperty', 'not-an-id', 'LOQ2V1Y80.0000.ABC', `${validId(1)}x `, 'a'.repeat(10_000)]

describe('readTranscript with hostile entries', () => {
  test.each(garbageEntries)('drops an entry whose value is %s', (_name, make) => {
    const doc = makeDoc(1)
    const genuine = appendEntry(doc, chat())
    fromHostilePeer(doc, (peer) => peer.getMap(ROOT.entries).set(validId(7), make()))
    expect(readTranscript(doc).map((e) => e.id)).toEqual([genuine])
  })

  test.each(badIds.map((id) => [id.slice(0, 30), id]))('drops an entry under the bad id %j', (_label, id) => {
    const doc = makeDoc(1)
    const genuine = appendEntry(doc, chat())
    fromHostilePeer(doc, (peer) => peer.getMap(ROOT.entries).set(id, validStored))
    expect(readTranscript(doc).map((e) => e.id)).toEqual([genuine])
  })

  test('keeps valid entries written by a peer, whatever garbage sits next to them', () => {
    const doc = makeDoc(1)
    fromHostilePeer(doc, (peer) => {
      const map = peer.getMap(ROOT.entries)
      garbageEntries.forEach(([, make], i) => map.set(validId(i), make()))
      map.set(validId(1000), validStored)
    })
    expect(readTranscript(doc)).toEqual([{ id: validId(1000), ...validStored }])
  })

  test.each(['before', 'after'])('an entries root written as a list (arriving %s the local map) reads as empty', (when) => {
    const doc = makeDoc(1)
    if (when === 'before') readTranscript(doc)
    fromHostilePeer(doc, (peer) => peer.getArray(ROOT.entries).push([validStored, null, 7]))
    expect(readTranscript(doc)).toEqual([])
    appendEntry(doc, chat())
    expect(readTranscript(doc)).toHaveLength(1)
  })
})

describe('other readers with hostile values', () => {
  test('readAttendees keeps valid attendees and drops garbage', () => {
    const doc = makeDoc(1)
    putAttendee(doc, { id: 'rep-1', name: 'Rafa', role: 'rep', hidden: true })
    fromHostilePeer(doc, (peer) => {
      const map = peer.getMap(ROOT.attendees)
      map.set('__proto__', { name: 'Proto', role: 'rep' })
      map.set('bad id', { name: 'Spaces', role: 'rep' })
      map.set('x'.repeat(65), { name: 'Long id', role: 'rep' })
      map.set('null', null)
      map.set('num', 3)
      map.set('arr', ['Ana', 'rep'])
      map.set('ymap', new Y.Map([['name', 'Y'], ['role', 'rep']]))
      map.set('role', { name: 'Boss', role: 'admin' })
      map.set('long', { name: 'n'.repeat(MAX_NAME_CHARS + 1), role: 'rep' })
      map.set('cust-1', { name: 'Carla', role: 'customer', hidden: 'yes' })
    })
    expect(readAttendees(doc)).toEqual([
      { id: 'cust-1', name: 'Carla', role: 'customer', hidden: false },
      { id: 'rep-1', name: 'Rafa', role: 'rep', hidden: true },
    ])
  })

  test('readIntake is undefined until a valid name and id arrive, and cleans the rest', () => {
    const doc = makeDoc(1)
    fromHostilePeer(doc, (peer) => {
      const map = peer.getMap(ROOT.intake)
      map.set('customerId', 'has spaces')
      map.set('customerName', 'Carla')
    })
    expect(readIntake(doc, 'customer')).toBeUndefined()
    fromHostilePeer(doc, (peer) => {
      const map = peer.getMap(ROOT.intake)
      map.set('customerId', 'cust-1')
      map.set('request', 'r'.repeat(MAX_REQUEST_CHARS + 1))
      const system: Record<string, unknown> = { os: 'Linux', lang: 42 }
      system['bad key'] = 'x'
      system.ua = 'u'.repeat(301)
      for (let i = 0; i < 40; i++) system[`k${i}`] = 'v'
      map.set('system', system)
    })
    const intake = readIntake(doc, 'customer')
    expect(intake).toMatchObject({ customerId: 'cust-1', customerName: 'Carla', request: '' })
    expect(intake?.system.os).toBe('Linux')
    expect(intake?.system).not.toHaveProperty('lang')
    expect(intake?.system).not.toHaveProperty('ua')
    expect(Object.keys(intake?.system ?? {}).length).toBeLessThanOrEqual(24)
  })

  test('readIntake ignores a system block that is a Y.Map, an array, or smuggles a __proto__ key', () => {
    const smuggled = () => JSON.parse('{"__proto__": {"os": "forged"}, "lang": "es"}')
    for (const system of [new Y.Map([['os', 'Linux']]), ['Linux'], smuggled()]) {
      const doc = makeDoc(1)
      writeIntake(doc, { customerId: 'cust-1', customerName: 'Carla', request: 'help', system: {} })
      fromHostilePeer(doc, (peer) => peer.getMap(ROOT.intake).set('system', system))
      expect(readIntake(doc, 'customer')?.system).toEqual({})
    }
  })

  test('session meta with wrong types reads as not arrived', () => {
    const doc = makeDoc(1)
    initRepDoc(doc, { sessionId: 's-1', createdAt: T0, portal: 'link', customerKey: 'k'.repeat(43) })
    for (const [key, value] of [['schemaVersion', '1'], ['schemaVersion', 1.5], ['sessionId', 's 1'], ['createdAt', -1], ['portal', 'p'.repeat(33)]] as const) {
      const copy = makeDoc(2)
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
      fromHostilePeer(copy, (peer) => peer.getMap(ROOT.meta).set(key, value))
      expect(readSessionMeta(copy), `${key}=${String(value)}`).toBeUndefined()
    }
  })

  test('rep session meta without a valid customer key reads as not arrived; an odd state reads as open', () => {
    const doc = makeDoc(1)
    initCustomerDoc(doc, { sessionId: 's-1', createdAt: T0, portal: 'link' })
    fromHostilePeer(doc, (peer) => peer.getMap(ROOT.meta).set('customerKey', { key: 'x' }))
    expect(readRepSessionMeta(doc)).toBeUndefined()
    fromHostilePeer(doc, (peer) => {
      peer.getMap(ROOT.meta).set('customerKey', 'abc_DEF-123')
      peer.getMap(ROOT.meta).set('state', { ended: true })
    })
    expect(readRepSessionMeta(doc)?.state).toBe('open')
  })

  test('the team session index drops garbage rows', () => {
    const doc = makeDoc(1)
    putSessionSummary(doc, { sessionId: 's-1', createdAt: T0, customerName: 'Carla', state: 'active', lastActivity: T0, reps: ['rep-1'] })
    fromHostilePeer(doc, (peer) => {
      const map = peer.getMap(ROOT.sessions)
      map.set('__proto__', { createdAt: T0, customerName: '', state: 'active', lastActivity: T0 })
      map.set('s-2', { createdAt: Number.NaN, customerName: '', state: 'active', lastActivity: T0 })
      map.set('s-3', { createdAt: T0, customerName: '', state: 'lost', lastActivity: T0 })
      map.set('s-4', new Y.Map())
      map.set('s 5', { createdAt: T0, customerName: '', state: 'active', lastActivity: T0 })
      peer.getMap(ROOT.reps).set('rep-9', { name: 9 })
      peer.getMap(ROOT.reps).set('rep 8', { name: 'Spaces' })
    })
    expect(readSessionIndex(doc).map((row) => row.sessionId)).toEqual(['s-1'])
    expect(readReps(doc)).toEqual([])
  })
})

/**
 * Y.Map.set refuses a top-level object whose `constructor` is not Object (null
 * prototype, or an own `constructor` key). Raw bytes can still carry such an
 * object's keys, which decode as a plain object: this builds the closest value
 * Yjs will encode, so the property still covers it.
 */
function encodable(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return value
  return (value as { constructor?: unknown }).constructor === Object ? value : { ...value, constructor: Object }
}

describe('properties', () => {
  const idArb = fc.oneof(
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', ''),
    {
      weight: 4,
      arbitrary: fc
        .record({ time: fc.nat(36 ** 9 - 1), counter: fc.nat(36 ** 4 - 1), origin: fc.stringMatching(/^[0-9a-z-]{1,8}$/) })
        .map(formatEntryId),
    },
  )
  const validEntryArb = fc.record({
    kind: fc.constant('chat'),
    audience: fc.constantFrom('all', 'reps'),
    authorId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    authorName: fc.string({ maxLength: MAX_NAME_CHARS }),
    authorRole: fc.constantFrom('rep', 'customer', 'system'),
    text: fc.string({ maxLength: 40 }),
    at: fc.nat(),
  })
  /** Valid entries, half of them with one field replaced (or removed) by anything: reaches deep into the validators. */
  const nearEntryArb = fc
    .tuple(validEntryArb, fc.option(fc.tuple(fc.constantFrom(...Object.keys(validStored), 'event'), fc.anything())))
    .map(([entry, change]) => (change ? { ...entry, [change[0]]: change[1] } : entry))
  const rawArb = fc.oneof(fc.jsonValue(), fc.anything(), nearEntryArb, nearEntryArb)

  test('no raw value a peer sends makes a reader throw, and every entry read re-validates', () => {
    let entriesRead = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, rawArb), { maxLength: 12 }), (pairs) => {
        const doc = makeDoc(1)
        fromHostilePeer(doc, (peer) => {
          for (const root of [ROOT.entries, ROOT.attendees, ROOT.intake, ROOT.meta, ROOT.sessions, ROOT.reps]) {
            for (const [key, value] of pairs) peer.getMap(root).set(key, encodable(value))
          }
          const intake = peer.getMap(ROOT.intake)
          pairs.forEach(([, value], i) => intake.set(['customerId', 'customerName', 'request', 'system'][i % 4]!, encodable(value)))
        })
        const transcript = readTranscript(doc)
        entriesRead += transcript.length
        for (const entry of transcript) expect(parseEntry(entry.id, toStored(entry))).toEqual(entry)
        expect([...transcript].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(transcript)
        readAttendees(doc)
        readIntake(doc, 'customer')
        readSessionMeta(doc)
        readRepSessionMeta(doc)
        readSessionIndex(doc)
        readReps(doc)
      }),
      { numRuns: 300 },
    )
    expect(entriesRead, 'the generator must reach valid entries too').toBeGreaterThan(50)
  })
})
