// @vitest-environment happy-dom
// src/store/persistDoc.ts writes a task's edits merged, in a task of its own (off the rep's Enter and the send path), and
// makes a pending write at once when the page is left or hidden, so nothing typed is lost to a reload.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { STORE_AS_IS_BYTES, VISIBLE_WRITE_DELAY_MS, docDatabaseName, mergedForStore, persistDoc } from '../../src/store/persistDoc'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { chat, reopened } from './storedDocs'

/** Spies on IndexedDB adds (y-indexeddb stores each update with `add`). */
const spyOnWrites = () => vi.spyOn(IDBObjectStore.prototype, 'add')

afterEach(() => {
  vi.restoreAllMocks()
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
})

describe('persistDoc write batching', () => {
  it("edits are not written in the edit's task (nor its microtasks), then written once, merged, in a task of their own", async () => {
    const name = docDatabaseName('rep', 'own-task')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    const writes = spyOnWrites()
    appendEntry(doc, chat('one'))
    appendEntry(doc, chat('two'))
    await Promise.resolve()
    await Promise.resolve()
    expect(writes).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(1))
    await store.close()
    expect(await reopened(name)).toEqual(['one', 'two'])
  })

  it("a visible page writes VISIBLE_WRITE_DELAY_MS after the edit (the send path's next tasks go first); a hidden one in the next task", async () => {
    const name = docDatabaseName('rep', 'delayed')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    const writes = spyOnWrites()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      appendEntry(doc, chat('while visible'))
      await new Promise<void>((resolve) => {
        const turn = new MessageChannel() // the next task, where the write used to be made
        turn.port2.onmessage = () => {
          turn.port2.close()
          resolve()
        }
        turn.port1.postMessage(null)
      })
      vi.advanceTimersByTime(VISIBLE_WRITE_DELAY_MS - 1)
      expect(writes).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1)
      expect(writes).toHaveBeenCalledTimes(1)
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      appendEntry(doc, chat('while hidden'))
      expect(vi.getTimerCount()).toBe(0) // no timer: a hidden page's would be throttled
      await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(2))
    } finally {
      vi.useRealTimers()
    }
    await store.close()
    expect(await reopened(name)).toEqual(['while visible', 'while hidden'])
  })

  it('pagehide writes the pending edits and commits them at once: a reload right after Enter loses nothing', async () => {
    const name = docDatabaseName('rep', 'pagehide')
    const doc = new Y.Doc()
    await persistDoc(doc, name) // never closed: the page goes away
    const writes = spyOnWrites()
    const commits = vi.spyOn(IDBTransaction.prototype, 'commit')
    appendEntry(doc, chat('sent just before the reload'))
    window.dispatchEvent(new Event('pagehide'))
    expect(writes).toHaveBeenCalledTimes(1)
    // Committed at once, not when the task ends: the navigation may not let the page reach that point.
    expect(commits).toHaveBeenCalledTimes(1)
    expect(commits.mock.contexts[0]).toBe((writes.mock.contexts[0] as IDBObjectStore).transaction)
    expect(await reopened(name)).toEqual(['sent just before the reload'])
  })

  it('a page being hidden writes the pending edits at once; becoming visible does not', async () => {
    const name = docDatabaseName('rep', 'hidden')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    const writes = spyOnWrites()
    appendEntry(doc, chat('typed, then the tab was switched'))
    document.dispatchEvent(new Event('visibilitychange')) // still visible: no early write
    expect(writes).not.toHaveBeenCalled()
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    expect(writes).toHaveBeenCalledTimes(1)
    await store.close()
    expect(writes).toHaveBeenCalledTimes(1) // the close found nothing left to write
    expect(await reopened(name)).toEqual(['typed, then the tab was switched'])
  })

  it('a closed store no longer writes on pagehide', async () => {
    const name = docDatabaseName('rep', 'closed')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    appendEntry(doc, chat('kept'))
    await store.close()
    const writes = spyOnWrites()
    appendEntry(doc, chat('after close'))
    window.dispatchEvent(new Event('pagehide'))
    expect(writes).not.toHaveBeenCalled()
    expect(await reopened(name)).toEqual(['kept'])
  })

  it("a big update (a late join's first sync) is stored as it came, beside its turn's small edits merged into one", async () => {
    const big = new Y.Doc()
    for (let i = 0; i < 100; i++) appendEntry(big, chat(`long ${i} ${'x'.repeat(1000)}`))
    const firstSync = Y.encodeStateAsUpdate(big)
    expect(firstSync.byteLength).toBeGreaterThan(STORE_AS_IS_BYTES)
    const name = docDatabaseName('customer', 'late-join')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    const received: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => received.push(update))
    const writes = spyOnWrites()
    Y.applyUpdate(doc, firstSync, 'peer')
    appendEntry(doc, chat('receipt one'))
    appendEntry(doc, chat('receipt two'))
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(2))
    const stored = writes.mock.calls.map((call) => call[0] as Uint8Array)
    expect(stored).toContain(received[0]) // the very bytes its listeners got, not merged (so not encoded again)
    const merged = stored.find((update) => update !== received[0])!
    expect(merged.byteLength).toBeLessThan(STORE_AS_IS_BYTES)
    await store.close()
    const texts = await reopened(name)
    expect(texts).toHaveLength(102)
    expect(texts.slice(-2)).toEqual(['receipt one', 'receipt two'])
  })
})

describe('mergedForStore', () => {
  const small = (text: string): Uint8Array => {
    const doc = new Y.Doc()
    appendEntry(doc, chat(text))
    return Y.encodeStateAsUpdate(doc)
  }
  const bigUpdate = new Uint8Array(STORE_AS_IS_BYTES) // its bytes are never read: only its size decides

  it('merges the small updates into one, keeps each big one as the same object, and leaves a lone small one alone', () => {
    const [a, b] = [small('a'), small('b')]
    const out = mergedForStore([a, bigUpdate, b])
    expect(out).toHaveLength(2)
    expect(out[1]).toBe(bigUpdate)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, out[0]!)
    expect(readTranscript(doc).map((entry) => entry.text).sort()).toEqual(['a', 'b'])
    expect(mergedForStore([a])[0]).toBe(a)
    expect(mergedForStore([bigUpdate, a])).toEqual([a, bigUpdate])
    expect(mergedForStore([])).toEqual([])
  })
})
