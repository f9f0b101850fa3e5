/**
 * A 100,000-entry session on the rep's device:
 *
 * - big session open: cold open of the rep console (a fresh page, the app's
 *   code from the HTTP/service-worker cache, the session from IndexedDB) →
 *   the session's last message visible in the Transcript log. Timed in the
 *   page from its navigation start (`performance.timeOrigin`) to the first
 *   DOM mutation after which an `article` of the log holds the last message.
 * - render at scale: element count inside the Transcript log once open, and
 *   frame times (requestAnimationFrame deltas) while the log is scrolled
 *   programmatically from the end towards the start, SCROLL_STEP_PX a frame.
 *
 * Seeding: the rep creates a session in the UI (so every record exists);
 * the 100,000 entries (customer and rep in turn) are written in Node with the
 * app's `appendEntry` into a doc of their own (another Yjs client, as a
 * peer's history would be), and that update is added as a row of
 * y-indexeddb's `updates` store of both the session's rep-doc (the record the
 * console shows) and customer-doc databases, with a signature per entry in
 * the customer doc, by the page itself (fetched from a routed URL, so the
 * 20+ MB never cross the evaluate channel): what the relay leaves behind.
 * Beside the record goes its last screenful (src/store/sessionSnapshot.ts),
 * built with the app's `snapshotRecord` from the same entries: what the
 * console wrote when this device last showed the session. The open is timed
 * to the first last-message row (the snapshot's), and `realTranscriptMs` to
 * the last message in the real transcript (the documents loaded).
 */
import type { Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { envInt, load1, newSession, startHarness, startRep, stats } from './browser'
import { appendChat, chatText } from './chatEntries'
import { readTranscript } from '../src/doc/transcript'
import { SNAPSHOT_KEY, SNAPSHOT_ROWS, snapshotRecord, type SnapshotRecord } from '../src/store/sessionSnapshot'
import { startCpuTrace } from './cpuTrace'
import { startProfile } from './profile'

const ENTRIES = envInt('BIG_SESSION_ENTRIES', 100_000)
const OPENS = 3 // the first open is the cold one; the others show how much of it a warm cache saves
const OPEN_TIMEOUT_MS = 120_000
const SCROLL_FRAMES = 240 // four seconds of scrolling at 60 Hz
const SCROLL_STEP_PX = 600 // per frame: a fast fling, so the virtual list renders new rows every frame
const DROPPED_FRAME_MS = 20 // a delta above one 60 Hz frame (16.7 ms) plus jitter means a frame was missed
const SEED_URL = '/__bench/seed.bin'
const SIGNATURES_URL = '/__bench/signatures.bin'
const BLANK_URL = '/__bench/blank.html' // a page of the app's origin without the app, so no console rewrites the snapshot meanwhile
const PROFILE = process.env.BIG_SESSION_PROFILE === '1' // print where the cold open's main-thread time goes
const AFTER_SHOWN_MS = 15_000 // traced after the cold open's rows show, for the work it defers

declare global {
  interface Window {
    __benchOpen?: { shownAt?: number; realAt?: number }
  }
}

/**
 * ENTRIES chat messages (customer and rep in turn) as one Yjs update, written after `start` (so they sort
 * after the session's opening note), and a second update with a signature per entry, as the relay leaves a
 * session: the record (rep doc) and the customer doc hold every entry, the customer doc a signature beside
 * each. The signatures are random strings of a real signature's length: opening never re-verifies entries
 * that both docs already hold (relay.ts), so only their bytes count.
 */
function seedUpdates(start: number): { entries: Uint8Array; signatures: Uint8Array; snapshot: SnapshotRecord } {
  const doc = new Y.Doc()
  for (let i = 0; i < ENTRIES; i++) appendChat(doc, i, start + i)
  const entries = Y.encodeStateAsUpdate(doc)
  const snapshot = snapshotRecord(readTranscript(doc).slice(-SNAPSHOT_ROWS))
  const before = Y.encodeStateVector(doc)
  const signatures = doc.getMap('signatures')
  doc.transact(() => {
    for (const id of doc.getMap('entries').keys()) signatures.set(id, randomBytes(64).toString('base64url'))
  })
  return { entries, signatures: Y.encodeStateAsUpdate(doc, before), snapshot }
}

/** Puts `record` as the session's last screenful in its rep-doc database, where the console keeps it. */
async function storeSnapshot(page: Page, record: SnapshotRecord): Promise<void> {
  await page.evaluate(async ([key, record]) => {
    const info = (await indexedDB.databases()).find((db) => db.name?.startsWith('asiste:rep:'))
    if (!info?.name) throw new Error('no rep database')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('custom', 'readwrite')
      transaction.objectStore('custom').put(record, key)
      transaction.oncomplete = () => resolve()
      transaction.onerror = () => reject(transaction.error)
    })
    db.close()
  }, [SNAPSHOT_KEY, record] as const)
}

