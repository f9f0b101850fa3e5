/**
 * Full-text index of every transcript on this device (minisearch). Entries
 * are added as they arrive, so a query never reopens documents; the index is
 * serialized to IndexedDB. Terms are folded (accents stripped, lower case):
 * "canción" is found by "cancion" and "CANCIÓN".
 */
import MiniSearch from 'minisearch'
import { foldText } from '../doc/text'

/** One indexed transcript entry. */
export interface IndexedEntry {
  sessionId: string
  entryId: string
  text: string
  at: number
}

/** A search hit: the entry and the ranges of `text` that matched, for highlighting. */
export interface SearchHit extends IndexedEntry {
  score: number
  ranges: [start: number, end: number][]
}

type Document = IndexedEntry & { id: string }

/** The index over all sessions. */
export type TranscriptIndex = MiniSearch<Document>


// Session and entry ids are not stored apart: they are the document id (`<session>/<entry>`), and storing
// them again added ~15 % to the serialized index. Indexes saved before still load (their extra fields are ignored).
const OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['text', 'at'],
  processTerm: (term: string) => foldText(term),
  searchOptions: { prefix: true, combineWith: 'AND' as const },
}

const docId = (sessionId: string, entryId: string): string => `${sessionId}/${entryId}`

/** The session and entry ids of a document id (session ids hold no slash). */
function splitDocId(id: string): { sessionId: string; entryId: string } {
  const slash = id.indexOf('/')
  return { sessionId: id.slice(0, slash), entryId: id.slice(slash + 1) }
}

/** An empty index. */
export function createTranscriptIndex(): TranscriptIndex {
  return new MiniSearch<Document>(OPTIONS)
}

/** Adds entries not indexed yet (idempotent); returns how many were new. */
export function addEntries(index: TranscriptIndex, entries: IndexedEntry[]): number {
  const fresh = entries.filter((entry) => entry.text.trim() !== '' && !index.has(docId(entry.sessionId, entry.entryId)))
  index.addAll(fresh.map((entry) => ({ ...entry, id: docId(entry.sessionId, entry.entryId) })))
  return fresh.length
}

/** Removes every entry of a session. */
export function removeSession(index: TranscriptIndex, sessionId: string): void {
  const ids: string[] = []
  // minisearch has no per-field delete: find the session's ids through a filter over all documents.
  const prefix = `${sessionId}/`
  for (const hit of index.search(MiniSearch.wildcard, { filter: (result) => String(result.id).startsWith(prefix) })) ids.push(String(hit.id))
  index.discardAll(ids)
}

/** Searches; hits best first, each with the ranges of its text to highlight. */
export function searchTranscripts(index: TranscriptIndex, query: string, limit = 100): SearchHit[] {
  if (query.trim() === '') return []
  return index.search(query).slice(0, limit).map((result) => {
    const entry = { ...splitDocId(String(result.id)), text: String(result.text), at: Number(result.at) }
    return { ...entry, score: result.score, ranges: highlightRanges(entry.text, Object.keys(result.match)) }
  })
}

/**
 * Where the (folded) terms occur in `text` as word starts, as [start, end)
 * ranges over the original string, sorted and merged. Folding is done one
 * character at a time so every folded offset maps back to an original one.
 */
export function highlightRanges(text: string, terms: string[]): [number, number][] {
  const chars = [...text]
  let folded = ''
  const origin: number[] = [] // folded offset → original UTF-16 offset
  let offset = 0
  for (const char of chars) {
    const piece = foldText(char)
    for (let i = 0; i < piece.length; i++) origin.push(offset)
    folded += piece
    offset += char.length
  }
  origin.push(offset)
  const ranges: [number, number][] = []
  for (const term of new Set(terms.map(foldText).filter((term) => term.length > 0))) {
    let from = folded.indexOf(term)
    while (from !== -1) {
      const before = from === 0 ? '' : folded[from - 1] ?? ''
      if (!/[\p{L}\p{N}]/u.test(before)) ranges.push([origin[from] ?? 0, origin[from + term.length] ?? offset])
      from = folded.indexOf(term, from + 1)
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** Serializes the index for storage. */
export function serializeIndex(index: TranscriptIndex): string {
  return JSON.stringify(index)
}

/**
 * Loads a serialized index in slices that yield to the event loop (minisearch's
 * loadJSONAsync), so a large index never freezes the page while it loads.
 * Missing or corrupt: undefined, and the caller re-reads the documents.
 */
export async function loadIndexAsync(json: string | undefined): Promise<TranscriptIndex | undefined> {
  if (!json) return undefined
  try {
    return await MiniSearch.loadJSONAsync<Document>(json, OPTIONS)
  } catch {
    return undefined
  }
}
