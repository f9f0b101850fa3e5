/**
 * Late join: a rep fills a session through the composer (N messages of 4 KB,
 * no customer yet), then a customer opens the join link in a fresh browser
 * context and the time until the customer's page shows the whole transcript
 * (`<N + 2> messages`: the rep's "session started" note, N messages, the
 * customer's own "joined" note) is measured:
 *
 * - from the customer's `Start chat` click (capture-phase listener), and
 * - from opening the link (`performance.timeOrigin`, the navigation start):
 *   the customer page connects to its room on load, so the sync starts while
 *   the intake form is still being filled (here by Playwright, in ~0.1 s).
 *
 * Both ends are in-page clocks of the customer page; "shown" is the first DOM
 * mutation after which the count text reads `<N + 2> messages`.
 *
 * Document size: there is no debug hook for documents, so the customer doc is
 * rebuilt in Node from the updates the rep's browser stored in IndexedDB
 * (`asiste:customer:*`, y-indexeddb's `updates` store) and encoded with
 * `Y.encodeStateAsUpdate`, next to the plain estimate N × message bytes.
 *
 * `LATE_JOIN_SIZES` (default `0,300,2500`) lists the message counts; 0 (the session's opening note only) shows
 * the fixed cost of joining (page load, IndexedDB, signaling, WebRTC set-up) that the larger sizes add to.
 */
import type { Page } from '@playwright/test'
import * as Y from 'yjs'
import { ROOT } from '../src/doc/schema'
import type { BenchResult } from './benchResult'
import { startCpuTrace } from './cpuTrace'
import { startProfile } from './profile'
import { HIGH_WATER_BYTES, MAX_FRAME_BYTES, START_WINDOW_BYTES } from '../src/net/chunkedChannel'
import { rawTransfer, type RawTransfer } from './rawChannel'
import { load1, newSession, openJoinLink, startHarness, startRep, messageCountText, stats, waitForCount, type Harness } from './browser'

const SIZES = (process.env.LATE_JOIN_SIZES ?? '0,300,2500').split(',').map((raw) => {
  const size = Number(raw.trim())
  if (!Number.isInteger(size) || size < 0) throw new Error(`LATE_JOIN_SIZES: "${raw}" is not a message count`)
  return size
})
const BODY_BYTES = 4096
const JOIN_TIMEOUT_MS = 60_000
const PROFILE = process.env.LATE_JOIN_PROFILE === '1' || process.env.LATE_JOIN_PROFILE === 'rep' // print where the customer page's (or with `rep`, the rep page's) main-thread time goes
const TIMELINE = process.env.LATE_JOIN_TIMELINE === '1' // print when the customer page's data channels received each megabyte
const BATCH = 25 // messages sent between yields to the event loop while filling

declare global {
  interface Window {
    __benchJoin?: { expected: string; clickAt?: number; shownAt?: number }
    __benchBytes?: { total: number; first?: number; last?: number; megabytes: number[]; channels: { label: string; opened: number; messages: number; bytes: number; biggest: number; first?: number; last?: number; gaps: string[] }[] }
  }
}

/**
 * Sends `count` messages through the rep's composer and waits for the rep's own count. Playwright's fill + press
 * costs ~60–75 ms a message at 4 KB (2,500 would take minutes), so the page does what they do itself: set the
 * textarea's value, fire `input`, fire an Enter `keydown` (the composer's own handlers send), yielding to the
 * event loop every BATCH messages. Returns the fill time and the mean synchronous cost of a send (the handler:
 * Yjs transaction, relay, Solid update) over the first and last 100 messages.
 */
async function fillSession(page: Page, count: number): Promise<{ ms: number; messageBytes: number; firstSendMs: number; lastSendMs: number }> {
  const started = performance.now()
  const sendMs = await page.evaluate(
    async ([count, bodyBytes, batch]) => {
      const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]')
      if (!box) throw new Error('no Message box on the rep page')
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!
      const body = 'x'.repeat(bodyBytes)
      const times: number[] = []
      for (let i = 1; i <= count; i++) {
        const before = performance.now()
        setValue.call(box, `#${i} ${body}`)
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }))
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }))
        times.push(performance.now() - before)
        if (box.value !== '') throw new Error(`message #${i} was not sent`)
        if (i % batch === 0) await new Promise((resolve) => setTimeout(resolve, 0))
      }
      return times
    },
    [count, BODY_BYTES, BATCH] as const,
  )
  await waitForCount(page, count + 1, 120_000) // + the "session started" note
  let messageBytes = 0
  for (let i = 1; i <= count; i++) messageBytes += Buffer.byteLength(`#${i} `) + BODY_BYTES
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length
  return { ms: performance.now() - started, messageBytes, firstSendMs: mean(sendMs.slice(0, 100)), lastSendMs: mean(sendMs.slice(-100)) }
}

