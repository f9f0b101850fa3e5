/**
 * Per-session activity the tabs show: unread customer messages and when this
 * rep last wrote to the customer. Follows the rep doc's transcript map from
 * Yjs events, so it works offline and never touches the transcript view.
 * Unread counts survive a reload: the newest entry id seen and the unread count
 * are kept (src/store/readMarks.ts); a customer message after the mark is unread.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { parseEntry, type Entry } from '../../doc/entry'
import { isCustomerMessage, isSentToCustomer } from '../shell/idle'
import { loadReadMark, saveReadMark } from '../../store/readMarks'

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
  sessionId: string
  repId: string
  /** When the session started: the idle clock's base before the rep's first message. */
  startedAt: number
  /** Whether the rep sees this session now (its tab in front, page visible): then nothing is unread. */
  isSeen: () => boolean
  /** Called for each customer message that arrives (after the unread count is updated). */
  onCustomerMessage?: (entry: Entry) => void
}

/**
 * Reads what a reload must recover: customer messages after the read mark, and the rep's last message to the
 * customer. `entries` are the transcript's, already parsed (createTranscript): a 100k-entry session is parsed once
 * on opening, not once per reader (issue 20, big session open).
 */
function scan(entries: Iterable<Entry>, repId: string, readMark: string | undefined, startedAt: number): { unread: number; newest: string | undefined; lastSentAt: number } {
  let unread = 0
  let newest: string | undefined
  let lastSentAt = startedAt
  for (const entry of entries) {
    if (newest === undefined || entry.id > newest) newest = entry.id
    if (isSentToCustomer(entry, repId)) lastSentAt = Math.max(lastSentAt, entry.at)
    else if (isCustomerMessage(entry) && (readMark === undefined || entry.id > readMark)) unread++
  }
  return { unread, newest, lastSentAt }
}

/** Every valid entry of `doc`, parsed (for a caller without a transcript at hand). */
function parsedEntries(map: Y.Map<unknown>): Entry[] {
  return [...map.entries()].flatMap(([id, raw]) => parseEntry(id, raw) ?? [])
}

/**
 * Tracks a session's activity from `entries`, the doc's transcript now (parsed from the doc when not given).
 * Must run inside a reactive owner (it unobserves on cleanup).
 */
export function createSessionActivity(doc: Y.Doc, options: ActivityOptions, entries?: Iterable<Entry>): SessionActivity {
  const map = entriesMap(doc)
  const stored = loadReadMark(options.sessionId)
  const start = scan(entries ?? parsedEntries(map), options.repId, stored?.mark, options.startedAt)
  // A session never read on this device (new, or opened before read marks existed) starts read.
  const [unread, setUnread] = createSignal(stored === undefined ? 0 : stored.unread + start.unread)
  const [lastSentAt, setLastSentAt] = createSignal(start.lastSentAt)
  let newest = start.newest
  const save = (): void => {
    if (newest !== undefined) saveReadMark(options.sessionId, { mark: newest, unread: unread() })
  }
  const markRead = (): void => {
    setUnread(0)
    save()
  }
  if (stored === undefined) markRead()
  // The idle clock moves in a task of its own: a rep's Enter is busy drawing their message, and the tab's
  // label and colour that follow this clock (whole seconds) can wait a task (issue 20, Enter dispatch).
  let sentAt = -Infinity
  let sentTimer: ReturnType<typeof setTimeout> | undefined
  const noteSent = (at: number): void => {
    sentAt = Math.max(sentAt, at)
    sentTimer ??= setTimeout(() => {
      sentTimer = undefined
      setLastSentAt((last) => Math.max(last, sentAt))
    }, 0)
  }
  onCleanup(() => clearTimeout(sentTimer))
  const onChange = (event: Y.YMapEvent<unknown>): void => {
    let changed = false
    event.changes.keys.forEach((change, id) => {
      if (change.action !== 'add') return // entries are immutable: only additions are news
      const entry = parseEntry(id, map.get(id))
      if (!entry) return
      if (newest === undefined || id > newest) newest = id
      if (isSentToCustomer(entry, options.repId)) noteSent(entry.at)
      else if (isCustomerMessage(entry)) {
        if (!options.isSeen()) setUnread((count) => count + 1)
        else setUnread(0)
        changed = true
        options.onCustomerMessage?.(entry)
      }
    })
    if (changed) save()
  }
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))
  return { unread, lastSentAt, markRead }
}
