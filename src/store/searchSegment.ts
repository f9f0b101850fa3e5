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
  v: 2
  sessionId: string
  /** Per entry: characters its id shares with the previous id, the rest's length, text length, `at` minus the previous one (signed), term count. */
  docs: Uint8Array
  /** Every entry's id (less the part shared with the previous id) then text, concatenated. */
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

/** Where a term of the compact part sits: its starts in the terms string (one more than there are terms). */
function termOffsets(text: string): Uint32Array {
  if (text === '') return new Uint32Array([0])
  let count = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
  const offsets = new Uint32Array(count + 1)
  let term = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) offsets[term++] = at + 1
  offsets[count] = text.length + 1
  return offsets
}

/** How `term` sorts against the `index`th term of `text` (by UTF-16 unit, as Array#sort does), without slicing it out. */
function compareAt(text: string, offsets: Uint32Array, index: number, term: string): number {
  const start = offsets[index] ?? 0
  const length = (offsets[index + 1] ?? 0) - 1 - start
  const shared = Math.min(length, term.length)
  for (let i = 0; i < shared; i++) {
    const difference = text.charCodeAt(start + i) - term.charCodeAt(i)
    if (difference !== 0) return difference
  }
  return length - term.length
}

/** The first term index ≥ `term` in the compact part. */
function lowerBound(text: string, offsets: Uint32Array, term: string): number {
  let low = 0
  let high = offsets.length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareAt(text, offsets, middle, term) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/** Characters two strings share at their start. */
function sharedPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length)
  let i = 0
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

