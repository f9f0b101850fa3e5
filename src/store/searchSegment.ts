/**
 * One session's part of the search index (a segment). Held compact: the
 * session's terms as one sorted list, and for each term the entries that hold
 * it as varint gaps in one byte array. Entries added since (an open session)
 * sit in a small tail map until the segment is stored again. A stored segment
 * is plain strings and bytes, so IndexedDB clones it without JSON, and
 * reloading it costs a split and one pass over its postings.
 */
import { foldText } from '../doc/text'
import { VarintReader, VarintWriter } from './searchCodec'

/** One searchable entry of a session. */
export interface SegmentEntry {
  entryId: string
  text: string
  at: number
}

/** A segment as stored (IndexedDB `asiste-search`, one record per session). */
export interface StoredSegment {
  v: 1
  sessionId: string
  /** Per entry: id length, text length, `at` minus the previous one (signed), term count. */
  docs: Uint8Array
  /** Every entry's id then text, concatenated. */
  strings: string
  /** The segment's terms, sorted, separated by newlines (a term never holds one). */
  terms: string
  /** Per term: how many entries hold it, then per entry its number's gap × 2 + (count > 1), and count − 2 when flagged. */
  postings: Uint8Array
}

/** Splits like minisearch's default tokenizer (spaces and punctuation), then folds accents and case. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u

/** The folded terms of a text, repeats included. */
export function tokenize(text: string): string[] {
  return text.split(SEPARATORS).flatMap((token) => {
    const term = token === '' ? '' : foldText(token)
    return term === '' ? [] : [term]
  })
}

/** Calls `visit(entry number, count)` for each entry of a term's postings. */
export type PostingVisitor = (doc: number, count: number) => void

/** The index of `term` in the sorted `terms`, or where it would go (negative − 1). */
function find(terms: string[], term: string): number {
  let low = 0
  let high = terms.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const probe = terms[middle] ?? ''
    if (probe === term) return middle
    if (probe < term) low = middle + 1
    else high = middle - 1
  }
  return -low - 1
}

/** One session's searchable entries and their term postings. */
export class Segment {
  private terms: string[] = []
  private starts = new Uint32Array(0)
  private postings: Uint8Array = new Uint8Array(0)
  /** Entries added since the compact part was built: term → [entry, count, entry, count, …]. */
  private tail = new Map<string, number[]>()
  private termCounts: number[] = []
  private entries: SegmentEntry[] | undefined = []
  private stored: StoredSegment | undefined
  private ids: Set<string> | undefined
  /** Changed since it was last stored. */
  dirty = false

  private constructor(readonly sessionId: string) {}

  /** An empty segment for a session. */
  static empty(sessionId: string): Segment {
    return new Segment(sessionId)
  }

  /** A stored segment, checked through; undefined when it does not decode (then the session is indexed again). */
  static decode(raw: unknown): Segment | undefined {
    try {
      if (typeof raw !== 'object' || raw === null) return undefined
      const stored = raw as Partial<StoredSegment>
      if (stored.v !== 1 || typeof stored.sessionId !== 'string' || typeof stored.strings !== 'string' || typeof stored.terms !== 'string') return undefined
      if (!(stored.docs instanceof Uint8Array) || !(stored.postings instanceof Uint8Array)) return undefined
      const segment = new Segment(stored.sessionId)
      let chars = 0
      const docs = new VarintReader(stored.docs)
      while (!docs.done) {
        chars += docs.read() + docs.read()
        docs.readSigned()
        segment.termCounts.push(docs.read())
      }
      if (chars !== stored.strings.length) return undefined
      segment.terms = stored.terms === '' ? [] : stored.terms.split('\n')
      segment.starts = new Uint32Array(segment.terms.length)
      const postings = new VarintReader(stored.postings)
      const entryCount = segment.termCounts.length
      for (let term = 0; term < segment.terms.length; term++) {
        segment.starts[term] = postings.offset
        let doc = 0
        for (let left = postings.read(); left > 0; left--) {
          const value = postings.read()
          doc += Math.floor(value / 2)
          if (value % 2 === 1) postings.read()
        }
        if (doc >= entryCount) return undefined
      }
      if (!postings.done) return undefined
      segment.postings = stored.postings
      segment.stored = stored as StoredSegment
      segment.entries = undefined
      return segment
    } catch {
      return undefined
    }
  }

  /** How many entries the segment holds. */
  get size(): number {
    return this.termCounts.length
  }

  /** The sum of every entry's term count (for the average length that scoring needs). */
  get totalTerms(): number {
    return this.termCounts.reduce((sum, count) => sum + count, 0)
  }

  /** How many distinct terms an entry holds. */
  termCount(doc: number): number {
    return this.termCounts[doc] ?? 0
  }

  /** An entry by number. */
  entry(doc: number): SegmentEntry {
    const entry = this.allEntries()[doc]
    if (!entry) throw new RangeError(`no entry ${doc}`)
    return entry
  }

