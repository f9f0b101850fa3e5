// @vitest-environment happy-dom
// The console's History: its code loads when History is first shown; what changed before that is not lost.
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createLazyHistory } from '../../src/app/history/lazyHistory'
import type { HistoryWorkspace } from '../../src/app/history/historyWatch'
import { appendEntry } from '../../src/doc/transcript'
import { initRepDoc } from '../../src/doc/session'
import { readStoredDirty } from '../../src/store/localDatabases'

describe('History loaded on first show', () => {
  it('reads as not loaded until shown, notes changed open sessions from the start, and finds their words once loaded', async () => {
    const repDoc = new Y.Doc()
    initRepDoc(repDoc, { sessionId: 'lazy-live', createdAt: 1_700_000_000_000, portal: 'link', customerKey: 'k'.repeat(22) })
    const oneTab: HistoryWorkspace = { tabs: () => [{ sessionId: 'lazy-live' }], session: (id) => (id === 'lazy-live' ? { repDoc } : undefined) }
    await createRoot(async (dispose) => {
      const history = createLazyHistory(oneTab)
      await Promise.resolve() // the watch's effect runs once the root's synchronous part is done, as in the console
      expect(history.ready()).toBe(false)
      expect(history.sessions()).toEqual([])
      expect(history.isOpen('lazy-live')).toBe(true)
      // Before History is shown: the change is noted (stored), so a later load re-reads the session.
      appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'c1', authorName: 'Bea', authorRole: 'customer', text: 'impresora atascada' })
      await vi.waitFor(async () => expect(await readStoredDirty()).toContain('lazy-live'), { timeout: 10_000 })
      await history.load()
      expect(history.ready()).toBe(true)
      expect(history.sessions().map((row) => row.sessionId)).toContain('lazy-live')
      expect((await history.search('impresora')).map((hit) => hit.sessionId)).toEqual(['lazy-live'])
      // After: entries reach the index as they arrive.
      appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'papel nuevo' })
      expect((await history.search('papel')).map((hit) => hit.text)).toEqual(['papel nuevo'])
      dispose()
    })
    repDoc.destroy()
  })
})
