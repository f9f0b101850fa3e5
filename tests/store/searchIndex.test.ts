import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { foldText } from '../../src/doc/text'
import { addEntries, createTranscriptIndex, highlightRanges, loadIndexAsync, removeSession, searchTranscripts, serializeIndex } from '../../src/store/searchIndex'
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

  it('survives serialization and forgets a removed session', async () => {
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'alpha'), entry('s2', 'b', 'alpha beta')])
    const restored = await loadIndexAsync(serializeIndex(index))
    if (!restored) throw new Error('the index did not load')
    expect(searchTranscripts(restored, 'alpha')).toHaveLength(2)
    removeSession(restored, 's2')
    expect(searchTranscripts(restored, 'alpha').map((hit) => hit.sessionId)).toEqual(['s1'])
  })

  it('loads a saved index without blocking, and tells a missing or corrupt one apart', async () => {
    const index = createTranscriptIndex()
    addEntries(index, [entry('s1', 'a', 'canción'), entry('s2', 'b', 'otra canción')])
    const restored = await loadIndexAsync(serializeIndex(index))
    expect(restored && searchTranscripts(restored, 'cancion').map((hit) => hit.sessionId).sort()).toEqual(['s1', 's2'])
    expect(await loadIndexAsync(undefined)).toBeUndefined()
    expect(await loadIndexAsync('{corrupt')).toBeUndefined()
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
