import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendEntry, entriesMap, hasEventNote, readTranscript } from '../../src/doc/transcript'
import { parseEntry } from '../../src/doc/entry'

const leftNote = (doc: Y.Doc, repId: string) =>
  appendEntry(doc, { kind: 'status', event: 'left', eventKey: 'left:cust1:000000001.0000.a', audience: 'all', authorId: repId, authorName: repId, authorRole: 'system', text: 'Carla' })

describe('status notes observed by several peers', () => {
  it('two reps noting the same event show it once, the same note on both, whichever syncs first', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    appendEntry(a, { kind: 'chat', audience: 'all', authorId: 'c', authorName: 'Carla', authorRole: 'customer', text: 'bye' })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    leftNote(a, 'repA')
    leftNote(b, 'repB')
    const ab = Y.encodeStateAsUpdate(a)
    const ba = Y.encodeStateAsUpdate(b)
    Y.applyUpdate(a, ba)
    Y.applyUpdate(b, ab)
    const notesA = readTranscript(a).filter((entry) => entry.event === 'left')
    const notesB = readTranscript(b).filter((entry) => entry.event === 'left')
    expect(notesA).toHaveLength(1)
    expect(notesB).toEqual(notesA)
    expect(entriesMap(a).size).toBe(3) // both notes are stored; readers keep one
  })

  it('hasEventNote tells an observer the event is already noted', () => {
    const doc = new Y.Doc()
    expect(hasEventNote(doc, 'left:cust1:000000001.0000.a')).toBe(false)
    leftNote(doc, 'repA')
    expect(hasEventNote(doc, 'left:cust1:000000001.0000.a')).toBe(true)
  })

  it('event keys and refs are validated like every other field', () => {
    const base = { kind: 'status', event: 'urlOpened', audience: 'all', authorId: 'c', authorName: 'C', authorRole: 'customer', text: 'x', at: 1 }
    const id = '000000001.0000.a'
    expect(parseEntry(id, { ...base, eventKey: 'url:1', ref: id })).toMatchObject({ eventKey: 'url:1', ref: id })
    expect(parseEntry(id, { ...base, eventKey: 42 })).toBeUndefined()
    expect(parseEntry(id, { ...base, eventKey: 'k'.repeat(500) })).toBeUndefined()
    expect(parseEntry(id, { ...base, ref: 'not an id' })).toBeUndefined()
    expect(parseEntry(id, { ...base, kind: 'chat', event: undefined, eventKey: 'chat-cannot-have-one' })).toBeUndefined()
  })

  it('a url entry must hold an http(s) URL', () => {
    const base = { kind: 'url', audience: 'all', authorId: 'r', authorName: 'R', authorRole: 'rep', at: 1 }
    const id = '000000001.0000.a'
    expect(parseEntry(id, { ...base, text: 'https://example.com/' })?.kind).toBe('url')
    expect(parseEntry(id, { ...base, text: 'javascript:alert(1)' })).toBeUndefined()
    expect(parseEntry(id, { ...base, text: 'data:text/html,hi' })).toBeUndefined()
  })
})
