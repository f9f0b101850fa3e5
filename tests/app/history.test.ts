// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createHistory, type HistoryWorkspace } from '../../src/app/history/history'
import type { RepWorkspace } from '../../src/app/console/repWorkspace'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { listDocDatabases } from '../../src/store/localDatabases'
import { appendEntry } from '../../src/doc/transcript'
import { initRepDoc } from '../../src/doc/session'
import { readLocal, writeLocal } from '../../src/store/keyValue'
import { clearStoredSegments, createSearchService, storedSegmentIds } from '../../src/store/searchStore'
import { loadReadMark, saveReadMark } from '../../src/store/readMarks'
import { loadCredentialKeys, saveCredentialKey } from '../../src/store/credentialKeys'

/** A workspace with no open tabs: History reads the device's databases only. */
const noTabs: Pick<RepWorkspace, 'tabs' | 'session'> = { tabs: () => [], session: () => undefined }

async function storeSession(sessionId: string, texts: string[]): Promise<void> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, docDatabaseName('rep', sessionId))
  initRepDoc(doc, { sessionId, createdAt: 1_700_000_000_000, portal: 'link', customerKey: 'k'.repeat(22) })
  for (const text of texts) appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text })
  await store.close()
  doc.destroy()
}

async function appendToStored(sessionId: string, text: string): Promise<void> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, docDatabaseName('rep', sessionId))
  appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text })
  await store.close()
  doc.destroy()
}


describe('History over the sessions stored on this device', () => {
  it('indexes the entries an open session receives after History loaded, each once', async () => {
    const repDoc = new Y.Doc()
    initRepDoc(repDoc, { sessionId: 'hist-live', createdAt: 1_700_000_000_000, portal: 'link', customerKey: 'k'.repeat(22) })
    appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'primera línea' })
    const oneTab: HistoryWorkspace = { tabs: () => [{ sessionId: 'hist-live' }], session: (id) => (id === 'hist-live' ? { repDoc } : undefined) }
    await createRoot(async (dispose) => {
      const history = createHistory(oneTab)
      await history.load()
      expect((await history.search('primera')).map((hit) => hit.sessionId)).toEqual(['hist-live'])
      appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'c1', authorName: 'Bea', authorRole: 'customer', text: 'segunda pregunta' })
      appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'segunda respuesta' })
      expect((await history.search('segunda')).map((hit) => hit.text).sort()).toEqual(['segunda pregunta', 'segunda respuesta'])
      expect(await history.search('primera')).toHaveLength(1)
      dispose()
    })
    repDoc.destroy()
  })

  it('lists a stored session, finds its words without accents, and Delete removes its databases and index entries', async () => {
    await storeSession('hist-one', ['La canción no suena', 'Gracias'])
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await history.load()
      expect(history.sessions().map((row) => row.sessionId)).toContain('hist-one')
      const [hit] = await history.search('CANCION')
      expect(hit?.sessionId).toBe('hist-one')
      expect(hit && hit.text.slice(...(hit.ranges[0] ?? [0, 0]))).toBe('canción')
      expect((await history.transcript('hist-one')).map((entry) => entry.text)).toContain('Gracias')

      await history.remove('hist-one')
      expect((await listDocDatabases()).map((db) => db.name)).not.toContain(docDatabaseName('rep', 'hist-one'))
      expect(await history.search('cancion')).toEqual([])
      expect(history.sessions().map((row) => row.sessionId)).not.toContain('hist-one')
      dispose()
    })
  })

  it('Delete all removes every stored session that is not open', async () => {
    await storeSession('hist-a', ['uno'])
    await storeSession('hist-b', ['dos'])
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      expect(await history.removeAll()).toBeGreaterThanOrEqual(2)
      expect((await listDocDatabases()).filter((db) => db.kind === 'rep')).toEqual([])
      expect(history.sessions()).toEqual([])
      dispose()
    })
  })
})

