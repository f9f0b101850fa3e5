import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { createSnapshotWriter, parseSnapshot, readSnapshot, SNAPSHOT_KEY, SNAPSHOT_ROWS, SNAPSHOT_TEXT_CHARS, snapshotRecord } from '../../src/store/sessionSnapshot'
import { deleteDatabase, listDocDatabases } from '../../src/store/localDatabases'
import type { Entry } from '../../src/doc/entry'

const chat = (text: string, authorRole: 'rep' | 'customer' = 'rep') =>
  ({ kind: 'chat', audience: 'all', authorId: authorRole === 'rep' ? 'rep1' : 'cust1', authorName: authorRole === 'rep' ? 'Ana' : 'Carla', authorRole, text }) as const

/** A session's rep doc with `count` messages, stored in its database; returns its entries. */
async function storedSession(sessionId: string, count: number, text = (i: number) => `message ${i}`): Promise<Entry[]> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, docDatabaseName('rep', sessionId))
  for (let i = 0; i < count; i++) appendEntry(doc, chat(text(i), i % 2 ? 'rep' : 'customer'))
  await store.close()
  return readTranscript(doc)
}

/** Resolves once a write made now has landed (the writer opens its connection first). */
async function written(sessionId: string, expectedLast: string): Promise<Entry[] | undefined> {
  for (let i = 0; i < 100; i++) {
    const rows = await readSnapshot(sessionId)
    if (rows?.at(-1)?.id === expectedLast) return rows
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return readSnapshot(sessionId)
}

/** Puts a raw value under the snapshot key, as a corrupt or hostile record would be. */
async function putRaw(sessionId: string, value: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(docDatabaseName('rep', sessionId))
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  await new Promise<void>((resolve) => {
    const transaction = db.transaction('custom', 'readwrite')
    transaction.objectStore('custom').put(value, SNAPSHOT_KEY)
    transaction.oncomplete = () => resolve()
  })
  db.close()
}

describe('a session snapshot (its last screenful, beside the record)', () => {
  it('written and read back, it is the newest entries of the transcript, in order, the same entries', async () => {
    const entries = await storedSession('snap-round-trip', 80)
    const writer = createSnapshotWriter('snap-round-trip')
    writer.write(entries)
    const rows = await written('snap-round-trip', entries.at(-1)!.id)
    writer.close()
    expect(rows).toEqual(entries.slice(-SNAPSHOT_ROWS))
  })

  it('a later write replaces the earlier one', async () => {
    const entries = await storedSession('snap-replace', 10)
    const writer = createSnapshotWriter('snap-replace')
    writer.write(entries.slice(0, 4))
    await written('snap-replace', entries[3]!.id)
    writer.write(entries)
    expect((await written('snap-replace', entries.at(-1)!.id))?.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id))
    writer.close()
  })

  it('is bounded: at most SNAPSHOT_ROWS rows and about SNAPSHOT_TEXT_CHARS characters of text, always the newest', async () => {
    const long = 'x'.repeat(5_000)
    const entries = await storedSession('snap-bounded', 30, (i) => `${i} ${long}`)
    const record = snapshotRecord(entries)
    const rows = parseSnapshot(record)!
    expect(rows.length).toBeLessThan(entries.length)
    expect(rows.reduce((sum, entry) => sum + entry.text.length, 0)).toBeLessThanOrEqual(SNAPSHOT_TEXT_CHARS)
    expect(rows.at(-1)).toEqual(entries.at(-1))
    expect(snapshotRecord(await storedSession('snap-many', 200)).rows).toHaveLength(SNAPSHOT_ROWS)
  })

  it('a record that does not parse is ignored, whole: wrong version, bad rows, an invalid entry, repeated or unordered ids, too many rows', async () => {
    const entries = await storedSession('snap-corrupt', 3)
    const good = snapshotRecord(entries)
    expect(parseSnapshot(good)).toEqual(entries)
    const bad: unknown[] = [
      null,
      'rows',
      { v: 2, rows: good.rows },
      { v: 1, rows: 'no' },
      { v: 1, rows: [['not an id', good.rows[0]![1]]] },
      { v: 1, rows: [[good.rows[0]![0], { kind: 'chat', text: '<img src=x onerror=alert(1)>' }]] },
      { v: 1, rows: [good.rows[0], good.rows[0]] },
      { v: 1, rows: [good.rows[1], good.rows[0]] },
      { v: 1, rows: [[...good.rows[0]!, 'extra']] },
      { v: 1, rows: Array.from({ length: SNAPSHOT_ROWS + 1 }, () => good.rows[0]) },
    ]
    for (const value of bad) expect(parseSnapshot(value)).toBeUndefined()
    await putRaw('snap-corrupt', { v: 1, rows: [good.rows[0], [good.rows[1]![0], { hostile: true }]] })
    expect(await readSnapshot('snap-corrupt')).toBeUndefined()
  })

  it('a session with no snapshot, or none on this device, reads as none, and reading never creates its database', async () => {
    await storedSession('snap-none', 2)
    expect(await readSnapshot('snap-none')).toBeUndefined()
    expect(await readSnapshot('never-here')).toBeUndefined()
    const writer = createSnapshotWriter('never-here')
    writer.write([])
    writer.close()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await listDocDatabases()).map((db) => db.name)).not.toContain(docDatabaseName('rep', 'never-here'))
  })

  it('deleting the session deletes its snapshot, even while a writer holds its connection', async () => {
    const entries = await storedSession('snap-deleted', 5)
    const writer = createSnapshotWriter('snap-deleted')
    writer.write(entries)
    await written('snap-deleted', entries.at(-1)!.id)
    await deleteDatabase(docDatabaseName('rep', 'snap-deleted'))
    expect(await readSnapshot('snap-deleted')).toBeUndefined()
    writer.write(entries) // the database is gone: the writer does not bring it back
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await listDocDatabases()).map((db) => db.name)).not.toContain(docDatabaseName('rep', 'snap-deleted'))
    writer.close()
  })
})
