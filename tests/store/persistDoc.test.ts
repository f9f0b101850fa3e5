import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { notesText } from '../../src/doc/notes'
import { initRepDoc, readRepSessionMeta } from '../../src/doc/session'
import { loadCustomerIdentity, loadProfile, saveCustomerIdentity, saveProfile, generateDeviceKeys } from '../../src/store/profile'
import { chat } from './storedDocs'


describe('document persistence (IndexedDB)', () => {
  it('a reopened document has every entry, the notes and the meta written before closing', async () => {
    const name = docDatabaseName('rep', 'round-trip')
    const first = new Y.Doc()
    const store = await persistDoc(first, name)
    initRepDoc(first, { sessionId: 'round-trip', createdAt: 1, portal: 'link', customerKey: 'k'.repeat(22) })
    const ids = ['one', 'two', 'three'].map((text) => appendEntry(first, chat(text)))
    notesText(first).insert(0, 'printer model HP 4100')
    await store.close()

    const second = new Y.Doc()
    await persistDoc(second, name)
    expect(readTranscript(second).map((entry) => entry.id)).toEqual(ids)
    expect(readTranscript(second).map((entry) => entry.text)).toEqual(['one', 'two', 'three'])
    expect(notesText(second).toString()).toBe('printer model HP 4100')
    expect(readRepSessionMeta(second)?.customerKey).toBe('k'.repeat(22))
  })

  it('edits made before and right after a load are stored', async () => {
    const name = docDatabaseName('rep', 'edits-around-load')
    const first = new Y.Doc()
    const firstStore = await persistDoc(first, name)
    const stored = appendEntry(first, chat('stored'))
    await firstStore.close()

    const second = new Y.Doc()
    const before = appendEntry(second, chat('typed while the database opened'))
    const store = await persistDoc(second, name)
    const after = appendEntry(second, chat('typed after the load'))
    await store.close()

    const third = new Y.Doc()
    await persistDoc(third, name)
    expect(readTranscript(third).map((entry) => entry.id).sort()).toEqual([stored, before, after].sort())
  })

  it('an empty database loads as an empty document', async () => {
    const doc = new Y.Doc()
    await persistDoc(doc, docDatabaseName('customer', 'never-written'))
    expect(readTranscript(doc)).toEqual([])
  })

  it('clear() removes the data of a document', async () => {
    const name = docDatabaseName('customer', 'to-clear')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    appendEntry(doc, chat('secret'))
    await store.clear()
    const again = new Y.Doc()
    await persistDoc(again, name)
    expect(readTranscript(again)).toEqual([])
  })

  it('database names separate kinds and sessions', () => {
    expect(docDatabaseName('rep', 'a')).not.toBe(docDatabaseName('customer', 'a'))
    expect(docDatabaseName('rep', 'a')).not.toBe(docDatabaseName('rep', 'b'))
  })
})

describe('local records', () => {
  it('the profile round-trips, device keys included', async () => {
    expect(await loadProfile()).toBeUndefined()
    const deviceKeys = await generateDeviceKeys()
    await saveProfile({ repId: 'r1', name: 'Ana', teams: [{ teamId: 't1', secret: 's'.repeat(22), name: 'Ana' }], deviceKeys })
    const loaded = await loadProfile()
    expect(loaded?.name).toBe('Ana')
    expect(loaded?.teams[0]?.teamId).toBe('t1')
    expect(loaded?.deviceKeys.privateKey.extractable).toBe(false)
  })

  it("a customer's identity is remembered per session", async () => {
    await saveCustomerIdentity('s1', { customerId: 'c1', name: 'Carla' })
    expect(await loadCustomerIdentity('s1')).toEqual({ customerId: 'c1', name: 'Carla' })
    expect(await loadCustomerIdentity('s2')).toBeUndefined()
  })
})
