/**
 * Rep → customer delivery latency through the whole app: from the rep's Enter
 * keydown in the composer to the message's `article` appearing in the
 * customer's `Transcript` log. Rep and customer are separate browser contexts
 * of one Chromium (so they meet over WebRTC through the real signaling
 * server, as two people would), on loopback.
 *
 * Timestamps are `performance.timeOrigin + performance.now()` taken inside
 * each page: both pages run in one browser on one machine, so their clocks
 * share a source and are comparable. The skew between them is also measured
 * (each page's clock against Node's, from the fastest of 40 evaluate round
 * trips) and reported, so the reader can see it is small against the result.
 *
 * Messages are sent one at a time, each waited for before the next: this
 * measures latency, not throughput. `DELIVERY_MESSAGES` (default 500, the N) sets N.
 *
 * Baseline ("physical limit"): one-way latency of a raw RTCDataChannel between
 * two fresh contexts of the same browser, SDP exchanged through Node, 200
 * pings one at a time (each echoed before the next), one-way = receiver's
 * clock − sender's timestamp, same clocks as above.
 */
import type { ElementHandle, Page } from '@playwright/test'
import type { BenchResult } from './benchResult'
import { clockOffset, envInt, load1, joinAsCustomer, newSession, startHarness, startRep, stats } from './browser'
import { rawDataChannel } from './rawChannel'

const MESSAGES = envInt('DELIVERY_MESSAGES', 500)
const WARMUP = 5 // sent and waited for first, untimed: the link, JIT and the first renders
const ARRIVAL_TIMEOUT_MS = 10_000

declare global {
  interface Window {
    /** Rep page: per composer text, when Enter went down and when that keydown's dispatch had finished. */
    __benchSent?: Record<string, { at: number; handledAt: number }>
    /** Resolves with when an article containing `marker` appeared in the page's Transcript (and the count grew). */
    __benchArrival?: (marker: string) => Promise<Arrival>
  }
}

/** Page-clock times (ms) at which an awaited message showed. */
interface Arrival {
  /** Its article was in the Transcript log. */
  shownAt: number
  /** The `<N> messages` line counted it (NaN when the page has no such line). */
  countAt: number
}

/**
 * Rep page: a capture-phase keydown listener on the document records when Enter was pressed on each text (before
 * any app handler), and a bubble-phase one on the window when the dispatch reached its end: the app's handlers
 * (Solid delegates to the document) and the microtasks they queued (run between listeners) had finished.
 */
async function instrumentSender(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sent: Record<string, { at: number; handledAt: number }> = {}
    window.__benchSent = sent
    let last: string | undefined
    document.addEventListener(
      'keydown',
      (event) => {
        const target = event.target
        last = undefined
        if (event.key !== 'Enter' || event.shiftKey || !(target instanceof HTMLTextAreaElement)) return
        if (target.getAttribute('aria-label') !== 'Message') return
        last = target.value
        sent[last] = { at: performance.timeOrigin + performance.now(), handledAt: Number.NaN }
      },
      true,
    )
    window.addEventListener('keydown', () => {
      if (last !== undefined) sent[last]!.handledAt = performance.timeOrigin + performance.now()
    })
  })
}

/**
 * MutationObservers on the page's Transcript: one on the `log` notes when an article with the awaited marker
 * appears; one on the `<N> messages` count line notes when it reaches N + 1, i.e. when the entry reached the
 * page's transcript model (the count follows the entries signal directly, the articles follow the virtualizer).
 */
async function instrumentReceiver(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log = document.querySelector('[role="log"][aria-label="Transcript"]')
    if (!log) throw new Error('no Transcript log on the page')
    const counter = [...(log.parentElement?.querySelectorAll('p') ?? [])].find((p) => /^[\d,]+ messages?$/.test(p.textContent?.trim() ?? ''))
    const countNow = (): number => Number.parseInt((counter?.textContent ?? '').replace(/,/g, ''), 10)
    const now = (): number => performance.timeOrigin + performance.now()
    let pending: { marker: string; count: number; countAt: number; resolve: (times: Arrival) => void } | undefined
    const checkCount = (): void => {
      if (pending && Number.isNaN(pending.countAt) && countNow() >= pending.count) pending.countAt = now()
    }
    const check = (): void => {
      if (!pending) return
      for (const article of log.querySelectorAll('article')) {
        if (article.textContent?.includes(pending.marker)) {
          checkCount() // observers run in registration order; make sure the count is read before resolving
          pending.resolve({ shownAt: now(), countAt: pending.countAt })
          pending = undefined
          return
        }
      }
    }
    if (counter) new MutationObserver(checkCount).observe(counter, { childList: true, subtree: true, characterData: true })
    new MutationObserver(check).observe(log, { childList: true, subtree: true, characterData: true })
    window.__benchArrival = (marker) =>
      new Promise<Arrival>((resolve) => {
        pending = { marker, count: countNow() + 1, countAt: Number.NaN, resolve }
        check()
      })
  })
}

