// @vitest-environment happy-dom
// A page being left keeps a copy of its pending edits in localStorage until IndexedDB has them
// (src/store/unsavedEdits.ts, src/store/persistDoc.ts): a write cut by the navigation is applied on the next load.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { MAX_UNSAVED_BYTES, readUnsaved } from '../../src/store/unsavedEdits'
import { deleteDatabase, loadStoredDoc, storeUnsavedCopies } from '../../src/store/localDatabases'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { chat, reopened } from './storedDocs'

/** The navigation cuts every transaction committed from now on (what a reload does to a write it overtakes). */
function cutCommits(): void {
  vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
    this.abort()
  })
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
}

/** Every IndexedDB write from now on is made and then aborted (cut by a reload, or a full disk); returns the spy on them. */
function abortWrites() {
  const add = IDBObjectStore.prototype.add
  return vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    const request = add.apply(this, args)
    this.transaction.abort()
    return request
  })
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
    const adds = abortWrites() // the reload comes before this write is stored
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

  it('a write that fails while the page stays open is tried again with the next one; hiding the page again and again keeps one copy, dropped once stored', async () => {
    const name = docDatabaseName('rep', 'disk-full')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const adds = abortWrites() // a full disk
    appendEntry(doc, chat('written while the disk was full'))
    const failedHere = (): number => warn.mock.calls.filter(([message]) => String(message) === `an edit could not be stored in ${name}`).length
    await vi.waitFor(() => expect(failedHere()).toBe(1))
    const hide = (): void => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    }
    // Pages of the tests above that were never closed hear the same events: count this database's writes only.
    const addsHere = (): number => adds.mock.contexts.filter((store) => (store as IDBObjectStore).transaction.db.name === name).length
    for (let i = 0; i < 3; i++) {
      hide()
      await vi.waitFor(() => expect(failedHere()).toBe(2 + i)) // each hide tries the failed write again, and it fails again
      expect(addsHere()).toBe(2 + i)
    }
    expect(readUnsaved(name).keys).toHaveLength(1)
    adds.mockRestore() // space again: the next write stores both
    appendEntry(doc, chat('written once there was space'))
    await vi.waitFor(() => expect(readUnsaved(name).keys).toEqual([]))
    await store.close()
    expect(await reopened(name)).toEqual(['written while the disk was full', 'written once there was space'])
  })

  it("History reads a closed session's kept edits, and the console's sweep stores them and drops the copies (those of a deleted database too)", async () => {
    const name = docDatabaseName('rep', 'closed-tab')
    const doc = new Y.Doc()
    await persistDoc(doc, name)
    appendEntry(doc, chat('opening line'))
    await vi.waitFor(async () => expect(await reopened(name)).toEqual(['opening line']))
    cutCommits()
    appendEntry(doc, chat('closing note, then the tab was closed'))
    window.dispatchEvent(new Event('pagehide'))
    vi.restoreAllMocks()
    localStorage.setItem(`asiste:unsaved:${docDatabaseName('rep', 'gone')}\nold`, JSON.stringify([]))

    const read = await loadStoredDoc(name)
    expect(readTranscript(read).map((entry) => entry.text)).toEqual(['opening line', 'closing note, then the tab was closed'])
    read.destroy()
    await storeUnsavedCopies()
    await vi.waitFor(() => expect(Object.keys(localStorage).filter((key) => key.startsWith('asiste:unsaved:'))).toEqual([]))
    expect(await reopened(name)).toEqual(['opening line', 'closing note, then the tab was closed'])
  })
})