/** Adds `url`'s bytes as a row of the y-indexeddb store of the session's `kind` doc; returns the database name. */
async function storeSeed(page: Page, kind: 'customer' | 'rep', url: string): Promise<string> {
  return page.evaluate(async ([prefix, url]) => {
    const info = (await indexedDB.databases()).find((db) => db.name?.startsWith(prefix))
    if (!info?.name) throw new Error(`no ${prefix} database`)
    const update = new Uint8Array(await (await fetch(url)).arrayBuffer())
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!)
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
    return info.name
  }, [`asiste:${kind}:`, url] as const)
}

/** Opens the console in a fresh page and returns ms from navigation start to the last message shown. */
async function coldOpen(page: Page, lastText: string): Promise<{ shownMs: number; realMs: number }> {
  await page.addInitScript((expected: string) => {
    const state: NonNullable<Window['__benchOpen']> = {}
    window.__benchOpen = state
    const observer = new MutationObserver(() => {
      const log = document.querySelector('[role="log"][aria-label="Transcript"]')
      if (!log) return
      for (const article of log.querySelectorAll('article')) {
        if (!article.textContent?.includes(expected)) continue
        if (state.shownAt === undefined) {
          state.shownAt = performance.now()
          console.timeStamp('asiste-shown') // marks the trace (startCpuTrace)
        }
        // The snapshot's log is busy (OpeningSession.tsx); the real transcript's is not.
        if (log.getAttribute('aria-busy') !== 'true') {
          state.realAt = performance.now()
          observer.disconnect()
        }
        return
      }
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  }, lastText)
  await page.goto('/?lang=en&debug=1#/')
  try {
    await page.waitForFunction(() => window.__benchOpen?.realAt !== undefined, undefined, { timeout: OPEN_TIMEOUT_MS, polling: 50 })
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('[role="log"][aria-label="Transcript"]')?.parentElement?.textContent?.slice(0, 300))
    throw new Error(`the last message did not show; the transcript reads: ${shown}`, { cause: error })
  }
  return page.evaluate(() => ({ shownMs: window.__benchOpen!.shownAt!, realMs: window.__benchOpen!.realAt! }))
}

/** Elements inside the Transcript log, and rAF deltas while scrolling it up. */
async function scrollFrames(page: Page): Promise<{ nodes: number; maxNodes: number; deltas: number[] }> {
  return page.evaluate(
    async ([frames, step]) => {
      const log = document.querySelector<HTMLElement>('[role="log"][aria-label="Transcript"]')
      if (!log) throw new Error('no Transcript log')
      const nodes = log.querySelectorAll('*').length
      let maxNodes = nodes
      const deltas: number[] = []
      await new Promise<void>((resolve) => {
        let last: number | undefined
        let frame = 0
        const tick = (now: number): void => {
          if (last !== undefined) deltas.push(now - last)
          last = now
          maxNodes = Math.max(maxNodes, log.querySelectorAll('*').length)
          if (frame++ === frames) return resolve()
          log.scrollTop = Math.max(0, log.scrollTop - step)
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
      return { nodes, maxNodes, deltas }
    },
    [SCROLL_FRAMES, SCROLL_STEP_PX] as const,
  )
}

export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const { context, page } = await harness.newPerson()
    await startRep(page, 'Bench Rep')
    await newSession(page)
    const seedStarted = performance.now()
    const seed = seedUpdates(Date.now() + 1000)
    const seedMs = performance.now() - seedStarted
    await context.route(`**${SEED_URL}`, (route) => route.fulfill({ body: Buffer.from(seed.entries), contentType: 'application/octet-stream' }))
    await context.route(`**${SIGNATURES_URL}`, (route) => route.fulfill({ body: Buffer.from(seed.signatures), contentType: 'application/octet-stream' }))
    await storeSeed(page, 'rep', SEED_URL)
    await storeSeed(page, 'customer', SEED_URL)
    await storeSeed(page, 'customer', SIGNATURES_URL)
    await context.route(`**${BLANK_URL}`, (route) => route.fulfill({ body: '<!doctype html><title>blank</title>', contentType: 'text/html' }))
    await page.goto(BLANK_URL)
    await storeSnapshot(page, seed.snapshot)
    await page.close()

    const lastText = chatText(ENTRIES - 1)
    const loadBefore = load1()
    const opens: number[] = []
    const realOpens: number[] = []
    let cold: { cpuMs: number; taskMs: number; afterCpuMs: number; longestAfterMs: number } | undefined
    let heapMB = NaN
    let render: Awaited<ReturnType<typeof scrollFrames>> | undefined
    for (let i = 0; i < OPENS; i++) {
      const fresh = await context.newPage()
      const profiler = PROFILE && i === 0 ? await startProfile(fresh) : undefined
      const tracer = i === 0 ? await startCpuTrace(fresh) : undefined
      const open = await coldOpen(fresh, lastText)
      opens.push(open.shownMs)
      realOpens.push(open.realMs)
      if (profiler) console.error(await profiler()) // up to the last message showing
      if (tracer) {
        await fresh.waitForTimeout(AFTER_SHOWN_MS) // what the open leaves for later (deferred loads, sliced scans)
        const trace = await tracer()
        const until = trace.between(undefined, 'asiste-shown')
        const after = trace.between('asiste-shown', undefined)
        cold = { cpuMs: until.cpuMs, taskMs: until.taskMs, afterCpuMs: after.cpuMs, longestAfterMs: after.longestMs }
        const cdp = await fresh.context().newCDPSession(fresh)
        await cdp.send('HeapProfiler.collectGarbage')
        heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6
        await cdp.detach()
      }
      if (i === 0) render = await scrollFrames(fresh)
      await fresh.close()
    }
    const frames = stats(render!.deltas)
    const dropped = render!.deltas.filter((delta) => delta > DROPPED_FRAME_MS).length
    const load = Math.max(loadBefore, load1())
    const k = `${ENTRIES / 1000}k`
    return [
      {
        name: `big session open@${k} entries`,
        unit: 'ms',
        value: opens[0]!,
        values: { warmOpens: Math.min(...opens.slice(1)), realTranscriptMs: realOpens[0]!, warmRealTranscriptMs: Math.min(...realOpens.slice(1)), cpuMs: cold?.cpuMs ?? NaN, taskMs: cold?.taskMs ?? NaN, cpuAfterMs: cold?.afterCpuMs ?? NaN, longestTaskAfterMs: cold?.longestAfterMs ?? NaN, seedBytes: seed.entries.byteLength, signatureBytes: seed.signatures.byteLength, seedBuildMs: seedMs, load1: load },
        note: 'fresh page: navigation start → last message visible in the Transcript (its saved last screenful; realTranscriptMs: the loaded record) (IndexedDB, no network peer)',
      },
      {
        name: `big session memory@${k} entries: JS heap`,
        unit: 'MB',
        value: Math.round(heapMB * 10) / 10,
        values: { load1: load },
        note: `used JS heap after a forced GC, ${AFTER_SHOWN_MS / 1000} s after the cold open (both docs loaded, the rooms joined)`,
      },
      {
        name: `render at scale@${k}: transcript DOM nodes`,
        unit: 'nodes',
        value: render!.nodes,
        values: { maxWhileScrolling: render!.maxNodes },
        note: 'elements inside the Transcript log, at the end of the session and while scrolling',
      },
      {
        name: `render at scale@${k}: scroll frame p95`,
        unit: 'ms',
        value: frames.p95,
        values: { p50: frames.p50, p99: frames.p99, max: frames.max, droppedFrames: dropped, frames: render!.deltas.length, load1: load },
        note: `rAF deltas while scrolling up ${SCROLL_STEP_PX} px a frame (16.7 ms = every 60 Hz frame on time)`,
      },
    ]
  } finally {
    await harness.close()
  }
}

