/**
 * Hooks for end-to-end tests and support engineers, installed only when the
 * page URL has `debug=1`: cutting the network the way a dead link would
 * (Playwright's setOffline does not cut WebRTC), and reading documents.
 */
import * as Y from 'yjs'
import { entriesMap } from '../doc/transcript'
import type { NetworkHub } from './networkHub'

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
  }
  hooksInstalled = true
}
