/**
 * Console memory with long sessions (issue 20): the rep console with
 * CONSOLE_SESSIONS open sessions (default 20) of CONSOLE_ENTRIES entries each
 * (default 5,000, customer and rep in turn), reloaded so every session loads
 * from IndexedDB, then each tab selected until its last message shows. JS
 * heap = `Runtime.getHeapUsage` (used size) over CDP after
 * `HeapProfiler.collectGarbage`, as manySessions.
 *
 * Seeding (signedSessions.ts): the sessions are created in the UI; the entries
 * are written in Node with the app's `appendEntry` and added to both of every
 * session's databases as a linked customer device and the relay leave them:
 * the customer's intake with its device key, the customer's entries signed by
 * that key, the reps' by the session authority, the record bound to the
 * customer. (Unsigned customer entries, as this module seeded before issue 18,
 * are never copied into the record, so their last message never showed.)
 *
 * Every wait has a limit and fails the module with what it saw (run.ts then
 * reports it as failed) rather than hanging.
 */
import type { BrowserContext, Page } from '@playwright/test'
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { envInt, load1, newSession, startHarness, startRep } from './browser'
import { appendChat, chatText } from './chatEntries'
import { addStoredRows, checkSeededSession, readStoredSessions, signedSessionRows } from './signedSessions'

const SESSIONS = envInt('CONSOLE_SESSIONS', 20)
const ENTRIES = envInt('CONSOLE_ENTRIES', 5_000)
/** Per wait (the tabs after the reload, one session's last message): a loaded 2-core box shows one in a few seconds. */
const SHOW_TIMEOUT_MS = envInt('CONSOLE_SHOW_TIMEOUT_MS', 60_000)
const CUSTOMER = { customerId: 'cust-1', customerName: 'Carla' } // appendChat's customer

/** What the selected session's panel reads, for an error message. */
async function panelText(page: Page): Promise<string> {
  const text = await page
    .getByRole('tabpanel')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => undefined)
  return text === undefined || text === null ? '(no session panel)' : JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 300))
}

/** Selects tab `index` and waits for `lastText` in its Transcript; throws a clear error after SHOW_TIMEOUT_MS. */
async function showSession(page: Page, index: number, lastText: string): Promise<void> {
  const tab = page.getByRole('tab').nth(index)
  const tabId = await tab.getAttribute('id')
  if (!tabId) throw new Error(`session ${index + 1}: its tab has no id`)
  await tab.click()
  try {
    // This tab's own panel: every session ends with the same text, and the previous panel stays until the new one shows.
    const panel = page.locator(`[role="tabpanel"][aria-labelledby="${tabId}"]`)
    await panel.getByRole('log', { name: 'Transcript' }).getByText(lastText).waitFor({ timeout: SHOW_TIMEOUT_MS })
  } catch (error) {
    throw new Error(`session ${index + 1} of ${SESSIONS}: its last message did not show within ${SHOW_TIMEOUT_MS / 1000} s; the panel reads ${await panelText(page)}`, { cause: error })
  }
}

/** Used and total JS heap of `page` in bytes after a forced GC (counts live objects only). */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<{ usedSize: number; totalSize: number }> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return heap
}

const megabytes = (bytes: number): number => Math.round(bytes / 1e5) / 10

export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const { context, page } = await harness.newPerson()
    await startRep(page, 'Bench Rep')
    for (let i = 0; i < SESSIONS; i++) await newSession(page)
    const empty = await heapAfterGc(context, page) // the same sessions before their entries: what the entries cost

    const seedStarted = performance.now()
    const doc = new Y.Doc()
    for (let i = 0; i < ENTRIES; i++) appendChat(doc, i, Date.now() + 1000 + i)
    const entries = Y.encodeStateAsUpdate(doc)
    const stored = await readStoredSessions(page, SESSIONS)
    const rows = []
    for (const [i, session] of stored.entries()) {
      const seed = await signedSessionRows(session, entries, CUSTOMER)
      if (i === 0) await checkSeededSession(session, seed) // the relay's own rules accept what was seeded
      rows.push({ database: session.repDatabase, update: seed.rep }, { database: session.customerDatabase, update: seed.customer })
    }
    await addStoredRows(context, page, rows)
    const seedMs = performance.now() - seedStarted
    await page.close()

    const fresh = await context.newPage()
    const started = performance.now()
    await fresh.goto('/?lang=en&debug=1#/')
    const lastText = chatText(ENTRIES - 1)
    try {
      await fresh.getByRole('tab').nth(SESSIONS - 1).waitFor({ timeout: SHOW_TIMEOUT_MS })
    } catch (error) {
      throw new Error(`after the reload only ${await fresh.getByRole('tab').count()} of ${SESSIONS} session tabs showed within ${SHOW_TIMEOUT_MS / 1000} s`, { cause: error })
    }
    for (let i = 0; i < SESSIONS; i++) await showSession(fresh, i, lastText)
    const allShownMs = performance.now() - started
    const heap = await heapAfterGc(context, fresh)
    const seedBytes = rows.reduce((sum, row) => sum + row.update.byteLength, 0) / stored.length
    return [
      {
        name: `console memory@${SESSIONS} sessions × ${ENTRIES.toLocaleString('en-US')} entries: JS heap`,
        unit: 'MB',
        value: megabytes(heap.usedSize),
        values: { totalMB: megabytes(heap.totalSize), emptySessionsMB: megabytes(empty.usedSize), seededSessions: stored.length, seedBytesPerSession: Math.round(seedBytes), seedBuildMs: Math.round(seedMs), allShownMs: Math.round(allShownMs), load1: load1() },
        note: 'used JS heap after a forced GC, every session loaded from IndexedDB (signed as a linked customer device leaves it) and shown once; emptySessionsMB = the same sessions before their entries',
      },
    ]
  } finally {
    await harness.close()
  }
}
