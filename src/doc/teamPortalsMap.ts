/**
 * Where a team doc keeps its portals, apart from src/doc/teamPortals.ts: the console's start only watches
 * this map for a first portal (src/app/queue/lazyRepQueue.ts), and the portals' rules load with the queue.
 */
import type * as Y from 'yjs'

const PORTALS = 'portals'

/** The team doc's portals map. */
export function portalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PORTALS)
}
