// @vitest-environment happy-dom
// An open session's last screenful is rewritten a moment after its transcript changes, and at once when the
// page is left, so the next console start shows what the rep last saw.
import 'fake-indexeddb/auto'
import { afterEach, expect, test, vi } from 'vitest'
import { createSignal } from 'solid-js'
import * as Y from 'yjs'
import { keepSnapshot, SNAPSHOT_DEBOUNCE_MS } from '../../src/app/session/snapshotKeeper'
import { readSnapshot } from '../../src/store/sessionSnapshot'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import type { Entry } from '../../src/doc/entry'

afterEach(() => vi.useRealTimers())

function message(i: number): Entry {
  return { id: `${(1_700_000_000_000 + i).toString(36).padStart(9, '0')}.0000.abc`, kind: 'chat', audience: 'all', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', text: `message ${i}`, at: 1_700_000_000_000 + i }
}

async function storedSession(sessionId: string): Promise<void> {
  const store = await persistDoc(new Y.Doc(), docDatabaseName('rep', sessionId))
  await store.close()
}

/** Polls the stored snapshot until `check` holds (the write is asynchronous: IndexedDB). */
async function eventually(sessionId: string, check: (rows: Entry[] | undefined) => boolean): Promise<Entry[] | undefined> {
  for (let i = 0; i < 100; i++) { // well under SNAPSHOT_DEBOUNCE_MS: a write seen here was not the debounced one
    const rows = await readSnapshot(sessionId)
    if (check(rows)) return rows
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return readSnapshot(sessionId)
}

test('a transcript change is written once the debounce has passed, not before', async () => {
  await storedSession('keep-debounce')
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  const [entries, setEntries] = createSignal([message(1)])
  const stop = keepSnapshot('keep-debounce', entries)
  setEntries([message(1), message(2)])
  vi.advanceTimersByTime(SNAPSHOT_DEBOUNCE_MS - 1)
  vi.useRealTimers()
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(await readSnapshot('keep-debounce')).toBeUndefined()
  stop() // stopping writes what is pending
  expect((await eventually('keep-debounce', (rows) => rows?.length === 2))?.map((entry) => entry.text)).toEqual(['message 1', 'message 2'])
})

test('leaving the page writes the pending snapshot at once', async () => {
  await storedSession('keep-pagehide')
  const [entries, setEntries] = createSignal([message(1)])
  const stop = keepSnapshot('keep-pagehide', entries)
  setEntries([message(1), message(2), message(3)])
  window.dispatchEvent(new Event('pagehide'))
  expect((await eventually('keep-pagehide', (rows) => rows?.length === 3))?.at(-1)?.text).toBe('message 3')
  stop()
})
