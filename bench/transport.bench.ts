/**
 * Transport comparison, one run, one browser: the same Yjs customer-doc write
 * (the app's `appendEntry`) timed until it is applied in the other peer's
 * document (a Yjs observer; no rendering), over
 *
 * - Asiste: the real app, rep console → customer page, over WebRTC (y-webrtc)
 *   through the real signaling server. The rep's write goes into the rep's
 *   customer-room doc through the debug hooks (`?debug=1`): the doc write the
 *   composer's send ends in, without the composer's UI work;
 * - the relay: two pages syncing a scratch doc through a y-websocket server on
 *   loopback (bench/relayServer.ts, which also serves the pages), the classic
 *   hosted alternative;
 * - the limit: a raw RTCDataChannel between two fresh contexts (bench/rawChannel.ts).
 *
 * Asiste and the relay are measured in alternating rounds so background load
 * falls on both alike. `TRANSPORT_MESSAGES` (default 200) sets N per transport.
 */
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { build } from 'vite'
import type { BenchResult } from './benchResult'
import { joinAsCustomer, envInt, load1, newSession, startHarness, startRep, stats, type Harness } from './browser'
import { measureOneWay } from './docLink'
import { rawDataChannel } from './rawChannel'
import { startRelayServer, type RelayServer } from './relayServer'

const MESSAGES = envInt('TRANSPORT_MESSAGES', 200)
const ROUNDS = 4 // alternating Asiste / relay rounds
const WARMUP = 5 // untimed probes at the start of each round: link, JIT

/** bench/benchPage.ts bundled into one script (with yjs, y-websocket and the app's doc model). */
export async function benchPageScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('./benchPage.ts', import.meta.url)), formats: ['iife'], name: 'asisteBench' },
    },
  })
  const chunk = [output].flat().flatMap((result) => ('output' in result ? result.output : [])).find((file) => file.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling bench/benchPage.ts gave no script')
  return chunk.code
}

/**
 * The rep console and a joined customer, each with `window.__benchDoc` over their customer doc; with
 * `viaRelay` the rep writes into its own doc instead (the relay signs and publishes into the customer doc).
 */
export async function appPair(harness: Harness, script: string, viaRelay = false): Promise<[Page, Page]> {
  const rep = await harness.newPerson()
  const customer = await harness.newPerson()
  await startRep(rep.page, 'Bench Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Bench Customer')
  for (const page of [rep.page, customer.page]) {
    await page.evaluate(script)
    await page.evaluate((writeTo) => window.__benchAttachApp!('customer:', writeTo), viaRelay && page === rep.page ? 'rep:' : 'customer:')
  }
  return [rep.page, customer.page]
}

/**
 * Two pages on the relay's own origin (see relayServer.ts for why not the app's) syncing one scratch doc
 * through the y-websocket relay.
 */
async function relayPair(harness: Harness, script: string, relay: RelayServer): Promise<[Page, Page]> {
  const pages: Page[] = []
  const room = `bench-${Date.now().toString(36)}`
  for (let i = 0; i < 2; i++) {
    const { page } = await harness.newPerson()
    await page.goto(relay.pageUrl)
    await page.evaluate(script)
    await page.evaluate(([url, name]) => window.__benchRelayConnect!(url, name), [relay.url, room] as const)
    pages.push(page)
  }
  return [pages[0]!, pages[1]!]
}

export async function run(): Promise<BenchResult[]> {
  const script = await benchPageScript()
  const harness = await startHarness()
  const relay = await startRelayServer()
  try {
    const loadBefore = load1()
    const raw = await rawDataChannel(harness)
    const [rep, customer] = await appPair(harness, script)
    const [writer, reader] = await relayPair(harness, script, relay)
    const asiste: number[] = []
    const relayed: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      asiste.push(...(await measureOneWay(rep, customer, MESSAGES / ROUNDS, WARMUP, 'webrtc')))
      relayed.push(...(await measureOneWay(writer, reader, MESSAGES / ROUNDS, WARMUP, 'relay')))
    }
    const [app, server, limit] = [stats(asiste), stats(relayed), stats(raw.oneWay)]
    const load = Math.max(loadBefore, load1())
    const relayName = `y-websocket relay write→applied@${relayed.length}`
    const rawName = 'raw datachannel one-way (same run)'
    return [
      {
        name: `vs a server relay: Asiste write→applied@${asiste.length}`,
        unit: 'ms',
        value: app.p50,
        values: { p90: app.p90, p99: app.p99, relayP90: server.p90, relayP99: server.p99, load1: load },
        baseline: { name: relayName, value: server.p50 },
        ratio: app.p50 / server.p50,
        note: "rep's customer-doc write → applied in the customer's doc, WebRTC vs y-websocket server on loopback",
      },
      {
        name: `vs the limit: Asiste write→applied@${asiste.length}`,
        unit: 'ms',
        value: app.p50,
        values: { p99: app.p99, rawP90: limit.p90, rawP99: limit.p99, rawHalfRttP50: stats(raw.halfRtt).p50, load1: load },
        baseline: { name: rawName, value: limit.p50 },
        ratio: app.p50 / limit.p50,
        note: "same samples as above, against a raw RTCDataChannel between two contexts of the same browser",
      },
    ]
  } finally {
    await harness.close() // the pages first, so their y-websocket clients don't reconnect while the relay closes
    await relay.close()
  }
}