/** One session's searchable entries and their term postings. */
export class Segment {
  // The compact part, as stored: terms in one string with their offsets, postings in one byte array.
  private stored: StoredSegment | undefined
  private termText = ''
  private termStarts = new Uint32Array([0])
  private postingStarts = new Uint32Array(0)
  private postings: Uint8Array = new Uint8Array(0)
  // Per compact entry, decoded from `docs` at load: where its text sits, its time, its id's shared part.
  private textStarts: number[] = []
  private textEnds: number[] = []
  private ats: number[] = []
  private idCuts: number[] = []
  private ids: string[] | undefined
  /** Entries added since the compact part was built, and their terms: term → [entry, count, entry, count, …]. */
  private added: SegmentEntry[] = []
  private tail = new Map<string, number[]>()
  private termCounts: number[] = []
  private termTotal = 0
  private known: Set<string> | undefined
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
      if (stored.v !== 2 || typeof stored.sessionId !== 'string' || typeof stored.strings !== 'string' || typeof stored.terms !== 'string') return undefined
      if (!(stored.docs instanceof Uint8Array) || !(stored.postings instanceof Uint8Array)) return undefined
      const segment = new Segment(stored.sessionId)
      return segment.open(stored as StoredSegment) ? segment : undefined
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
    return this.termTotal
  }

  /** How many distinct terms an entry holds. */
  termCount(doc: number): number {
    return this.termCounts[doc] ?? 0
  }

  /** When an entry was written. */
  at(doc: number): number {
    return doc < this.ats.length ? (this.ats[doc] ?? 0) : (this.added[doc - this.ats.length]?.at ?? 0)
  }

  /** An entry by number (a stored one is sliced out of the stored strings, nothing else decoded). */
  entry(doc: number): SegmentEntry {
    const frozen = this.ats.length
    if (doc >= frozen) {
      const entry = this.added[doc - frozen]
      if (!entry) throw new RangeError(`no entry ${doc}`)
      return entry
    }
    const strings = this.stored?.strings ?? ''
    return { entryId: this.entryIds()[doc] ?? '', text: strings.slice(this.textStarts[doc], this.textEnds[doc]), at: this.ats[doc] ?? 0 }
  }

  /** Adds entries not held yet (by id; empty texts are skipped); returns how many were new. */
  add(entries: SegmentEntry[]): number {
    const known = (this.known ??= new Set([...this.entryIds(), ...this.added.map((entry) => entry.entryId)]))
    let added = 0
    for (const entry of entries) {
      if (entry.text.trim() === '' || known.has(entry.entryId)) continue
      known.add(entry.entryId)
      const doc = this.termCounts.length
      this.added.push({ entryId: entry.entryId, text: entry.text, at: entry.at })
      const counts = new Map<string, number>()
      for (const term of tokenize(entry.text)) counts.set(term, (counts.get(term) ?? 0) + 1)
      this.termCounts.push(counts.size)
      this.termTotal += counts.size
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
    const last = this.termStarts.length - 1
    for (let i = lowerBound(this.termText, this.termStarts, term); i < last; i++) {
      const start = this.termStarts[i] ?? 0
      if (!this.termText.startsWith(term, start)) break
      const end = (this.termStarts[i + 1] ?? 0) - 1
      if (end - start !== term.length && !prefix) break
      found.push(end - start === term.length ? term : this.termText.slice(start, end))
    }
    for (const candidate of this.tail.keys()) {
      if ((candidate === term || (prefix && candidate.startsWith(term))) && !found.includes(candidate)) found.push(candidate)
    }
    return found
  }

  /** Whether the segment holds `term` exactly. */
  has(term: string): boolean {
    return this.find(term) >= 0 || this.tail.has(term)
  }

  /** How many entries hold `term`. */
  entriesWith(term: string): number {
    const at = this.find(term)
    const compact = at >= 0 ? new VarintReader(this.postings, this.postingStarts[at]).read() : 0
    return compact + (this.tail.get(term)?.length ?? 0) / 2
  }

  /** Visits every entry that holds `term`, with how often. */
  visit(term: string, visitor: PostingVisitor): void {
    const at = this.find(term)
    if (at >= 0) {
      const reader = new VarintReader(this.postings, this.postingStarts[at])
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
  *vocabulary(): Iterable<string> {
    if (this.termText !== '') yield* this.termText.split('\n')
    yield* this.tail.keys()
  }

  /** The stored form; folds the added entries into the compact part first. */
  encode(): StoredSegment {
    if (!this.dirty && this.stored) return this.stored
    const merged = new Map<string, number[]>()
    for (const term of this.vocabulary()) {
      const list: number[] = []
      this.visit(term, (doc, count) => list.push(doc, count))
      merged.set(term, list)
    }
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
    const strings: string[] = []
    let lastAt = 0
    let lastId = ''
    for (let doc = 0; doc < this.size; doc++) {
      const entry = this.entry(doc)
      const shared = sharedPrefix(lastId, entry.entryId)
      docs.write(shared)
      docs.write(entry.entryId.length - shared)
      docs.write(entry.text.length)
      docs.writeSigned(entry.at - lastAt)
      docs.write(this.termCounts[doc] ?? 0)
      strings.push(entry.entryId.slice(shared), entry.text)
      lastAt = entry.at
      lastId = entry.entryId
    }
    const stored: StoredSegment = { v: 2, sessionId: this.sessionId, docs: docs.finish(), strings: strings.join(''), terms: terms.join('\n'), postings: postings.finish() }
    this.open(stored)
    return stored
  }

  /** Makes `stored` the compact part (and drops the added entries it now holds); false when it does not add up. */
  private open(stored: StoredSegment): boolean {
    const textStarts: number[] = []
    const textEnds: number[] = []
    const ats: number[] = []
    const idCuts: number[] = []
    const termCounts: number[] = []
    let termTotal = 0
    let offset = 0
    let at = 0
    const docs = new VarintReader(stored.docs)
    while (!docs.done) {
      idCuts.push(docs.read())
      offset += docs.read()
      textStarts.push(offset)
      offset += docs.read()
      textEnds.push(offset)
      ats.push((at += docs.readSigned()))
      const count = docs.read()
      termCounts.push(count)
      termTotal += count
    }
    if (offset !== stored.strings.length) return false
    const termStarts = termOffsets(stored.terms)
    const terms = termStarts.length - 1
    const postingStarts = new Uint32Array(terms)
    const reader = new VarintReader(stored.postings)
    for (let term = 0; term < terms; term++) {
      postingStarts[term] = reader.offset
      let doc = 0
      for (let left = reader.read(); left > 0; left--) {
        const value = reader.read()
        doc += Math.floor(value / 2)
        if (value % 2 === 1) reader.read()
      }
      if (doc >= termCounts.length) return false
    }
    if (!reader.done) return false
    Object.assign(this, { stored, textStarts, textEnds, ats, idCuts, termCounts, termTotal, termStarts, postingStarts, termText: stored.terms, postings: stored.postings })
    this.ids = undefined
    this.added = []
    this.tail.clear()
    this.dirty = false
    return true
  }

  /** The compact part's entry ids, rebuilt from their unshared parts on first use. */
  private entryIds(): string[] {
    if (this.ids) return this.ids
    const strings = this.stored?.strings ?? ''
    const ids: string[] = []
    let previous = ''
    for (let doc = 0; doc < this.textStarts.length; doc++) {
      const end = this.textStarts[doc] ?? 0
      const start = doc === 0 ? 0 : (this.textEnds[doc - 1] ?? 0)
      previous = previous.slice(0, this.idCuts[doc]) + strings.slice(start, end)
      ids.push(previous)
    }
    this.ids = ids
    return ids
  }

  /** The compact part's index of `term`, or −1. */
  private find(term: string): number {
    const at = lowerBound(this.termText, this.termStarts, term)
    return at < this.termStarts.length - 1 && compareAt(this.termText, this.termStarts, at, term) === 0 ? at : -1
  }
}
