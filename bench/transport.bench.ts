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
 * - the stack's floor: two pages on the app's origin syncing a scratch doc with
 *   a stock y-webrtc `WebrtcProvider` through the same signaling server (the
 *   app's `/config.json`), with none of Asiste's code on the data path (no
 *   signing, guards, chunking, echo skip, persistence): what any page built on
 *   Yjs + y-webrtc pays;
 * - Yjs's floor: the same scratch doc, each update sent as it is over one raw
 *   RTCDataChannel and applied with `Y.applyUpdate` (no y-webrtc, no simple-peer):
 *   what Yjs alone adds to the channel;
 * - the limit: a raw RTCDataChannel between two fresh contexts (bench/rawChannel.ts),
 *   pinged back to back inside one page; and the same channel carrying the
 *   probe's bare text, timed by this module's harness like every other row
 *   (one probe per Playwright round trip, so the link idles between probes).
 *
 * Asiste, the relay, both floors and the bare text are measured in alternating
 * rounds so background load falls on all alike. `TRANSPORT_MESSAGES` (default
 * 200) sets N per transport. The floor rows show whether the budgets (Asiste ≤
 * relay, Asiste ≤ 3 × raw) are reachable for any page on this stack.
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
const ROUNDS = 4 // alternating Asiste / relay / stock / Yjs-over-channel / bare-text rounds
const WARMUP = 5 // untimed probes at the start of each round: link, JIT

/** bench/benchPage.ts bundled into one script (with yjs, y-websocket, stock y-webrtc and the app's doc model). */
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

/**
 * Two fresh contexts on the app's origin (as rawChannel.ts), each with a scratch doc and a stock y-webrtc
 * provider in one new room, connected through the harness's signaling server.
 */
export async function stockPair(harness: Harness, script: string): Promise<[Page, Page]> {
  const room = `bench-stock-${Date.now().toString(36)}`
  const pages = await Promise.all([harness.newPerson(), harness.newPerson()].map(async (person) => (await person).page))
  await Promise.all(
    pages.map(async (page) => {
      await page.goto('/config.json')
      await page.evaluate(script)
    }),
  )
  // Both at once: each waits until the other has connected and answered its sync.
  await Promise.all(pages.map((page) => page.evaluate((name) => window.__benchStockConnect!(name), room)))
  return [pages[0]!, pages[1]!]
}

/**
 * Two fresh contexts on the app's origin linked by one raw RTCDataChannel: their scratch docs exchange Yjs
 * updates over it (`yjs`), or the probe's text goes bare (`text`: the limit, timed like everything else).
 */
export async function channelPair(harness: Harness, script: string, mode: 'yjs' | 'text'): Promise<[Page, Page]> {
  const [writer, reader] = [(await harness.newPerson()).page, (await harness.newPerson()).page]
  for (const page of [writer, reader]) {
    await page.goto('/config.json')
    await page.evaluate(script)
  }
  const offer = await writer.evaluate((kind) => window.__benchChannelOffer!(kind), mode)
  const answer = await reader.evaluate((remote) => window.__benchChannelAnswer!(remote), offer)
  await writer.evaluate((remote) => window.__benchChannelOpen!(remote), answer)
  await reader.evaluate(() => window.__benchChannelReady!())
  return [writer, reader]
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
    const [stockWriter, stockReader] = await stockPair(harness, script)
    const [channelWriter, channelReader] = await channelPair(harness, script, 'yjs')
    const [textWriter, textReader] = await channelPair(harness, script, 'text')
    const asiste: number[] = []
    const relayed: number[] = []
    const stocked: number[] = []
    const channelled: number[] = []
    const inPage: number[] = [] // Yjs with no transport: mean ms per write, one batch per round
    const texted: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      asiste.push(...(await measureOneWay(rep, customer, MESSAGES / ROUNDS, WARMUP, 'webrtc')))
      relayed.push(...(await measureOneWay(writer, reader, MESSAGES / ROUNDS, WARMUP, 'relay')))
      stocked.push(...(await measureOneWay(stockWriter, stockReader, MESSAGES / ROUNDS, WARMUP, 'stock')))
      channelled.push(...(await measureOneWay(channelWriter, channelReader, MESSAGES / ROUNDS, WARMUP, 'channel')))
      texted.push(...(await measureOneWay(textWriter, textReader, MESSAGES / ROUNDS, WARMUP, 'text')))
      inPage.push(await channelReader.evaluate((count) => window.__benchInPageMean!(count), MESSAGES / ROUNDS))
    }
    const [app, server, limit] = [stats(asiste), stats(relayed), stats(raw.oneWay)]
    const [stock, yjs, bare] = [stats(stocked), stats(channelled), stats(texted)]
    const load = Math.max(loadBefore, load1())
    const relayName = `y-websocket relay write→applied@${relayed.length}`
    const rawName = 'raw datachannel one-way (same run)'
    const vsStock = { stockP50: stock.p50, vsStock: app.p50 / stock.p50 }
    return [
      {
        name: `vs a server relay: Asiste write→applied@${asiste.length}`,
        unit: 'ms',
        value: app.p50,
        values: { p90: app.p90, p99: app.p99, relayP90: server.p90, relayP99: server.p99, ...vsStock, load1: load },
        baseline: { name: relayName, value: server.p50 },
        ratio: app.p50 / server.p50,
        note: "rep's customer-doc write → applied in the customer's doc, WebRTC vs y-websocket server on loopback",
      },
      {
        name: `vs the limit: Asiste write→applied@${asiste.length}`,
        unit: 'ms',
        value: app.p50,
        values: {
          p99: app.p99,
          rawP90: limit.p90,
          rawP99: limit.p99,
          rawHalfRttP50: stats(raw.halfRtt).p50,
          ...vsStock,
          rawTimedP50: bare.p50,
          vsRawTimed: app.p50 / bare.p50,
          load1: load,
        },
        baseline: { name: rawName, value: limit.p50 },
        ratio: app.p50 / limit.p50,
        note: "same samples as above, against a raw RTCDataChannel between two contexts of the same browser",
      },
      {
        name: `floor: stock y-webrtc write→applied@${stocked.length}`,
        unit: 'ms',
        value: stock.p50,
        values: { p90: stock.p90, p99: stock.p99, rawP50: limit.p50, vsRaw: stock.p50 / limit.p50, load1: load },
        baseline: { name: relayName, value: server.p50 },
        ratio: stock.p50 / server.p50,
        note: "the same write between two plain Y.Docs with a stock y-webrtc 10.3 WebrtcProvider (its own simple-peer bundle), the app's signaling server, no Asiste code on the data path",
      },
      {
        name: `floor: Yjs over a raw datachannel write→applied@${channelled.length}`,
        unit: 'ms',
        value: yjs.p50,
        values: { p90: yjs.p90, p99: yjs.p99, relayP50: server.p50, vsRelay: yjs.p50 / server.p50, inPageMean: stats(inPage).p50, load1: load },
        baseline: { name: rawName, value: limit.p50 },
        ratio: yjs.p50 / limit.p50,
        note: "the same write, its Yjs update sent as it is over one RTCDataChannel and applied with Y.applyUpdate: Yjs's cost without y-webrtc or simple-peer; inPageMean: write→applied between two docs of one page, no transport (median of the rounds' means)",
      },
      {
        name: `floor: raw datachannel text write→applied@${texted.length}`,
        unit: 'ms',
        value: bare.p50,
        values: { p90: bare.p90, p99: bare.p99, load1: load },
        baseline: { name: rawName, value: limit.p50 },
        ratio: bare.p50 / limit.p50,
        note: "no doc: the probe's text sent over one RTCDataChannel, timed by the same harness as every row above (one probe per Playwright round trip), against the raw row's back-to-back pings",
      },
    ]
  } finally {
    await harness.close() // the pages first, so their y-websocket clients don't reconnect while the relay closes
    await relay.close()
  }
}