/** The customer doc's encoded size, rebuilt from the updates y-indexeddb stored in the rep's browser. */
async function storedCustomerDocBytes(page: Page): Promise<{ docBytes: number; storedBytes: number; rows: number; entries: number }> {
  const rows = await page.evaluate(async () => {
    const info = (await indexedDB.databases()).find((db) => db.name?.startsWith('asiste:customer:'))
    if (!info?.name) throw new Error('no customer doc database in the rep browser')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const updates = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    // base64 keeps the transfer compact; binary strings in chunks stay under the argument limit.
    return updates.map((update) => {
      const bytes = update as Uint8Array
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(binary)
    })
  })
  const doc = new Y.Doc()
  let storedBytes = 0
  for (const row of rows) {
    const update = Buffer.from(row, 'base64')
    storedBytes += update.byteLength
    Y.applyUpdate(doc, update)
  }
  return { docBytes: Y.encodeStateAsUpdate(doc).byteLength, storedBytes, rows: rows.length, entries: doc.getMap(ROOT.entries).size }
}

/** The customer doc's size once every entry is on disk (y-indexeddb writes behind the UI). */
async function customerDocBytes(page: Page, entries: number): Promise<{ docBytes: number; storedBytes: number }> {
  for (let attempt = 0; ; attempt++) {
    const size = await storedCustomerDocBytes(page)
    if (size.entries >= entries) return size
    if (attempt === 20) throw new Error(`the rep's stored customer doc has ${size.entries} of ${entries} entries`)
    await page.waitForTimeout(500)
  }
}

interface JoinMeasurement {
  count: number
  fillMs: number
  firstSendMs: number
  lastSendMs: number
  messageBytes: number
  docBytes: number
  storedBytes: number
  fromClickMs: number
  fromOpenMs: number
  /** The customer page's main-thread CPU time from the click (and from opening the link) to the transcript shown. */
  cpuFromClickMs: number
  cpuFromOpenMs: number
  /** Its longest task in that time (CPU ms): how long the page could not answer input. */
  longestTaskMs: number
  /** Highest 1-minute load average seen around the join. */
  load1: number
}

