/**
 * What the debug hooks (their own chunk, loaded only with `debug=1`) may
 * reach: the documents and connections this page opened. Recorded only on a
 * debug page, so a normal page keeps no such references.
 */
import type * as Y from 'yjs'
import type { DocConnection } from '../../net/connectDoc'
import type { NetworkHub } from './networkHub'

/** Whether this page was opened with `debug=1`. */
export const isDebugPage = typeof location !== 'undefined' && new URLSearchParams(location.search).get('debug') === '1'

/** Docs tests may write into as a peer, by name (`customer`). */
export const debugDocs = new Map<string, Y.Doc>()
/** Docs this page opened a room for, by `<kind>:<session id>`. */
export const roomDocs = new Map<string, Y.Doc>()
/** Rooms a test may turn hostile, by name (`customer`). */
export const hostileTargets = new Map<string, { doc: Y.Doc; connection: DocConnection }>()

/** Lets the debug hooks reach `doc` under `name` (no-op unless the page has `debug=1`). */
export function registerDebugDoc(name: string, doc: Y.Doc): void {
  if (isDebugPage) debugDocs.set(name, doc)
}

/** Lets the hostile-peer hooks drive a room (no-op unless the page has `debug=1`). */
export function registerHostileTarget(room: string, doc: Y.Doc, connection: DocConnection): void {
  if (isDebugPage) hostileTargets.set(room, { doc, connection })
}

/** Records every room the hub opens from now on (debug pages only), before any hook chunk has loaded. */
export function recordRooms(hub: NetworkHub): void {
  if (!isDebugPage) return
  const connect = hub.connect.bind(hub)
  hub.connect = (doc, kind, id, key) => {
    roomDocs.set(`${kind}:${id}`, doc)
    return connect(doc, kind, id, key)
  }
}