describe('History after a restart', () => {
  it('searches the index it saved without re-reading documents, and re-indexes when no index was saved', async () => {
    await clearStoredSegments()
    await storeSession('hist-restart', ['El módem parpadea'])
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await history.load()
      expect((await history.search('modem')).map((hit) => hit.sessionId)).toContain('hist-restart')
      dispose() // saves the index, as closing the tab does
    })
    await vi.waitFor(async () => expect(await storedSegmentIds()).toContain('hist-restart'))
    // The document changes behind History's back: a restart that reads the saved index does not see it.
    await appendToStored('hist-restart', 'Un mensaje que el índice no conoce')
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await history.load()
      expect((await history.search('modem')).map((hit) => hit.sessionId)).toContain('hist-restart')
      expect(await history.search('indice')).toEqual([])
      dispose()
    })
    // With no saved segment (first start, or a corrupt one) the stored document is read once more.
    await clearStoredSegments()
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await history.load()
      expect((await history.search('indice')).map((hit) => hit.sessionId)).toEqual(['hist-restart'])
      dispose()
    })
  })

  it('a saved segment whose session is no longer on this device is dropped at load, not searched', async () => {
    const service = createSearchService()
    await service.load()
    await service.add([{ sessionId: 'hist-ghost', entryId: 'e1', text: 'fantasma sin base de datos', at: 1_700_000_000_000 }])
    await service.flush()
    expect(await storedSegmentIds()).toContain('hist-ghost')
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await history.load()
      expect(await history.search('fantasma')).toEqual([])
      dispose()
    })
    await vi.waitFor(async () => expect(await storedSegmentIds()).not.toContain('hist-ghost'))
  })

  it('a closed session is no longer watched, and the same session reopened (a new doc) is indexed again', async () => {
    const first = new Y.Doc()
    initRepDoc(first, { sessionId: 'hist-reopen', createdAt: 1_700_000_000_000, portal: 'link', customerKey: 'k'.repeat(22) })
    await createRoot(async (dispose) => {
      const [tabs, setTabs] = createSignal([{ sessionId: 'hist-reopen' }])
      let live: Y.Doc | undefined = first
      const workspace: HistoryWorkspace = { tabs, session: (id) => (id === 'hist-reopen' && live ? { repDoc: live } : undefined) }
      const history = createHistory(workspace)
      await history.load()
      appendEntry(first, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'antes de cerrar' })
      expect(await history.search('antes')).toHaveLength(1)
      // Closed: the workspace forgets it, its doc is no longer watched.
      live = undefined
      setTabs([])
      appendEntry(first, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'escrito tras cerrar' })
      expect(await history.search('tras')).toEqual([])
      // Reopened with a new doc: its new entries are indexed.
      const second = new Y.Doc()
      Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
      live = second
      setTabs([{ sessionId: 'hist-reopen' }])
      appendEntry(second, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'después de reabrir' })
      expect((await history.search('reabrir')).map((hit) => hit.sessionId)).toEqual(['hist-reopen'])
      dispose()
      second.destroy()
    })
    first.destroy()
  })

  it('Delete also forgets what else the device kept of the session: read mark, credential request keys, waiting-to-sync marks', async () => {
    await storeSession('hist-leftovers', ['hola'])
    saveReadMark('hist-leftovers', { mark: 'e1', unread: 2 })
    saveReadMark('hist-kept', { mark: 'e9', unread: 1 })
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])
    await saveCredentialKey('hist-leftovers', 'req-1', pair.privateKey)
    await saveCredentialKey('hist-kept', 'req-2', pair.privateKey)
    await writeLocal('syncPending:hist-leftovers', { notes: 1 })
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await history.load()
      await history.remove('hist-leftovers')
      dispose()
    })
    expect(loadReadMark('hist-leftovers')).toBeUndefined()
    expect(loadReadMark('hist-kept')).toEqual({ mark: 'e9', unread: 1 })
    expect((await loadCredentialKeys('hist-leftovers')).size).toBe(0)
    expect([...(await loadCredentialKeys('hist-kept')).keys()]).toEqual(['req-2'])
    expect(await readLocal('syncPending:hist-leftovers')).toBeUndefined()
  })
})
