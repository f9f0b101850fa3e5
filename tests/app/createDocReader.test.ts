// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createDocReader } from '../../src/app/shell/createDocReader'

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
})
