/**
 * Hooks for end-to-end tests and support engineers, installed only when the
 * page URL has `debug=1`: cutting the network the way a dead link would
 * (Playwright's setOffline does not cut WebRTC), and reading documents.
 */
import * as Y from 'yjs'
import { appendEntry, entriesMap } from '../../doc/transcript'
import type { NetworkHub } from '../shell/networkHub'

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
  /** Calls `listener` with the entries each transaction adds to or changes in a room's doc, as it is applied; returns a stop function. */
  watchEntries(room: string, listener: (entries: unknown[]) => void): (() => void) | undefined
}

/** Transaction origin of updates `injectRemoteEntry` applies. */
export const TEST_REMOTE_ORIGIN = 'test-remote-peer'

/** Docs tests may write into as a peer, by name; filled only while the hooks are installed. */
const debugDocs = new Map<string, Y.Doc>()
let hooksInstalled = false

/** Lets the debug hooks reach a doc under `name` (no-op unless the page has `debug=1`). */
export function registerDebugDoc(name: string, doc: Y.Doc): void {
  if (hooksInstalled) debugDocs.set(name, doc)
}

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

/** Docs this page opened a room for, by `<kind>:<session id>`; filled only while the hooks are installed. */
const roomDocs = new Map<string, Y.Doc>()

function appendChat(room: string, text: string): boolean {
  const doc = roomDocs.get(room)
  if (!doc) return false
  appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'debug', authorName: 'Debug', authorRole: 'rep', text })
  return true
}

function watchEntries(room: string, listener: (entries: unknown[]) => void): (() => void) | undefined {
  const doc = roomDocs.get(room)
  if (!doc) return undefined
  const entries = entriesMap(doc)
  const observer = (event: Y.YMapEvent<unknown>): void => listener([...event.keysChanged].map((key) => entries.get(key)))
  entries.observe(observer)
  return () => entries.unobserve(observer)
}

declare global {
  interface Window {
    asisteDebug?: DebugHooks
  }
}

/** Installs `window.asisteDebug` when the URL asks for it. */
export function installDebugHooks(hub: NetworkHub, search: string): void {
  if (new URLSearchParams(search).get('debug') !== '1') return
  window.asisteDebug = {
    pauseNetwork: () => hub.pauseAll(),
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
  const connect = hub.connect.bind(hub)
  hub.connect = (doc, kind, id, key) => {
    roomDocs.set(`${kind}:${id}`, doc)
    return connect(doc, kind, id, key)
  }
  hooksInstalled = true
}
