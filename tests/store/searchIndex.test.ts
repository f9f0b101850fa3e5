import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { foldText } from '../../src/doc/text'
import { createStore, set } from 'idb-keyval'
import { addEntries, createTranscriptIndex, highlightRanges, removeSession, searchTranscripts } from '../../src/store/searchIndex'
import { Segment } from '../../src/store/searchSegment'
import { clearStoredSegments, createSearchService, storedSegmentIds } from '../../src/store/searchStore'
import { deleteDatabase, listDocDatabases, readDocUpdate, writeDocUpdate } from '../../src/store/localDatabases'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { buildArchive, parseArchive } from '../../src/app/history/sessionArchive'

const entry = (sessionId: string, entryId: string, text: string) => ({ sessionId, entryId, text, at: 1_700_000_000_000 })
const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end))

describe('transcript search index', () => {
  it('folds accents and case: "canción" is found by "cancion", "CANCIÓN" and "Canción"', () => {
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'La canción de cuna'), entry('s2', 'b', 'Printer jam')])
    for (const query of ['cancion', 'CANCIÓN', 'Canción', 'canc']) {
      expect(searchTranscripts(index, query).map((hit) => hit.sessionId)).toEqual(['s1'])
    }
    expect(foldText('ÁÉÍÓÚÑÜ')).toBe('aeiounu')
  })

  it('adds entries incrementally and idempotently', () => {
    const index = createTranscriptIndex()
    expect(addEntries(index, [entry('s1', 'a', 'first message')])).toBe(1)
    expect(searchTranscripts(index, 'second')).toEqual([])
    expect(addEntries(index, [entry('s1', 'a', 'first message'), entry('s1', 'b', 'second message')])).toBe(1)
    expect(searchTranscripts(index, 'second').map((hit) => hit.entryId)).toEqual(['b'])
    expect(searchTranscripts(index, 'message')).toHaveLength(2)
  })

  it('every term matches as a prefix, all terms must match, and an exact word ranks above a longer one', () => {
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'la impresora térmica'), entry('s1', 'b', 'imprimir otra vez'), entry('s2', 'c', 'impres sin tinta'), entry('s2', 'd', 'la pantalla')])
    expect(searchTranscripts(index, 'impr').map((hit) => hit.entryId).sort()).toEqual(['a', 'b', 'c'])
    expect(searchTranscripts(index, 'impres').map((hit) => hit.entryId)).toEqual(['c', 'a']) // exact beats prefix
    expect(searchTranscripts(index, 'impres term').map((hit) => hit.entryId)).toEqual(['a'])
    expect(searchTranscripts(index, 'la xyz')).toEqual([])
  })

  it('a longer term also matches with a typo, ranked below the exact word; a short one does not', () => {
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'the printer is stuck'), entry('s1', 'b', 'priter is misspelled'), entry('s2', 'c', 'a cat and a car')])
    expect(searchTranscripts(index, 'printer').map((hit) => hit.entryId)).toEqual(['a', 'b'])
    expect(searchTranscripts(index, 'primter').map((hit) => hit.entryId).sort()).toEqual(['a', 'b'])
    expect(searchTranscripts(index, 'cot')).toEqual([]) // under five letters: no fuzzy
    const [typo] = searchTranscripts(index, 'primter')
    expect(typo && marked(typo.text, typo.ranges)).toHaveLength(1)
  })

  it('highlight ranges point at the original text, accents and all, at word starts only', () => {
    const text = 'Canción: la CANCIÓN, no «acancion»'
    expect(marked(text, highlightRanges(text, ['cancion']))).toEqual(['Canción', 'CANCIÓN'])
    const decomposed = 'cafe\u0301 con leche' // "café" with a combining accent
    expect(marked(decomposed, highlightRanges(decomposed, ['cafe']))).toEqual(['cafe\u0301'])
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'El módem y la impresora')])
    const [found] = searchTranscripts(index, 'modem impres')
    expect(found && marked(found.text, found.ranges)).toEqual(['módem', 'impresora']) // a prefix query marks the whole matched word
  })

  it('forgets a removed session', () => {
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'alpha'), entry('s2', 'b', 'alpha beta')])
    removeSession(index, 's2')
    expect(searchTranscripts(index, 'alpha').map((hit) => hit.sessionId)).toEqual(['s1'])
    expect(searchTranscripts(index, 'beta')).toEqual([])
  })

  it('a segment survives encoding, entries added after a reload included, and a damaged one does not decode', () => {
    const segment = Segment.empty('s1')
    const texts = ['Hola, ¿qué tal? tal cual', 'Impresora HP-2000 atascada', 'emoji 😀 y más', 'x'.repeat(300)]
    segment.add(texts.map((text, i) => ({ entryId: `e${i}`, text, at: 1_700_000_000_000 - i * 5_000 })))
    const stored = segment.encode()
    const reloaded = Segment.decode(structuredClone(stored))
    if (!reloaded) throw new Error('the segment did not decode')
    expect(reloaded.size).toBe(4)
    expect([0, 1, 2, 3].map((doc) => reloaded.entry(doc))).toEqual(texts.map((text, i) => ({ entryId: `e${i}`, text, at: 1_700_000_000_000 - i * 5_000 })))
    const counts: number[] = []
    reloaded.visit('tal', (_doc, count) => counts.push(count))
    expect(counts).toEqual([2])
    expect(reloaded.add([{ entryId: 'e1', text: 'again', at: 0 }, { entryId: 'e4', text: 'tal vez', at: 1 }])).toBe(1)
    const again = Segment.decode(reloaded.encode())
    expect(again?.entriesWith('tal')).toBe(2)
    expect(again?.matchingTerms('hp', true)).toEqual(['hp'])

    expect(Segment.decode({ ...stored, postings: stored.postings.slice(0, -1) })).toBeUndefined()
    expect(Segment.decode({ ...stored, strings: stored.strings.slice(1) })).toBeUndefined()
    expect(Segment.decode({ ...stored, v: 1 })).toBeUndefined() // an older format: the session is indexed again
    expect(Segment.decode('{corrupt')).toBeUndefined()
  })
})

