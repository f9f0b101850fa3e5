/**
 * History without its code at the console's start: the watch of the open sessions (historyWatch.ts)
 * runs from the start, and the rest (search index, summaries, delete, archives) is a chunk loaded when
 * History is first shown (its view calls `load`) or any of its actions is used (issue 20, bundles).
 * Until then it reads as History not loaded yet: no rows, not ready. History's "Team sessions" (teamHistory.ts)
 * loads the same way, when its list is first read.
 */
import { getOwner, runWithOwner } from 'solid-js'
import { firstUse } from '../shell/firstUse'
import type { History } from './history'
import { createHistoryWatch, type HistoryWorkspace } from './historyWatch'
import type { TeamHistory, TeamHistorySource } from './teamHistory'

/** A History whose real one is created on first use, in the caller's owner. Must run inside a reactive owner. */
export function createLazyHistory(workspace: HistoryWorkspace): History {
  const owner = getOwner()
  const watch = createHistoryWatch(workspace)
  const { current: real, use: want } = firstUse(async () => {
    const module = await import('./history')
    const history = runWithOwner(owner, () => module.createHistory(workspace, watch))
    if (!history) throw new Error('the console is gone')
    return history
  })
  return {
    sessions: () => real()?.sessions() ?? [],
    load: async () => (await want()).load(),
    ready: () => real()?.ready() ?? false,
    storage: () => real()?.storage(),
    search: async (query) => (await want()).search(query),
    transcript: async (sessionId) => (await want()).transcript(sessionId),
    // Open in a tab is known without the chunk (and decides whether Delete is offered).
    isOpen: (sessionId) => workspace.session(sessionId) !== undefined,
    remove: async (sessionId) => (await want()).remove(sessionId),
    removeAll: async () => (await want()).removeAll(),
    archiveProblem: (cause) => real()?.archiveProblem(cause),
    exportAll: async (passphrase) => (await want()).exportAll(passphrase),
    importArchive: async (text, passphrase) => (await want()).importArchive(text, passphrase),
  }
}

/**
 * History's "Team sessions", its code loaded when its list is first read (History shown). While it loads it
 * reads as loading (the view says so and holds its button). Must run inside a reactive owner.
 */
export function createLazyTeamHistory(source: TeamHistorySource, fetch: () => Promise<Pick<typeof import('./teamHistory'), 'createTeamHistory'>> = () => import('./teamHistory')): TeamHistory {
  const owner = getOwner()
  const { current: real, use: want, started, failed } = firstUse(async () => {
    const module = await fetch()
    const made = runWithOwner(owner, () => module.createTeamHistory(source))
    if (!made) throw new Error('the console is gone')
    return made
  })
  return {
    days: () => {
      if (!started()) void want().catch(() => undefined) // a failed fetch is tried again by the next read
      return real()?.days() ?? []
    },
    // A failed fetch (offline before the app was cached) is not "loading" for ever: the list reads empty, its
    // Show earlier button works again, and the next read or press fetches again.
    loading: () => real()?.loading() ?? !failed(),
    showEarlier: async () => (await want()).showEarlier(),
    collapse: async () => real()?.collapse(),
  }
}