/** Arms the page's observer for `marker`; the returned promise resolves with when it appeared. */
async function armArrival(page: Page, marker: string, who: 'customer' | 'rep'): Promise<() => Promise<Arrival>> {
  const arrival = page.evaluate(
    ([awaited, timeout, where]) =>
      Promise.race([
        window.__benchArrival!(awaited),
        new Promise<Arrival>((_, reject) => setTimeout(() => reject(new Error(`${awaited} did not appear on the ${where} page`)), timeout)),
      ]),
    [marker, ARRIVAL_TIMEOUT_MS, who] as const,
  )
  arrival.catch(() => {}) // awaited by the caller; don't let an early rejection go unhandled meanwhile
  // CDP runs a page's evaluations in order: once this returns, the observer above is armed.
  await page.evaluate(() => undefined)
  return () => arrival
}

/** Latencies (ms) of one message, all from the rep's Enter keydown. */
interface Delivery {
  /** To its article in the customer's Transcript. */
  remote: number
  /** To the customer's message count including it (the entry reached the customer's transcript model). */
  remoteModel: number
  /** To its article in the rep's own Transcript (the local echo). */
  local: number
  /** Until the Enter keydown's dispatch ended: the app's handlers and the microtasks they queued (render, measure). */
  handler: number
}

/** Sends `text` from the rep through the composer and times its arrival on both pages. */
async function deliver(rep: Page, box: ElementHandle, customer: Page, text: string, marker: string): Promise<Delivery> {
  const [remoteArrival, localArrival] = [await armArrival(customer, marker, 'customer'), await armArrival(rep, marker, 'rep')]
  await box.fill(text)
  await box.press('Enter')
  const [remote, local] = [await remoteArrival(), await localArrival()]
  const sent = await rep.evaluate((sentText) => window.__benchSent![sentText], text)
  if (sent === undefined) throw new Error(`no keydown recorded for ${marker}`)
  return { remote: remote.shownAt - sent.at, remoteModel: remote.countAt - sent.at, local: local.shownAt - sent.at, handler: sent.handledAt - sent.at }
}

export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const loadBefore = load1()
    const raw = await rawDataChannel(harness)

    const rep = await harness.newPerson()
    const customer = await harness.newPerson()
    await startRep(rep.page, 'Bench Rep')
    const link = await newSession(rep.page)
    await joinAsCustomer(customer.page, link, 'Bench Customer')
    await instrumentSender(rep.page)
    await instrumentReceiver(customer.page)
    await instrumentReceiver(rep.page)
    // Found by role once: re-resolving the locator before every fill and press costs the rep page CPU of its own.
    const box = await rep.page.getByRole('textbox', { name: 'Message' }).elementHandle()
    if (!box) throw new Error('no Message box on the rep page')

    const runId = Date.now().toString(36)
    const probe = (i: number): { marker: string; text: string } => {
      const marker = `[dlv-${runId}-${String(i).padStart(4, '0')}]`
      return { marker, text: `Delivery probe ${marker} — could you restart the printer and tell me what it shows?` }
    }
    for (let i = 0; i < WARMUP; i++) {
      const { marker, text } = probe(-1 - i)
      await deliver(rep.page, box, customer.page, text, marker)
    }
    const deliveries: Delivery[] = []
    for (let i = 0; i < MESSAGES; i++) {
      const { marker, text } = probe(i)
      deliveries.push(await deliver(rep.page, box, customer.page, text, marker))
    }

    const [repClock, customerClock] = [await clockOffset(rep.page), await clockOffset(customer.page)]
    const skewMs = customerClock.offsetMs - repClock.offsetMs
    const skewErrorMs = customerClock.errorMs + repClock.errorMs

    const app = stats(deliveries.map((delivery) => delivery.remote))
    const model = stats(deliveries.map((delivery) => delivery.remoteModel))
    const local = stats(deliveries.map((delivery) => delivery.local))
    const handler = stats(deliveries.map((delivery) => delivery.handler))
    const rawStats = stats(raw.oneWay)
    const rawRtt = stats(raw.halfRtt)
    const rawName = 'raw datachannel one-way'
    return [
      {
        name: rawName,
        unit: 'ms',
        value: rawStats.p50,
        values: { p90: rawStats.p90, p99: rawStats.p99, mean: rawStats.mean, halfRttP50: rawRtt.p50, samples: raw.oneWay.length },
        note: 'two fresh contexts, RTCDataChannel over loopback, 1 ping in flight',
      },
      {
        name: `delivery rep→customer@${MESSAGES}`,
        unit: 'ms',
        value: app.p50,
        values: {
          p90: app.p90,
          p99: app.p99,
          mean: app.mean,
          min: app.min,
          max: app.max,
          modelP50: model.p50,
          modelP99: model.p99,
          clockSkew: skewMs,
          skewError: skewErrorMs,
          load1: Math.max(loadBefore, load1()),
        },
        baseline: { name: rawName, value: rawStats.p50 },
        ratio: app.p50 / rawStats.p50,
        note: 'Enter keydown (rep) → article in customer Transcript, 1 message in flight',
      },
      {
        name: `local echo rep→rep@${MESSAGES}`,
        unit: 'ms',
        value: local.p50,
        values: { p90: local.p90, p99: local.p99, mean: local.mean, enterDispatchP50: handler.p50, enterDispatchP99: handler.p99 },
        note: "Enter keydown → article in the rep's own Transcript (same messages)",
      },
    ]
  } finally {
    await harness.close()
  }
}
