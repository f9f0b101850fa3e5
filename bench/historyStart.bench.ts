/**
 * Offline start with a long History (issue 20, "time to interactive of the
 * console from the service worker with 100 sessions in History"): a rep
 * console with one open session and HISTORY_SESSIONS past sessions on the
 * device (HISTORY_MESSAGES messages each, brought in through History's own
 * Import of an archive built in Node), reloaded with the context offline, so
 * the shell comes from the service worker precache and the sessions from
 * IndexedDB. Rows:
 *
 * - console: navigation start → the open session's tab listed and its
 *   `Message` box editable (as offlineStart measures it);
 * - History: navigation start of `#/history` → every past session listed.
 *
 * Times are the page's `performance.now()` read right after Playwright sees
 * the state (so they include up to one of its polling steps).
 */
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { Page } from '@playwright/test'
import type { BenchResult } from './benchResult'
import { envInt, load1, newSession, say, startHarness, startRep, stats } from './browser'
import { appendChat } from './chatEntries'
import { initRepDoc } from '../src/doc/session'
import { writeIntake } from '../src/doc/intake'
import { docDatabaseName } from '../src/store/persistDoc'
import { buildArchive } from '../src/app/history/sessionArchive'

const SESSIONS = envInt('HISTORY_SESSIONS', 100)
const MESSAGES = envInt('HISTORY_MESSAGES', 50)
const RELOADS = envInt('HISTORY_RELOADS', 5)
const IMPORT_TIMEOUT_MS = 120_000
/** The service worker installs within seconds of the first load; past this the offline reloads would measure nothing. */
const SERVICE_WORKER_TIMEOUT_MS = 30_000
const DAY_MS = 86_400_000

/** The archive of SESSIONS past sessions (rep docs: meta, intake, MESSAGES messages), one a day back from now. */
async function writeArchive(): Promise<string> {
  const now = Date.now()
  const docs = []
  for (let s = 0; s < SESSIONS; s++) {
    const sessionId = `Hist${String(s).padStart(4, '0')}-bench-session`
    const createdAt = now - (SESSIONS - s) * DAY_MS
    const doc = new Y.Doc()
    initRepDoc(doc, { sessionId, createdAt, portal: 'link', customerKey: 'q3Jx8w2Lr0-Zk_5yVt9bN1' })
    writeIntake(doc, { customerId: `cust-${s}`, customerName: `Customer ${s}`, request: 'The printer does not print', system: {} })
    for (let i = 0; i < MESSAGES; i++) appendChat(doc, i, createdAt + 1000 + i)
    docs.push({ name: docDatabaseName('rep', sessionId), update: Y.encodeStateAsUpdate(doc) })
    doc.destroy()
  }
  const path = join(tmpdir(), `asiste-bench-history-${process.pid}.json`)
  await writeFile(path, buildArchive(docs))
  return path
}

/** Reloads offline RELOADS times; returns `performance.now()` once `ready` resolves, for each reload after the first. */
async function offlineReloads(page: Page, ready: () => Promise<void>): Promise<{ samples: number[]; first: number }> {
  const samples: number[] = []
  for (let i = 0; i < RELOADS; i++) {
    await page.reload({ waitUntil: 'commit' })
    await ready()
    samples.push(await page.evaluate(() => performance.now()))
  }
  return { samples: samples.slice(1), first: samples[0] ?? Number.NaN } // the first reload also warms the SW's script cache
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const archive = await writeArchive()
  const harness = await startHarness()
  try {
    const { context, page } = await harness.newPerson()
    await startRep(page, 'Bench Rep')
    await newSession(page)
    await say(page, 'the open session: la impresora no imprime')
    await page.getByRole('link', { name: 'History' }).click()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()])
    await chooser.setFiles(archive)
    await page.getByText(`Imported ${SESSIONS} sessions.`).waitFor({ timeout: IMPORT_TIMEOUT_MS })
    // page.evaluate has no timeout of its own: a worker that never activates must fail the module, not hang it.
    await page.evaluate(async (timeoutMs) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no active service worker within ${timeoutMs / 1000} s: the offline reloads cannot run`)), timeoutMs)))
      await Promise.race([navigator.serviceWorker.ready, late]).finally(() => clearTimeout(timer))
    }, SERVICE_WORKER_TIMEOUT_MS)
    await context.setOffline(true)

    const rows = page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')
    const history = await offlineReloads(page, () => rows.nth(SESSIONS - 1).waitFor())
    await page.goto('/?lang=en#/')
    const consoleStart = await offlineReloads(page, async () => {
      await page.getByRole('tab').first().waitFor()
      const box = page.getByRole('textbox', { name: 'Message' })
      await box.waitFor()
      if (!(await box.isEditable())) throw new Error('composer not editable offline')
    })
    const load = load1()
    const row = (name: string, measured: { samples: number[]; first: number }, note: string): BenchResult => {
      const result = stats(measured.samples)
      return {
        name,
        unit: 'ms',
        value: Math.round(result.p50),
        values: { min: Math.round(result.min), max: Math.round(result.max), first: Math.round(measured.first), sessions: SESSIONS, messagesEach: MESSAGES, load1: load },
        note,
      }
    }
    return [
      row(`offline start with ${SESSIONS} sessions in History: console interactive (p50)`, consoleStart, 'context offline; navigation start → open session tab listed and Message box editable'),
      row(`offline start with ${SESSIONS} sessions in History: History listed (p50)`, history, 'context offline; navigation start of #/history → every past session listed'),
    ]
  } finally {
    await harness.close()
  }
}