async function measure(harness: Harness, count: number): Promise<JoinMeasurement> {
  const rep = await harness.newPerson()
  await startRep(rep.page, 'Bench Rep')
  const link = await newSession(rep.page)
  const fill = await fillSession(rep.page, count)
  const size = await customerDocBytes(rep.page, count + 1) // + the "session started" note

  const customer = await harness.newPerson()
  await customer.context.addInitScript((expected: string) => {
    const state: NonNullable<Window['__benchJoin']> = { expected }
    window.__benchJoin = state
    const now = (): number => performance.timeOrigin + performance.now()
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest('button')
        if (button?.textContent?.trim() !== 'Start chat' || state.clickAt !== undefined) return
        state.clickAt = now()
        console.timeStamp('asiste-click') // marks the trace (cpuTrace.ts)
      },
      true,
    )
    const shown = (): boolean => {
      const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node as Text).data
        if (/ messages?$/.test(text) && (text.trim() === expected || node.parentElement?.textContent?.trim() === expected)) return true
      }
      return false
    }
    const observer = new MutationObserver(() => {
      if (state.clickAt !== undefined && shown()) {
        state.shownAt = now()
        console.timeStamp('asiste-shown')
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  }, messageCountText(count + 2))
  if (TIMELINE) {
    // The data-channel messages the customer's page receives: when the first and last came, and each megabyte. Stamped
    // when the page handles them: a busy main thread delays the stamps, not the bytes.
    await customer.context.addInitScript(() => {
      const bytes: NonNullable<Window['__benchBytes']> = { total: 0, megabytes: [], channels: [] }
      window.__benchBytes = bytes
      const count = (event: MessageEvent, channel: NonNullable<Window['__benchBytes']>['channels'][number]): void => {
        const size = event.data instanceof ArrayBuffer ? event.data.byteLength : typeof event.data === 'string' ? event.data.length : 0
        const at0 = performance.timeOrigin + performance.now()
        if (channel.last !== undefined && at0 - channel.last > 50) channel.gaps.push(`${Math.round(at0 - channel.last)} ms at ${(channel.bytes / 1e6).toFixed(2)} MB`)
        channel.messages++
        channel.bytes += size
        channel.biggest = Math.max(channel.biggest, size)
        const before = Math.floor(bytes.total / 1e6)
        bytes.total += size
        const at = performance.timeOrigin + performance.now()
        bytes.first ??= at
        bytes.last = at
        channel.first ??= at
        channel.last = at
        if (Math.floor(bytes.total / 1e6) > before) bytes.megabytes.push(at)
      }
      const watch = (channel: RTCDataChannel): void => {
        if (!(channel instanceof RTCDataChannel)) return // Asiste's reassembling look-alike, re-dispatched on the same connection
        const stats = { label: channel.label, opened: performance.timeOrigin + performance.now(), messages: 0, bytes: 0, biggest: 0, gaps: [] as string[] }
        bytes.channels.push(stats)
        channel.addEventListener('message', (event: MessageEvent) => count(event, stats))
      }
      const Original = RTCPeerConnection
      window.RTCPeerConnection = class extends Original {
        constructor(config?: RTCConfiguration) {
          super(config)
          this.addEventListener('datachannel', (event) => watch(event.channel))
        }
        override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
          const channel = super.createDataChannel(label, init)
          watch(channel)
          return channel
        }
      }
    })
  }
  const loadBefore = load1()
  const tracer = await startCpuTrace(customer.page)
  const profiler = PROFILE ? await startProfile(process.env.LATE_JOIN_PROFILE === 'rep' ? rep.page : customer.page) : undefined
  await openJoinLink(customer.page, link, 'Late Customer')
  await customer.page.getByRole('button', { name: 'Start chat' }).click()
  await customer.page.waitForFunction(() => window.__benchJoin?.shownAt !== undefined, undefined, { timeout: JOIN_TIMEOUT_MS, polling: 50 })
  const times = await customer.page.evaluate(() => ({ ...window.__benchJoin!, origin: performance.timeOrigin }))
  if (TIMELINE) {
    const bytes = (await customer.page.evaluate(() => window.__benchBytes))!
    const fromClick = (at: number | undefined): string => (at === undefined ? '—' : `${Math.round(at - times.clickAt!)}`)
    console.error(
      `customer received ${(bytes.total / 1e6).toFixed(1)} MB; ms from the click: first ${fromClick(bytes.first)}, megabytes ${bytes.megabytes.map(fromClick).join(' ')}, last ${fromClick(bytes.last)}, shown ${fromClick(times.shownAt)}`,
    )
    for (const channel of bytes.channels) {
      console.error(`  channel "${channel.label}" opened ${fromClick(channel.opened)}: ${channel.messages} messages, ${(channel.bytes / 1e6).toFixed(2)} MB (biggest ${channel.biggest} B), first ${fromClick(channel.first)}, last ${fromClick(channel.last)}; gaps over 50 ms: ${channel.gaps.join(', ') || 'none'}`)
    }
  }
  if (profiler) console.error(await profiler()) // link opened → transcript shown
  const trace = await tracer()
  if (TIMELINE) {
    // Every task of 30 ms or more on a page's main thread, from the click (both pages: the trace covers the browser).
    const click = trace.events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === 'asiste-click')
    const mains = new Set(trace.events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`))
    const long = trace.events.filter((event) => event.ph === 'X' && /RunTask$/.test(event.name) && mains.has(`${event.pid}:${event.tid}`) && (event.dur ?? 0) >= 30_000 && click && event.ts >= click.ts)
    for (const task of long) {
      const page = task.pid === click?.pid ? 'customer' : `pid ${task.pid}`
      console.error(`  task on ${page} at +${Math.round((task.ts - click!.ts) / 1000)} ms: ${Math.round((task.dur ?? 0) / 1000)} ms wall, ${Math.round((task.tdur ?? 0) / 1000)} ms CPU`)
    }
  }
  const fromClick = trace.between('asiste-click', 'asiste-shown')
  await Promise.all([rep.context.close(), customer.context.close()])
  return {
    count,
    fillMs: fill.ms,
    firstSendMs: fill.firstSendMs,
    lastSendMs: fill.lastSendMs,
    messageBytes: fill.messageBytes,
    docBytes: size.docBytes,
    storedBytes: size.storedBytes,
    fromClickMs: times.shownAt! - times.clickAt!,
    fromOpenMs: times.shownAt! - times.origin,
    cpuFromClickMs: fromClick.cpuMs,
    cpuFromOpenMs: trace.between(undefined, 'asiste-shown').cpuMs,
    longestTaskMs: fromClick.longestMs,
    load1: Math.max(loadBefore, load1()),
  }
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`

const RAW_RUNS = 3 // fresh connections per window: the stall below comes and goes
/** 64 KiB messages, ≤ 1 MiB buffered: what Asiste's channel sent before its send window (chunkedChannel.ts). */
const BIG_WINDOW = { messageBytes: 64 * 1024, highWaterBytes: HIGH_WATER_BYTES }

/** Median of `RAW_RUNS` raw transfers of `bytes`, each over a fresh connection. */
async function rawTransfers(harness: Harness, bytes: number, messageBytes: number, highWaterBytes: number): Promise<RawTransfer & { runs: number[] }> {
  const runs: RawTransfer[] = []
  for (let i = 0; i < RAW_RUNS; i++) runs.push(await rawTransfer(harness, bytes, messageBytes, highWaterBytes))
  return { ms: stats(runs.map((run) => run.ms)).p50, longestGapMs: stats(runs.map((run) => run.longestGapMs)).p50, runs: runs.map((run) => run.ms) }
}

export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const results: BenchResult[] = []
    for (const count of SIZES) {
      const m = await measure(harness, count)
      // The floor under the biggest join: the same bytes over a raw data channel on a fresh connection.
      // Sent as Asiste's channel sends on loopback (its window stays at the start: every half window drains at once).
      const raw = count === Math.max(...SIZES) && count > 0 ? await rawTransfers(harness, m.docBytes, MAX_FRAME_BYTES, START_WINDOW_BYTES) : undefined
      const rawBig = raw ? await rawTransfers(harness, m.docBytes, BIG_WINDOW.messageBytes, BIG_WINDOW.highWaterBytes) : undefined
      results.push({
        name: m.count === 0 ? 'late join@empty session' : `late join@${megabytes(m.docBytes)}`,
        unit: 'ms',
        value: m.fromClickMs,
        values: {
          fromOpen: m.fromOpenMs,
          cpuFromClickMs: m.cpuFromClickMs,
          cpuFromOpenMs: m.cpuFromOpenMs,
          longestTaskMs: m.longestTaskMs,
          messages: m.count,
          docBytes: m.docBytes,
          ...(m.count > 0
            ? {
                messageBytes: m.messageBytes,
                storedBytes: m.storedBytes,
                repFillS: m.fillMs / 1000,
                sendMsFirst100: m.firstSendMs,
                sendMsLast100: m.lastSendMs,
              }
            : {}),
          load1: m.load1,
        },
        ...(raw ? { baseline: { name: 'raw channel, same bytes', value: raw.ms }, ratio: m.fromClickMs / raw.ms } : {}),
        note: `Start chat click → "${m.count + 2} messages" shown on the customer's page`,
      })
      if (raw && rawBig) {
        results.push({
          name: `raw data channel: ${megabytes(m.docBytes)} on a fresh connection`,
          unit: 'ms',
          value: raw.ms,
          values: {
            longestGapMs: raw.longestGapMs,
            ...Object.fromEntries(raw.runs.map((ms, i) => [`run${i + 1}`, ms])),
          },
          baseline: { name: `≤ ${BIG_WINDOW.highWaterBytes / 1024} KiB buffered`, value: rawBig.ms },
          ratio: raw.ms / rawBig.ms,
          note: `the floor under the join above: ${MAX_FRAME_BYTES / 1024} KiB messages, ≤ ${START_WINDOW_BYTES / 1024} KiB buffered (Asiste's send window on this link), median of ${RAW_RUNS} fresh connections; baseline: ${BIG_WINDOW.messageBytes / 1024} KiB messages, ≤ ${BIG_WINDOW.highWaterBytes / 1024} KiB buffered (Asiste before its send window; longest stall ${Math.round(rawBig.longestGapMs)} ms); longestGapMs = longest wait between two 500 kB marks at the receiver`,
        })
      }
    }
    return results
  } finally {
    await harness.close()
  }
}
