import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createTranscript, insertSorted } from '../../src/app/session/createTranscript'
import { appendEntry, entriesMap } from '../../src/doc/transcript'
import type { Entry } from '../../src/doc/entry'

const chat = (text: string, authorId = 'a') =>
  ({ kind: 'chat', audience: 'all', authorId, authorName: authorId, authorRole: 'rep', text }) as const

describe('transcript projection', () => {
  it('insertSorted keeps id order and ignores a duplicate id', () => {
    const make = (id: string): Entry => ({ id, ...chat(id), at: 0 })
    const list: Entry[] = []
    for (const id of ['c', 'a', 'b', 'a']) insertSorted(list, make(id))
    expect(list.map((entry) => entry.id)).toEqual(['a', 'b', 'c'])
  })

  it('follows local appends, remote batches and drops invalid values', () => {
    createRoot((dispose) => {
      const local = new Y.Doc()
      const remote = new Y.Doc()
      appendEntry(local, chat('first'))
      const entries = createTranscript(local)
      expect(entries().map((entry) => entry.text)).toEqual(['first'])

      for (let i = 0; i < 100; i++) appendEntry(remote, chat(`remote ${i}`, 'b'))
      entriesMap(remote).set('not-an-id', { kind: 'chat' })
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
      expect(entries()).toHaveLength(101)
      const ids = entries().map((entry) => entry.id)
      expect([...ids].sort()).toEqual(ids)

      appendEntry(local, chat('last'))
      expect(entries().at(-1)?.text).toBe('last')
      dispose()
    })
  })
})

describe('transcript projection and observed events', () => {
  it('two notes of one event (written by two reps before they synced) show once', () => {
    createRoot((dispose) => {
      const a = new Y.Doc()
      const b = new Y.Doc()
      const note = (doc: Y.Doc, rep: string) =>
        appendEntry(doc, { kind: 'status', event: 'left', eventKey: 'left:c1:000000001.0000.a', audience: 'all', authorId: rep, authorName: rep, authorRole: 'system', text: 'Carla' })
      note(a, 'repA')
      note(b, 'repB')
      const entries = createTranscript(a)
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
      expect(entries().filter((entry) => entry.event === 'left')).toHaveLength(1)
      dispose()
    })
  })
})