  /** Adds entries not held yet (by id; empty texts are skipped); returns how many were new. */
  add(entries: SegmentEntry[]): number {
    const all = this.allEntries()
    const ids = (this.ids ??= new Set(all.map((entry) => entry.entryId)))
    let added = 0
    for (const entry of entries) {
      if (entry.text.trim() === '' || ids.has(entry.entryId)) continue
      ids.add(entry.entryId)
      const doc = all.length
      all.push({ entryId: entry.entryId, text: entry.text, at: entry.at })
      const counts = new Map<string, number>()
      for (const term of tokenize(entry.text)) counts.set(term, (counts.get(term) ?? 0) + 1)
      this.termCounts.push(counts.size)
      for (const [term, count] of counts) {
        const list = this.tail.get(term)
        if (list) list.push(doc, count)
        else this.tail.set(term, [doc, count])
      }
      added++
    }
    if (added > 0) this.dirty = true
    return added
  }

  /** The segment's terms equal to `term` or, with `prefix`, starting with it. */
  matchingTerms(term: string, prefix: boolean): string[] {
    const found: string[] = []
    const at = find(this.terms, term)
    if (at >= 0) found.push(term)
    if (prefix) {
      for (let i = at >= 0 ? at + 1 : -at - 1; i < this.terms.length; i++) {
        const candidate = this.terms[i] ?? ''
        if (!candidate.startsWith(term)) break
        found.push(candidate)
      }
    }
    for (const candidate of this.tail.keys()) {
      if ((candidate === term || (prefix && candidate.startsWith(term))) && !found.includes(candidate)) found.push(candidate)
    }
    return found
  }

  /** Whether the segment holds `term` exactly. */
  has(term: string): boolean {
    return find(this.terms, term) >= 0 || this.tail.has(term)
  }

  /** How many entries hold `term`. */
  entriesWith(term: string): number {
    const at = find(this.terms, term)
    const compact = at >= 0 ? new VarintReader(this.postings, this.starts[at]).read() : 0
    return compact + (this.tail.get(term)?.length ?? 0) / 2
  }

  /** Visits every entry that holds `term`, with how often. */
  visit(term: string, visitor: PostingVisitor): void {
    const at = find(this.terms, term)
    if (at >= 0) {
      const reader = new VarintReader(this.postings, this.starts[at])
      let doc = 0
      for (let left = reader.read(); left > 0; left--) {
        const value = reader.read()
        doc += Math.floor(value / 2)
        visitor(doc, value % 2 === 1 ? reader.read() + 2 : 1)
      }
    }
    const list = this.tail.get(term)
    if (list) for (let i = 0; i < list.length; i += 2) visitor(list[i] ?? 0, list[i + 1] ?? 1)
  }

  /** Every term of the segment (for the index's vocabulary, which fuzzy matching scans). */
  vocabulary(): Iterable<string> {
    return [...this.terms, ...this.tail.keys()]
  }

  /** The stored form; folds the tail into the compact part first. */
  encode(): StoredSegment {
    const merged = new Map<string, number[]>()
    for (const term of this.terms) {
      const list: number[] = []
      this.visit(term, (doc, count) => list.push(doc, count))
      merged.set(term, list)
    }
    for (const [term, list] of this.tail) if (!merged.has(term)) merged.set(term, list)
    const terms = [...merged.keys()].sort()
    const postings = new VarintWriter()
    for (const term of terms) {
      const list = merged.get(term) ?? []
      postings.write(list.length / 2)
      let previous = 0
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] ?? 0
        const count = list[i + 1] ?? 1
        postings.write((doc - previous) * 2 + (count > 1 ? 1 : 0))
        if (count > 1) postings.write(count - 2)
        previous = doc
      }
    }
    const docs = new VarintWriter()
    let lastAt = 0
    const entries = this.allEntries()
    entries.forEach((entry, doc) => {
      docs.write(entry.entryId.length)
      docs.write(entry.text.length)
      docs.writeSigned(entry.at - lastAt)
      docs.write(this.termCounts[doc] ?? 0)
      lastAt = entry.at
    })
    const stored: StoredSegment = {
      v: 1,
      sessionId: this.sessionId,
      docs: docs.finish(),
      strings: entries.map((entry) => entry.entryId + entry.text).join(''),
      terms: terms.join('\n'),
      postings: postings.finish(),
    }
    this.terms = terms
    this.postings = stored.postings
    this.starts = new Uint32Array(terms.length)
    const reader = new VarintReader(stored.postings)
    terms.forEach((_, term) => {
      this.starts[term] = reader.offset
      for (let left = reader.read(); left > 0; left--) if (reader.read() % 2 === 1) reader.read()
    })
    this.tail.clear()
    this.dirty = false
    return stored
  }

  /** The entries, decoded from the stored strings on first use (a query that hits nothing here never needs them). */
  private allEntries(): SegmentEntry[] {
    if (this.entries) return this.entries
    const stored = this.stored
    const entries: SegmentEntry[] = []
    if (stored) {
      const docs = new VarintReader(stored.docs)
      let offset = 0
      let at = 0
      while (!docs.done) {
        const idLength = docs.read()
        const textLength = docs.read()
        at += docs.readSigned()
        docs.read()
        entries.push({ entryId: stored.strings.slice(offset, offset + idLength), text: stored.strings.slice(offset + idLength, offset + idLength + textLength), at })
        offset += idLength + textLength
      }
    }
    this.entries = entries
    this.stored = undefined
    return entries
  }
}
