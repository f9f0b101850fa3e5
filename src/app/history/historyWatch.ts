/**
 * What History must do from the console's start, before anyone opens it: note which open sessions
 * changed (stored, so the index catches up on them at its next load even if their tab closes first)
 * and ask the browser to keep the sessions. The rest of History (index, summaries, archives) is a chunk
 * loaded when History is first shown (lazyHistory.ts); once it is, it listens here for the entries each
 * transaction touched.
 */
import { createEffect, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import * as stored from '../../store/localDatabases'
import { requestPersistentStorage } from '../../store/storageQuota'

/** The slice of the console's workspace History reads: the open tabs and their live rep docs. */
export interface HistoryWorkspace {
  tabs: () => { sessionId: string }[]
  session(sessionId: string): { repDoc: Y.Doc } | undefined
}

/** What the loaded History hears from the watch. */
export interface HistoryListener {
  /** A transaction of an open session's doc touched these entry ids. */
  changed(sessionId: string, doc: Y.Doc, ids: Iterable<string>): void
  /** A session opened in a tab (or reopened on a new doc) is now watched. */
  watching(sessionId: string, doc: Y.Doc): void
}

/** The open sessions watched for changes, and the ones changed since the index was last saved. */
export interface HistoryWatch {
  /** Open sessions whose entries feed the index: the doc watched (a reopened session has a new one) and how to stop. */
  watched: Map<string, { doc: Y.Doc; stop: () => void }>
  /** Sessions changed since the index was last saved: re-read at the next load, so a tab closed before the save loses nothing. */
  dirty: Set<string>
  listen(listener: HistoryListener | undefined): void
}

/** Starts watching the workspace's open sessions. Must run inside a reactive owner. */
export function createHistoryWatch(workspace: HistoryWorkspace): HistoryWatch {
  const watched = new Map<string, { doc: Y.Doc; stop: () => void }>()
  const dirty = new Set<string>()
  let listener: HistoryListener | undefined
  const markDirty = (sessionId: string): void => {
    if (dirty.has(sessionId)) return
    dirty.add(sessionId)
    void stored.writeStoredDirty([...dirty])
  }
  // Ask early: the browser then keeps the sessions under storage pressure.
  void requestPersistentStorage().catch(() => false)
  createEffect(() => {
    const tabs = workspace.tabs()
    // A closed session's watcher goes (its doc is destroyed); a reopened one is watched on its new doc.
    watched.forEach((watch, sessionId) => {
      if (workspace.session(sessionId)?.repDoc === watch.doc) return
      watch.stop()
      watched.delete(sessionId)
    })
    for (const tab of tabs) {
      const session = workspace.session(tab.sessionId)
      if (!session || watched.has(tab.sessionId)) continue
      const entries = entriesMap(session.repDoc)
      // Only the entries a transaction touched are passed on: re-reading a long transcript on every message grew with the session.
      const onChange = (event: Y.YMapEvent<unknown>): void => {
        markDirty(tab.sessionId)
        listener?.changed(tab.sessionId, session.repDoc, event.keysChanged)
      }
      entries.observe(onChange)
      watched.set(tab.sessionId, { doc: session.repDoc, stop: () => entries.unobserve(onChange) })
      listener?.watching(tab.sessionId, session.repDoc)
    }
  })
  onCleanup(() => watched.forEach((watch) => watch.stop()))
  return {
    watched,
    dirty,
    listen: (next) => {
      listener = next
    },
  }
}
