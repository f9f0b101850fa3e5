/**
 * Hooks for end-to-end tests and support engineers, installed only when the
 * page URL has `debug=1` (src/main.tsx imports this chunk then, and only
 * then): cutting the network the way a dead link would (Playwright's
 * setOffline does not cut WebRTC), reading documents, and the hostile-peer
 * tools of hostileHooks.ts.
 */
import * as Y from 'yjs'
import { appendMessage, entriesMap } from '../../doc/transcript'
import { storedFields } from '../../doc/entry'
import type { NetworkHub } from '../shell/networkHub'
import { debugDocs, roomDocs } from '../shell/debugRegistry'
import { installHostileHooks } from './hostileHooks'
import { setSessionStorageCap } from '../../store/storageBound'
import { installPortalFlood } from './portalFlood'

/** What `window.asisteDebug` offers. */
export interface DebugHooks {
  pauseNetwork(): void
  resumeNetwork(): void
  /** All text this page holds: every open document's state and every awareness state received. */
  dumpText(): string
  /**
   * Writes a raw `entry` under `id` into a registered doc as a remote peer
   * would: made in a scratch doc (another Yjs client) and applied as its
   * update with origin `test-remote-peer`, so the page's handlers see a
   * peer's write, not a local one. False when no such doc is registered.
   */
  injectRemoteEntry(docName: string, id: string, entry: unknown): boolean
  /** Rooms this page opened, as `<kind>:<session id>` (benchmarks reach a doc through them). */
  roomDocs(): string[]
  /** Appends a chat entry to a room's doc as this page's own write (what the composer's send ends in); false if no such room. */
  appendChat(room: string, text: string): boolean
  /** Lowers (undefined: restores) the storage share of sessions opened from now on (the per-session bound's browser test). */
  setSessionStorageCap(bytes: number | undefined): void
  /**
   * Calls `listener` with the entries each transaction adds to or changes in a room's doc, as it is applied,
   * their fields spelled out whichever form is stored (not validated); returns a stop function.
   */
  watchEntries(room: string, listener: (entries: unknown[]) => void): (() => void) | undefined
}

/** Transaction origin of updates `injectRemoteEntry` applies. */
export const TEST_REMOTE_ORIGIN = 'test-remote-peer'

function injectRemoteEntry(docName: string, id: string, entry: unknown): boolean {
  const target = debugDocs.get(docName)
  if (!target) return false
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(target))
  entriesMap(peer).set(id, entry)
  Y.applyUpdate(target, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(target)), TEST_REMOTE_ORIGIN)
  peer.destroy()
  return true
}

function appendChat(room: string, text: string): boolean {
  const doc = roomDocs.get(room)
  if (!doc) return false
  appendMessage(doc, { role: 'rep', id: 'debug', name: 'Debug' }, text)
  return true
}

function watchEntries(room: string, listener: (entries: unknown[]) => void): (() => void) | undefined {
  const doc = roomDocs.get(room)
  if (!doc) return undefined
  const entries = entriesMap(doc)
  const fields = (id: string): unknown => {
    const read = storedFields(id, entries.get(id))
    return 'fields' in read ? read.fields : entries.get(id)
  }
  const observer = (event: Y.YMapEvent<unknown>): void => listener([...event.keysChanged].map(fields))
  entries.observe(observer)
  return () => entries.unobserve(observer)
}

declare global {
  interface Window {
    asisteDebug?: DebugHooks
  }
}

/** Installs `window.asisteDebug` and `window.asisteHostile` (the caller checked `debug=1`). */
export function installDebugHooks(hub: NetworkHub): void {
  window.asisteDebug = {
    pauseNetwork: () => hub.pauseAll(),
    setSessionStorageCap,
    resumeNetwork: () => hub.resumeAll(),
    dumpText: () =>
      hub
        .dumpAll()
        .map(({ update, awareness }) => `${new TextDecoder().decode(update)}\n${JSON.stringify(awareness)}`)
        .join('\n'),
    injectRemoteEntry,
    roomDocs: () => [...roomDocs.keys()],
    appendChat,
    watchEntries,
  }
  installHostileHooks()
  installPortalFlood()
}
