import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { EntryRejected, appendEntry, entriesMap, nextEntryId, putEntryIfAbsent, readEntry, readTranscript } from '../../src/doc/transcript'
import { parseEntryId } from '../../src/doc/entryId'
import { LOCAL, MAX_MESSAGE_CHARS } from '../../src/doc/schema'
import { T0, chat, fromHostilePeer, makeDoc, repChat, syncInto } from './fixtures'

/** Counts the updates a doc emits, with their origins. */
function recordUpdates(doc: Y.Doc): unknown[] {
  const origins: unknown[] = []
  doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
  return origins
}

describe('transcript', () => {
  test('readTranscript returns entries in the order they were appended', () => {
    const doc = makeDoc(1)
    const ids = ['one', 'two', 'three'].map((text, i) => appendEntry(doc, chat({ text, at: T0 + i })))
    const transcript = readTranscript(doc)
    expect(transcript.map((e) => e.id)).toEqual(ids)
    expect(transcript.map((e) => e.text)).toEqual(['one', 'two', 'three'])
  })

  test('keeps append order when the wall clock jumps backwards between messages', () => {
    const doc = makeDoc(1)
    appendEntry(doc, chat({ text: 'before', at: T0 + 60_000 }))
    appendEntry(doc, chat({ text: 'after the jump', at: T0 }))
    expect(readTranscript(doc).map((e) => e.text)).toEqual(['before', 'after the jump'])
  })

  test('reads back exactly what was appended, with its display time', () => {
    const doc = makeDoc(1)
    const id = appendEntry(doc, repChat({ text: 'hi', at: T0 + 5 }))
    expect(readEntry(doc, id)).toEqual({ id, ...repChat({ text: 'hi', at: T0 + 5 }) })
  })

  test('a message of exactly the limit is accepted', () => {
    const doc = makeDoc(1)
    appendEntry(doc, chat({ text: 'x'.repeat(MAX_MESSAGE_CHARS) }))
    expect(readTranscript(doc)).toHaveLength(1)
  })

  test('an over-long message throws EntryRejected and writes nothing', () => {
    const doc = makeDoc(1)
    const updates = recordUpdates(doc)
    let thrown: unknown
    try {
      appendEntry(doc, chat({ text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }))
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(EntryRejected)
    expect((thrown as EntryRejected).reason).toBe('tooLong')
    expect(updates).toEqual([])
    expect(entriesMap(doc).size).toBe(0)
  })

  test.each([
    ['a status note without an event', { kind: 'status' as const }],
    ['a chat message with an event', { event: 'joined' as const }],
    ['an author id with spaces', { authorId: 'not an id' }],
    ['a negative time', { at: -1 }],
    ['a NaN time', { at: Number.NaN }],
  ])('%s is rejected as invalid and writes nothing', (_name, change) => {
    const doc = makeDoc(1)
    const updates = recordUpdates(doc)
    expect(() => appendEntry(doc, chat(change))).toThrow(expect.objectContaining({ name: 'EntryRejected', reason: 'invalid' }))
    expect(updates).toEqual([])
    appendEntry(doc, chat({ text: 'still works' }))
    expect(readTranscript(doc).map((e) => e.text)).toEqual(['still works'])
  })

  test('entries are written in one transaction with the LOCAL origin', () => {
    const doc = makeDoc(1)
    const updates = recordUpdates(doc)
    appendEntry(doc, chat())
    expect(updates).toEqual([LOCAL])
  })

  test("an id names this doc's client as its origin", () => {
    const doc = makeDoc(12345)
    expect(parseEntryId(appendEntry(doc, chat()))?.origin).toBe((12345).toString(36))
  })

  test('nextEntryId after receiving a remote update sorts after the remote entries', () => {
    const local = makeDoc(1)
    appendEntry(local, chat({ text: 'local first', at: T0 }))
    const remote = makeDoc(2)
    syncInto(local, remote)
    // The remote clock runs an hour ahead.
    appendEntry(remote, repChat({ text: 'remote, skewed', at: T0 + 3_600_000 }))
    appendEntry(remote, repChat({ text: 'remote again', at: T0 + 3_600_000 }))
    syncInto(remote, local)
    const next = nextEntryId(local, T0 + 1)
    expect(readTranscript(local).every((entry) => entry.id < next)).toBe(true)
    appendEntry(local, chat({ text: 'reply', at: T0 + 2 }))
    expect(readTranscript(local).map((e) => e.text)).toEqual(['local first', 'remote, skewed', 'remote again', 'reply'])
  })

  test('a clock created after entries arrived still sorts after them', () => {
    const remote = makeDoc(2)
    appendEntry(remote, repChat({ at: T0 + 10_000 }))
    const late = makeDoc(1)
    syncInto(remote, late)
    const id = appendEntry(late, chat({ at: T0 }))
    expect(readTranscript(late).at(-1)?.id).toBe(id)
  })

  test('a hostile id with a huge counter in the doc cannot stop later appends', () => {
    const doc = makeDoc(1)
    const now = Date.now()
    fromHostilePeer(doc, (peer) => {
      const map = peer.getMap('entries')
      map.set(`${now.toString(36).padStart(9, '0')}.zzzzzzzz.evil`, 'garbage')
      map.set(`${(36 ** 9 - 1).toString(36)}.zzzzzzzz.evil`, 'garbage')
    })
    const id = appendEntry(doc, chat({ text: 'still sent', at: now }))
    expect(readEntry(doc, id)?.text).toBe('still sent')
  })

  test('putEntryIfAbsent never overwrites an existing id', () => {
    const doc = makeDoc(1)
    const id = appendEntry(doc, chat({ text: 'original' }))
    expect(putEntryIfAbsent(doc, { id, ...chat({ text: 'rewrite' }) }, 'test')).toBe(false)
    expect(readEntry(doc, id)?.text).toBe('original')
  })
})
