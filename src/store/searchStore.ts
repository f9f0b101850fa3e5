/**
 * The search index with its storage: segments load from and save to the
 * IndexedDB database `asiste-search` (one record per session, only changed
 * ones rewritten). This runs inside the search worker (src/store/searchWorker.ts);
 * where a browser has no workers (unit tests) the client runs it in the page.
 * Calls run one after another in the order made, so a search sent after an
 * add sees that add.
 */
import { clear, createStore, del, entries, get, setMany, type UseStore } from 'idb-keyval'
import { addEntries, createTranscriptIndex, putSegment, removeSession, searchTranscripts, vocabularyOf, type IndexedEntry, type SearchHit } from './searchIndex'
import { Segment } from './searchSegment'

/** What History asks of the search index (the worker answers the same calls). */
export interface SearchService {
  /** Loads the stored segments (once); resolves with the sessions that have a readable one. */
  load(): Promise<string[]>
  /** Indexes entries not indexed yet; resolves with how many were new. */
  add(entries: IndexedEntry[]): Promise<number>
  /** Forgets a session, in memory and on disk. */
  remove(sessionId: string): Promise<void>
  /** Hits best first. */
  search(query: string, limit?: number): Promise<SearchHit[]>
  /** Writes the changed segments now. */
  flush(): Promise<void>
}

/** The method names a client may call (the worker checks a message against these). */
export const SEARCH_METHODS = ['load', 'add', 'remove', 'search', 'flush'] as const

/**
 * The record of every term (what fuzzy matching scans), kept beside the segments so a reload need not collect it from
 * all of them. Its key holds a space, which no session id does. A term it lacks only misses a typo match, never an exact one.
 */
const VOCABULARY_KEY = 'vocabulary terms'

/** The stored vocabulary's terms; undefined when absent or unreadable. */
function parseVocabulary(raw: unknown): string[] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { v, terms } = raw as { v?: unknown; terms?: unknown }
  return v === 1 && typeof terms === 'string' ? (terms === '' ? [] : terms.split('\n')) : undefined
}

let store: UseStore | undefined
function segmentStore(): UseStore {
  store ??= createStore('asiste-search', 'segments')
  return store
}

/** The session ids that have a stored segment (readable or not). */
export async function storedSegmentIds(): Promise<string[]> {
  return (await entries(segmentStore())).map(([key]) => String(key)).filter((key) => key !== VOCABULARY_KEY)
}

/** Forgets every stored segment (the next load indexes every session again). */
export function clearStoredSegments(): Promise<void> {
  return clear(segmentStore())
}

/** Creates the service over this device's stored segments. */
export function createSearchService(): SearchService {
  const index = createTranscriptIndex()
  let queue: Promise<unknown> = Promise.resolve()
  let loaded: Promise<string[]> | undefined
  /** Runs `work` after every call made before it, whether that one failed or not. */
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(work, work)
    queue = result.catch(() => undefined)
    return result
  }
  const readAll = async (): Promise<string[]> => {
    const readable: string[] = []
    let vocabulary: string[] | undefined
    for (const [key, value] of await entries(segmentStore())) {
      if (key === VOCABULARY_KEY) {
        vocabulary = parseVocabulary(value)
        continue
      }
      const segment = Segment.decode(value)
      // Unreadable (corrupt, or an older format): skipped; History then indexes that session again and the save replaces it.
      if (!segment || segment.sessionId !== key || index.segments.has(segment.sessionId)) continue
      putSegment(index, segment)
      readable.push(segment.sessionId)
    }
    if (vocabulary) index.vocabulary = new Set(vocabulary)
    return readable
  }
  return {
    load: () => (loaded ??= inTurn(readAll)),
    add: (list) => inTurn(() => addEntries(index, list)),
    remove: (sessionId) =>
      inTurn(async () => {
        removeSession(index, sessionId)
        await del(sessionId, segmentStore())
      }),
    search: (query, limit) => inTurn(() => searchTranscripts(index, query, limit)),
    flush: () =>
      inTurn(async () => {
        const changed = [...index.segments.values()].filter((segment) => segment.dirty)
        if (changed.length === 0) return
        // Another tab's worker may have stored terms this one never loaded: keep them.
        const terms = new Set([...(parseVocabulary(await get(VOCABULARY_KEY, segmentStore())) ?? []), ...vocabularyOf(index)])
        const records: [string, unknown][] = changed.map((segment) => [segment.sessionId, segment.encode()])
        records.push([VOCABULARY_KEY, { v: 1, terms: [...terms].join('\n') }])
        await setMany(records, segmentStore())
      }),
  }
}
