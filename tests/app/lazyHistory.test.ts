// @vitest-environment happy-dom
// The console's History: its code loads when History is first shown; what changed before that is not lost.
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createLazyHistory, createLazyTeamHistory } from '../../src/app/history/lazyHistory'
import type { TeamDay, TeamHistory } from '../../src/app/history/teamHistory'
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

describe('Team sessions loaded on first read', () => {
  it('fetches nothing until its list is read, reads as loading meanwhile, tries a failed fetch again, then is the real list', async () => {
    const days = [{ day: '2026-12-03', rows: [] }] as unknown as TeamDay[]
    const real: TeamHistory = { days: () => days, loading: () => false, showEarlier: vi.fn(async () => undefined), collapse: vi.fn(async () => undefined) }
    const fetch = vi.fn<() => Promise<{ createTeamHistory: () => TeamHistory }>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ createTeamHistory: () => real })
    await createRoot(async (dispose) => {
      const team = createLazyTeamHistory({ current: () => undefined }, fetch)
      expect(fetch).not.toHaveBeenCalled()
      expect(team.loading()).toBe(true) // the view says it is loading and holds its button
      expect(team.days()).toEqual([])
      expect(fetch).toHaveBeenCalledTimes(1)
      await vi.waitFor(() => expect(team.loading()).toBe(false)) // the failed fetch: not loading for ever
      await vi.waitFor(() => {
        team.days() // the next read after the failure fetches again
        expect(fetch).toHaveBeenCalledTimes(2)
      })
      await vi.waitFor(() => expect(team.days()).toBe(days))
      expect(team.loading()).toBe(false)
      await team.showEarlier()
      expect(real.showEarlier).toHaveBeenCalledTimes(1)
      dispose()
    })
  })
})
