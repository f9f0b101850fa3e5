// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createDocReader, createTypesReader } from '../../src/app/shell/createDocReader'

describe('createDocReader', () => {
  it('recomputes after each change (a write, a deletion, a remote update) and not after an empty transaction', () => {
    const doc = new Y.Doc()
    let reads = 0
    createRoot((dispose) => {
      const size = createDocReader(doc, (d) => {
        reads++
        return d.getMap('m').size
      })
      expect(size()).toBe(0)
      doc.getMap('m').set('a', 1)
      expect(size()).toBe(1)
      doc.getMap('m').delete('a')
      expect(size()).toBe(0)
      const remote = new Y.Doc()
      remote.getMap('m').set('b', 2)
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote))
      expect(size()).toBe(1)
      const before = reads
      doc.transact(() => undefined)
      expect(reads).toBe(before)
      dispose()
    })
  })

  it('does not listen to `update`, so a document loaded after the reader is not encoded for it', () => {
    const doc = new Y.Doc()
    createRoot((dispose) => {
      createDocReader(doc, (d) => d.getMap('m').size)
      const observers = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers
      expect(observers.get('update')?.size ?? 0).toBe(0)
      dispose()
    })
  })

  it('a reader of named maps follows their writes, deletions, nested changes and remote updates, and skips a transaction that changed only other maps', () => {
    const doc = new Y.Doc()
    let reads = 0
    createRoot((dispose) => {
      const meta = doc.getMap('meta')
      const names = createTypesReader(doc, [meta], (d) => {
        reads++
        return [...d.getMap('meta').keys()].sort()
      })
      expect(names()).toEqual([])
      meta.set('a', 1)
      expect(names()).toEqual(['a'])
      const before = reads
      doc.getMap('entries').set('e1', { text: 'hello' }) // a chat message: not re-read
      expect(reads).toBe(before)
      const nested = new Y.Map<number>()
      meta.set('nested', nested)
      expect(names()).toEqual(['a', 'nested'])
      const withNested = reads
      nested.set('x', 1) // a change inside the map re-reads too
      expect(reads).toBe(withNested + 1)
      meta.delete('a')
      expect(names()).toEqual(['nested'])
      const remote = new Y.Doc()
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
      remote.getMap('meta').set('b', 2)
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote))
      expect(names()).toEqual(['b', 'nested'])
      dispose()
    })
  })
})
