/**
 * Full-text index of every transcript on this device: one segment per session
 * (src/store/searchSegment.ts), so reloading reads compact per-session
 * records and a change rewrites only its session. Queries follow what History
 * relied on from minisearch: every term matches as a prefix, longer terms also
 * with a typo or two (fuzzy), all terms must match (AND), ranked by BM25+ with
 * minisearch's weights. Terms are folded (accents stripped, lower case):
 * "canción" is found by "cancion" and "CANCIÓN".
 */
import { foldText } from '../doc/text'
import { Segment, tokenize, type SegmentEntry } from './searchSegment'

/** One indexed transcript entry. */
export interface IndexedEntry extends SegmentEntry {
  sessionId: string
}

/** A search hit: the entry and the ranges of `text` that matched, for highlighting. */
export interface SearchHit extends IndexedEntry {
  score: number
  ranges: [start: number, end: number][]
}

/** The index over all sessions: a segment per session, and every term seen (what fuzzy matching scans). */
export interface TranscriptIndex {
  segments: Map<string, Segment>
  vocabulary?: Set<string>
}

// minisearch's defaults, so results rank as they did before the engine was replaced.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
/** Edits allowed per character of a query term (minisearch's `fuzzy: 0.2`). */
const FUZZY_SHARE = 0.2
/** Shorter query terms match exactly or as prefixes only: one edit in a 3-letter word matches half the dictionary. */
const FUZZY_MIN_LENGTH = 5

/** An empty index. */
export function createTranscriptIndex(): TranscriptIndex {
  return { segments: new Map() }
}

/** Adds entries not indexed yet (idempotent); returns how many were new. */
export function addEntries(index: TranscriptIndex, entries: IndexedEntry[]): number {
  const bySession = new Map<string, IndexedEntry[]>()
  for (const entry of entries) {
    const list = bySession.get(entry.sessionId)
    if (list) list.push(entry)
    else bySession.set(entry.sessionId, [entry])
  }
  let added = 0
  for (const [sessionId, list] of bySession) {
    let segment = index.segments.get(sessionId)
    if (!segment) index.segments.set(sessionId, (segment = Segment.empty(sessionId)))
    added += segment.add(list)
    if (index.vocabulary) for (const entry of list) for (const term of tokenize(entry.text)) index.vocabulary.add(term)
  }
  return added
}

/** Puts a loaded segment in (replacing the session's previous one). */
export function putSegment(index: TranscriptIndex, segment: Segment): void {
  index.segments.set(segment.sessionId, segment)
  if (index.vocabulary) for (const term of segment.vocabulary()) index.vocabulary.add(term)
}

/** Removes every entry of a session. */
export function removeSession(index: TranscriptIndex, sessionId: string): void {
  index.segments.delete(sessionId) // its terms may stay in the vocabulary: a fuzzy candidate no segment holds matches nothing
}

/** Whether `a` and `b` are at most `max` edits apart (Levenshtein, stopping as soon as a row exceeds `max`). */
function withinEdits(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return undefined
    previous = row
  }
  const distance = previous[b.length] ?? max + 1
  return distance <= max ? distance : undefined
}

/** Every term of the index: kept up to date once built, built from the segments when first needed (stored beside them, so rarely). */
export function vocabularyOf(index: TranscriptIndex): Set<string> {
  if (index.vocabulary) return index.vocabulary
  const vocabulary = new Set<string>()
  for (const segment of index.segments.values()) for (const term of segment.vocabulary()) vocabulary.add(term)
  return (index.vocabulary = vocabulary)
}

/** How each index term a query term reaches counts: 1 exact, less for a prefix or a typo (minisearch's formulas). */
function expansions(index: TranscriptIndex, query: string): Map<string, number> {
  const weights = new Map<string, number>()
  if (query.length >= FUZZY_MIN_LENGTH) {
    const vocabulary = vocabularyOf(index)
    const max = Math.round(query.length * FUZZY_SHARE)
    for (const term of vocabulary) {
      if (term === query || term.startsWith(query)) continue
      const distance = withinEdits(query, term, max)
      if (distance !== undefined) weights.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance))
    }
  }
  return weights
}

interface Match {
  segment: Segment
  doc: number
  score: number
  terms: string[]
}

/** Searches; hits best first (newest first among equals), each with the ranges of its text to highlight. */
export function searchTranscripts(index: TranscriptIndex, query: string, limit = 100): SearchHit[] {
  const queryTerms = [...new Set(tokenize(query))]
  if (queryTerms.length === 0) return []
  const fuzzy = queryTerms.map((term) => expansions(index, term))
  // First pass: which segments hold every query term, and how many entries hold each matched term (BM25's idf is over the whole index).
  let entryCount = 0
  let termTotal = 0
  const frequency = new Map<string, number>()
  const candidates: { segment: Segment; terms: Map<string, number>[] }[] = []
  for (const segment of index.segments.values()) {
    entryCount += segment.size
    termTotal += segment.totalTerms
    const perQuery: Map<string, number>[] = []
    for (const [i, queryTerm] of queryTerms.entries()) {
      const weights = new Map<string, number>()
      for (const term of segment.matchingTerms(queryTerm, true)) {
        weights.set(term, term === queryTerm ? 1 : (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - queryTerm.length)))
      }
      for (const [term, weight] of fuzzy[i] ?? []) if (segment.has(term)) weights.set(term, weight)
      if (weights.size === 0) break
      perQuery.push(weights)
    }
    if (perQuery.length < queryTerms.length) continue
    candidates.push({ segment, terms: perQuery })
    for (const weights of perQuery) for (const term of weights.keys()) frequency.set(term, (frequency.get(term) ?? 0) + segment.entriesWith(term))
  }
  const averageTerms = termTotal / Math.max(1, entryCount)
  const bm25 = (count: number, holding: number, terms: number): number => {
    const idf = Math.log(1 + (entryCount - holding + 0.5) / (holding + 0.5))
    return idf * (BM25.d + (count * (BM25.k + 1)) / (count + BM25.k * (1 - BM25.b + (BM25.b * terms) / averageTerms)))
  }
  // Second pass: score each entry per query term, keep those every query term reached.
  const matches: Match[] = []
  for (const { segment, terms } of candidates) {
    let combined: Map<number, { score: number; terms: string[] }> | undefined
    for (const weights of terms) {
      const scores = new Map<number, { score: number; terms: string[] }>()
      for (const [term, weight] of weights) {
        const holding = frequency.get(term) ?? 1
        segment.visit(term, (doc, count) => {
          if (combined && !combined.has(doc)) return
          const score = weight * bm25(count, holding, segment.termCount(doc))
          const found = scores.get(doc)
          if (found) {
            found.score += score
            found.terms.push(term)
          } else scores.set(doc, { score, terms: [term] })
        })
      }
      for (const [doc, found] of scores) {
        const before = combined?.get(doc)
        if (!before) continue
        found.score += before.score
        found.terms.push(...before.terms)
      }
      combined = scores
      if (combined.size === 0) break
    }
    for (const [doc, found] of combined ?? []) matches.push({ segment, doc, ...found })
  }
  const entryAt = (match: Match): number => match.segment.at(match.doc)
  matches.sort((a, b) => b.score - a.score || entryAt(b) - entryAt(a))
  return matches.slice(0, limit).map((match) => {
    const entry = match.segment.entry(match.doc)
    return { sessionId: match.segment.sessionId, ...entry, score: match.score, ranges: highlightRanges(entry.text, match.terms) }
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

