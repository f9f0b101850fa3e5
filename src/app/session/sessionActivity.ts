/**
 * Per-session activity the tabs show: unread customer messages and when this
 * rep last wrote to the customer. Follows the rep doc's transcript map from
 * Yjs events, so it works offline and never touches the transcript view.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { parseEntry, type Entry } from '../../doc/entry'
import { isCustomerMessage, isSentToCustomer, lastSentToCustomer } from '../shell/idle'

/** A session's activity as signals. */
export interface SessionActivity {
  /** Customer messages that arrived while the rep was not looking at this session. */
  unread: Accessor<number>
  /** The `at` of this rep's newest message to the customer (the session start before the first). */
  lastSentAt: Accessor<number>
  markRead(): void
}

/** How a session's activity is judged. */
export interface ActivityOptions {
  repId: string
  /** When the session started: the idle clock's base before the rep's first message. */
  startedAt: number
  /** Whether the rep sees this session now (its tab in front, page visible): then nothing is unread. */
  isSeen: () => boolean
  /** Called for each customer message that arrives (after the unread count is updated). */
  onCustomerMessage?: (entry: Entry) => void
}

function* validEntries(map: Y.Map<unknown>): Generator<Entry> {
  for (const [id, raw] of map.entries()) {
    const entry = parseEntry(id, raw)
    if (entry) yield entry
  }
}

/** Tracks a session's activity. Must run inside a reactive owner (it unobserves on cleanup). */
export function createSessionActivity(doc: Y.Doc, options: ActivityOptions): SessionActivity {
  const map = entriesMap(doc)
  const [unread, setUnread] = createSignal(0)
  const [lastSentAt, setLastSentAt] = createSignal(lastSentToCustomer(validEntries(map), options.repId, options.startedAt))
  const onChange = (event: Y.YMapEvent<unknown>): void => {
    event.changes.keys.forEach((change, id) => {
      if (change.action !== 'add') return // entries are immutable: only additions are news
      const entry = parseEntry(id, map.get(id))
      if (!entry) return
      if (isSentToCustomer(entry, options.repId)) setLastSentAt((last) => Math.max(last, entry.at))
      else if (isCustomerMessage(entry)) {
        if (!options.isSeen()) setUnread((count) => count + 1)
        options.onCustomerMessage?.(entry)
      }
    })
  }
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))
  return { unread, lastSentAt, markRead: () => setUnread(0) }
}
