/**
 * Console memory with long sessions (issue 20): the rep console with
 * CONSOLE_SESSIONS open sessions (default 20) of CONSOLE_ENTRIES entries each
 * (default 5,000), reloaded so every session loads from IndexedDB, then each
 * tab selected until its last message shows. JS heap = `Runtime.getHeapUsage`
 * (used size) over CDP after `HeapProfiler.collectGarbage`, as manySessions.
 *
 * Seeding as bigSession: the sessions are created in the UI; the entries are
 * written in Node with the app's `appendEntry` (customer messages, another Yjs
 * client) and added as one y-indexeddb row to every session's customer-doc
 * database by the page itself, fetched from a routed URL.
 */
import type { Page } from '@playwright/test'
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { envInt, load1, newSession, startHarness, startRep } from './browser'
import { appendChat, chatText } from './chatEntries'

const SESSIONS = envInt('CONSOLE_SESSIONS', 20)
const ENTRIES = envInt('CONSOLE_ENTRIES', 5_000)
const SEED_URL = '/__bench/console-seed.bin'
const SHOW_TIMEOUT_MS = 120_000

/** Adds the seed's bytes as a row of every customer-doc database; returns how many were seeded. */
async function seedEverySession(page: Page): Promise<number> {
  return page.evaluate(async (url) => {
    const update = new Uint8Array(await (await fetch(url)).arrayBuffer())
    const names = (await indexedDB.databases()).flatMap((db) => (db.name?.startsWith('asiste:customer:') ? [db.name] : []))
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite')
        transaction.objectStore('updates').add(update)
        transaction.oncomplete = () => resolve()
        transaction.onerror = () => reject(transaction.error)
      })
      db.close()
    }
    return names.length
  }, SEED_URL)
}

export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const { context, page } = await harness.newPerson()
    await startRep(page, 'Bench Rep')
    for (let i = 0; i < SESSIONS; i++) await newSession(page)
    const doc = new Y.Doc()
    for (let i = 0; i < ENTRIES; i++) appendChat(doc, i, Date.now() + 1000 + i, 'customer')
    const update = Y.encodeStateAsUpdate(doc)
    await context.route(`**${SEED_URL}`, (route) => route.fulfill({ body: Buffer.from(update), contentType: 'application/octet-stream' }))
    const seeded = await seedEverySession(page)
    await page.close()

    const fresh = await context.newPage()
    const started = performance.now()
    await fresh.goto('/?lang=en&debug=1#/')
    const lastText = chatText(ENTRIES - 1)
    const tabs = fresh.getByRole('tab')
    await tabs.nth(SESSIONS - 1).waitFor({ timeout: SHOW_TIMEOUT_MS })
    for (let i = 0; i < SESSIONS; i++) {
      await tabs.nth(i).click()
      await fresh.getByRole('log', { name: 'Transcript' }).getByText(lastText).waitFor({ timeout: SHOW_TIMEOUT_MS })
    }
    const allShownMs = performance.now() - started
    const cdp = await context.newCDPSession(fresh)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    return [
      {
        name: `console memory@${SESSIONS} sessions × ${ENTRIES.toLocaleString('en-US')} entries: JS heap`,
        unit: 'MB',
        value: Math.round(heap.usedSize / 1e5) / 10,
        values: { totalMB: Math.round(heap.totalSize / 1e5) / 10, seededSessions: seeded, seedBytesPerSession: update.byteLength, allShownMs: Math.round(allShownMs), load1: load1() },
        note: 'used JS heap after a forced GC, every session loaded from IndexedDB and shown once',
      },
    ]
  } finally {
    await harness.close()
  }
}
