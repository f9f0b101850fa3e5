/**
 * Browser side of the transport benchmarks, bundled by `bench/transport.bench.ts`
 * and evaluated in a page. It installs `window.__benchDoc` (see docLink.ts)
 * over either
 * - the app's own customer doc, reached through its debug hooks (`?debug=1`), or
 * - a scratch customer doc written with the app's own `appendEntry` and
 *   synced through a y-websocket server instead of WebRTC (the relay baseline).
 */
import * as Y from 'yjs'
import type {} from '../src/app/debug/debugHooks'
import { WebsocketProvider } from 'y-websocket'
import { appendEntry, entriesMap, readEntry } from '../src/doc/transcript'
import { benchDocApi } from './docLink'

declare global {
  interface Window {
    /** Connects this page to `room` on the relay and installs `window.__benchDoc` once synced. */
    __benchRelayConnect?: (serverUrl: string, room: string) => Promise<void>
    /**
     * Installs `window.__benchDoc` over the app's doc of the first room whose name starts with `prefix`;
     * with `writePrefix`, writes go to that room's doc instead (the rep's own doc: the relay signs and
     * publishes them into the customer's, as a sent message travels).
     */
    __benchAttachApp?: (prefix: string, writePrefix?: string) => void
  }
}

/** How long a relay client may take to sync before the benchmark stops with an error. */
const RELAY_SYNC_TIMEOUT_MS = 10_000

const textOf = (entry: unknown): string => String((entry as { text?: unknown } | undefined)?.text ?? '')

window.__benchAttachApp = (prefix, writePrefix = prefix) => {
  const hooks = window.asisteDebug
  if (!hooks) throw new Error('no debug hooks: open the page with ?debug=1')
  const find = (start: string): string => {
    const found = hooks.roomDocs().find((name) => name.startsWith(start))
    if (!found) throw new Error(`no ${start}* room in ${hooks.roomDocs().join(', ')}`)
    return found
  }
  const room = find(prefix)
  const written = find(writePrefix)
  window.__benchDoc = benchDocApi(
    (text) => {
      if (!hooks.appendChat(written, text)) throw new Error(`${written} is gone`)
    },
    (listener) => void hooks.watchEntries(room, (entries) => listener(entries.map(textOf))),
  )
}

window.__benchRelayConnect = async (serverUrl, room) => {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, room, doc)
  // Fail loudly rather than wait for ever (the page's CSP or a closed server leaves the client retrying quietly).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync with the relay at ${serverUrl} within ${RELAY_SYNC_TIMEOUT_MS} ms`)), RELAY_SYNC_TIMEOUT_MS)
    const done = (): void => {
      clearTimeout(timer)
      resolve()
    }
    if (provider.synced) done()
    else provider.once('sync', done)
  })
  const entries = entriesMap(doc)
  window.__benchDoc = benchDocApi(
    (text) => void appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'relay', authorName: 'Relay', authorRole: 'rep', text }),
    (listener) =>
      // Through the app's reader: a stored entry is a compact array since schema v3, not an object with `text`.
      entries.observe((event) => listener([...event.keysChanged].map((key) => readEntry(doc, key)?.text ?? ''))),
  )
}
