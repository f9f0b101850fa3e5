// @vitest-environment happy-dom
// A page being left keeps a copy of its pending edits in localStorage until IndexedDB has them
// (src/store/unsavedEdits.ts, src/store/persistDoc.ts): a write cut by the navigation is applied on the next load.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { MAX_UNSAVED_BYTES, readUnsaved } from '../../src/store/unsavedEdits'
import { deleteDatabase } from '../../src/store/localDatabases'
import { appendEntry, readTranscript } from '../../src/doc/transcript'

const chat = (text: string) =>
  ({ kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text }) as const

/** The navigation cuts every transaction committed from now on (what a reload does to a write it overtakes). */
function cutCommits(): void {
  vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
    this.abort()
  })
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
}

/** The texts of `name` as the next load of the page reads them. */
async function reopened(name: string): Promise<string[]> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, name)
  const texts = readTranscript(doc).map((entry) => entry.text)
  await store.close()
  return texts
}

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
})

describe('edits kept while the page is left', () => {
  it('a message sent just before a reload whose write the navigation cut is there on the next load, and its copy is then dropped', async () => {
    const name = docDatabaseName('rep', 'cut-write')
    const doc = new Y.Doc()
    await persistDoc(doc, name) // never closed: the page goes away
    appendEntry(doc, chat('stored before'))
    await vi.waitFor(async () => expect(await reopened(name)).toEqual(['stored before']))
    cutCommits()
    appendEntry(doc, chat('sent just before the reload'))
    window.dispatchEvent(new Event('pagehide'))
    expect(readUnsaved(name).keys).toHaveLength(1)
    vi.restoreAllMocks()

    const next = new Y.Doc()
    const store = await persistDoc(next, name)
    expect(readTranscript(next).map((entry) => entry.text)).toEqual(['stored before', 'sent just before the reload'])
    // Stored in IndexedDB by the next load, then the copy goes.
    await vi.waitFor(() => expect(readUnsaved(name).keys).toEqual([]))
    await store.close()
    expect(await reopened(name)).toEqual(['stored before', 'sent just before the reload'])
  })

  it('a write already under way when the page is left, which the navigation cuts, is kept too', async () => {
    const name = docDatabaseName('rep', 'under-way')
    const doc = new Y.Doc()
    await persistDoc(doc, name)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const add = IDBObjectStore.prototype.add
    const adds = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      const request = add.apply(this, args)
      this.transaction.abort() // the reload comes before this write is stored
      return request
    })
    appendEntry(doc, chat('written a moment before the reload'))
    await vi.waitFor(() => expect(adds).toHaveBeenCalled()) // the ordinary write, made after VISIBLE_WRITE_DELAY_MS
    window.dispatchEvent(new Event('pagehide')) // nothing pending any more, but that write is not stored
    expect(readUnsaved(name).keys).toHaveLength(1)
    vi.restoreAllMocks()
    expect(await reopened(name)).toEqual(['written a moment before the reload'])
    await vi.waitFor(() => expect(readUnsaved(name).keys).toEqual([]))
  })

  it('a page left before its document finished loading keeps a copy of the edits made meanwhile', async () => {
    const name = docDatabaseName('rep', 'before-load')
    const doc = new Y.Doc()
    const loading = persistDoc(doc, name)
    appendEntry(doc, chat('sent in a session just made'))
    window.dispatchEvent(new Event('pagehide'))
    const kept = readUnsaved(name)
    expect(kept.keys).toHaveLength(1)
    const copy = new Y.Doc()
    kept.updates.forEach((update) => Y.applyUpdate(copy, update))
    expect(readTranscript(copy).map((entry) => entry.text)).toEqual(['sent in a session just made'])
    await (await loading).close()
  })

  it('a write that lands drops its copy', async () => {
    const name = docDatabaseName('rep', 'landed')
    const doc = new Y.Doc()
    await persistDoc(doc, name)
    appendEntry(doc, chat('typed, then the tab was closed'))
    window.dispatchEvent(new Event('pagehide'))
    expect(readUnsaved(name).keys).toHaveLength(1)
    await vi.waitFor(() => expect(readUnsaved(name).keys).toEqual([]))
    expect(await reopened(name)).toEqual(['typed, then the tab was closed'])
  })

  it("a copy is kept only as the page is left, not for a visible page's ordinary writes", async () => {
    const name = docDatabaseName('rep', 'ordinary')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    appendEntry(doc, chat('an ordinary message'))
    await vi.waitFor(async () => expect(await reopened(name)).toEqual(['an ordinary message']))
    expect(setItem).not.toHaveBeenCalled()
    await store.close()
  })

  it("a peer's big update in the pending turn is not copied (they send it again); the page's own edits are", async () => {
    const name = docDatabaseName('customer', 'big-peer')
    const doc = new Y.Doc()
    await persistDoc(doc, name)
    const peer = new Y.Doc()
    peer.getMap('junk').set('late join', 'x'.repeat(MAX_UNSAVED_BYTES + 1))
    cutCommits()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'peer')
    appendEntry(doc, chat('my own words'))
    window.dispatchEvent(new Event('pagehide'))
    const kept = readUnsaved(name)
    expect(kept.keys).toHaveLength(1)
    expect(kept.updates.reduce((sum, update) => sum + update.byteLength, 0)).toBeLessThan(MAX_UNSAVED_BYTES)
    vi.restoreAllMocks()

    const next = new Y.Doc()
    await persistDoc(next, name)
    expect(readTranscript(next).map((entry) => entry.text)).toEqual(['my own words'])
    expect(next.getMap('junk').size).toBe(0)
  })

  it('an unreadable copy is dropped and the document opens with what it holds', async () => {
    const name = docDatabaseName('rep', 'unreadable')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    appendEntry(doc, chat('kept'))
    await store.close()
    localStorage.setItem(`asiste:unsaved:${name}\nbroken`, '{"not": "a list"')
    localStorage.setItem(`asiste:unsaved:${name}\nnot-yjs`, JSON.stringify(['AAAA']))
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await reopened(name)).toEqual(['kept'])
    expect(localStorage.getItem(`asiste:unsaved:${name}\nbroken`)).toBeNull()
  })

  it("clearing a document's database drops its copies too", async () => {
    const name = docDatabaseName('rep', 'cleared')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    cutCommits()
    appendEntry(doc, chat('then deleted'))
    window.dispatchEvent(new Event('pagehide'))
    expect(readUnsaved(name).keys).toHaveLength(1)
    vi.restoreAllMocks()
    await store.clear()
    expect(readUnsaved(name).keys).toEqual([])
  })

  it("deleting a session's database for good (History's Delete) drops its copies too", async () => {
    const name = docDatabaseName('rep', 'deleted')
    const doc = new Y.Doc()
    await persistDoc(doc, name)
    cutCommits()
    appendEntry(doc, chat('then deleted from History'))
    window.dispatchEvent(new Event('pagehide'))
    vi.restoreAllMocks()
    expect(readUnsaved(name).keys).toHaveLength(1)
    await deleteDatabase(name)
    expect(readUnsaved(name).keys).toEqual([])
  })
})