describe('search store (IndexedDB asiste-search)', () => {
  it('reloads the segments it saved, forgets a removed session on disk, and skips a corrupt record', async () => {
    await clearStoredSegments()
    const first = createSearchService()
    expect(await first.load()).toEqual([])
    await first.add([entry('r1', 'a', 'canción'), entry('r2', 'b', 'otra canción'), entry('r3', 'c', 'adiós')])
    await first.flush()
    await first.remove('r3')
    expect((await storedSegmentIds()).sort()).toEqual(['r1', 'r2'])
    await set('r2', { v: 2, sessionId: 'r2', docs: new Uint8Array([200]), strings: '', terms: '', postings: new Uint8Array() }, createStore('asiste-search', 'segments'))

    const second = createSearchService()
    expect(await second.load()).toEqual(['r1']) // r2 is unreadable: History indexes it again
    expect((await second.search('cancion')).map((hit) => hit.sessionId)).toEqual(['r1'])
    await second.add([entry('r2', 'b', 'otra canción')])
    await second.flush()
    const third = createSearchService()
    expect((await third.load()).sort()).toEqual(['r1', 'r2'])
    expect((await third.search('CANCIÓN')).map((hit) => hit.sessionId).sort()).toEqual(['r1', 'r2'])
    expect((await third.search('canciom')).map((hit) => hit.sessionId).sort()).toEqual(['r1', 'r2']) // a typo, through the stored vocabulary
  })
})

describe('local databases and the archive', () => {
  it('export → import round-trips a session; delete removes its database', async () => {
    const name = docDatabaseName('rep', 'archived1')
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name)
    appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text: 'hola' })
    await store.close()
    const archive = buildArchive([{ name, update: await readDocUpdate(name) }])
    await deleteDatabase(name)
    expect((await listDocDatabases()).map((db) => db.name)).not.toContain(name)

    const [restored] = parseArchive(archive)
    expect(restored?.name).toBe(name)
    await writeDocUpdate(name, restored?.update ?? new Uint8Array())
    expect((await listDocDatabases()).map((db) => db.name)).toContain(name)
    const check = new Y.Doc()
    await (await persistDoc(check, name)).close()
    expect(readTranscript(check).map((item) => item.text)).toEqual(['hola'])
  })

  it('rejects files that are not archives and skips foreign database names', () => {
    expect(() => parseArchive('not json')).toThrow(TypeError)
    expect(() => parseArchive('{"format":"other"}')).toThrow(TypeError)
    const archive = JSON.stringify({ format: 'asiste-archive', version: 1, docs: [{ name: 'evil', update: 'AA==' }, { name: 'asiste:team:t1', update: 'AA==' }] })
    expect(parseArchive(archive)).toEqual([])
  })
})
