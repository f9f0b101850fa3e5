// Any Yjs peer can read a session (issue 19): a page built from stock `yjs` +
// `y-webrtc` only (tests/e2e/stock/, no src/ imports, default y-webrtc options,
// so no Asiste framing) joins a live session from its customer link with the
// derivations docs/SCHEMA.md gives, and reads the transcript in order.
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { Page } from '@playwright/test'
import { test, expect, type NewPerson } from './fixtures'
import { chatTexts, expectChat, joinAsCustomer, newSession, say, startRep } from './people'
import type { StockPeer } from './stock/stockPeer'

declare global {
  interface Window {
    stockPeer?: StockPeer
    /** Data-channel messages the page has received (counted by an init script, see below). */
    received?: number
  }
}

const ENTRY = fileURLToPath(new URL('./stock/stockPeer.ts', import.meta.url))
/** Near MAX_MESSAGE_CHARS: four of these put the sync answer a late peer gets past 64 KiB (the old framing threshold). */
const LONG = 19_000

/** A message as failures print it: long ones by head and length (a 19,000-char diff helps no one). */
function brief(text: unknown): string {
  const value = String(text)
  return value.length > 40 ? `${value.slice(0, 12)}…(${value.length} chars)` : value
}

/** Bundles the stock peer with Vite (yjs + y-webrtc from node_modules, nothing from src/). */
async function bundleStockPeer(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: false, lib: { entry: ENTRY, formats: ['es'], fileName: 'stock-peer' } },
  })
  const outputs = Array.isArray(result) ? result : [result]
  for (const output of outputs) {
    if (!('output' in output)) continue
    const chunk = output.output.find((item) => item.type === 'chunk' && item.isEntry)
    if (chunk?.type === 'chunk') return chunk.code
  }
  throw new Error('no stock peer bundle')
}

let bundle: Promise<string> | undefined

/**
 * Opens a document of the app's own server (so `/config.json` and `/signal` are same-origin, and
 * Chromium's local-network checks, which block sockets from route-fulfilled pages, pass) and loads
 * the stock bundle into it as a same-origin script (the server's CSP allows only 'self').
 */
async function openStockPage(page: Page): Promise<void> {
  const code = await (bundle ??= bundleStockPeer())
  await page.route('**/stock-peer.js', (route) => route.fulfill({ contentType: 'text/javascript', body: code }))
  await page.goto('/config.json') // a document of the app's server in which no app code runs
  await page.addScriptTag({ url: '/stock-peer.js', type: 'module' })
  await page.waitForFunction(() => window.stockPeer !== undefined)
}

/** A rep's session with its customer joined, and a person to run the stock peer. */
async function sessionWithStockPeer(newPerson: NewPerson) {
  const rep = await newPerson()
  const customer = await newPerson()
  const stock = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  return { rep, customer, stock, link }
}

test('a stock y-webrtc peer joins a live session from its link and reads every customer-visible entry in order', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const { rep, customer, stock, link } = await sessionWithStockPeer(newPerson)
  const expected = ['hola', 'Hello Carla', ...[1, 2, 3, 4].map((n) => `${n} ${'x'.repeat(LONG)}`), 'ñandú 😀 <b>text</b>']
  for (const [i, text] of expected.entries()) await say(i % 2 === 0 ? customer.page : rep.page, text)
  await expectChat(customer.page, expected)

  // Joins late: the whole session (> 64 KiB) arrives in one sync answer, unframed.
  await openStockPage(stock.page)
  const room = await stock.page.evaluate((joinLink) => window.stockPeer!.join(joinLink), link)
  expect(room).toMatch(/^[A-Za-z0-9_-]{43}$/)
  const stockChat = async () => (await stock.page.evaluate(() => window.stockPeer!.transcript().filter((entry) => entry.kind === 'chat').map((entry) => entry.text))).map(brief)
  await expect.poll(stockChat, { timeout: 20_000 }).toEqual(expected.map(brief))

  // Live: a message written after the stock peer joined reaches it too.
  await say(rep.page, 'after the stock peer joined')
  const all = [...expected, 'after the stock peer joined']
  await expect.poll(stockChat, { timeout: 10_000 }).toEqual(all.map(brief))
  expect((await chatTexts(customer.page)).map(brief)).toEqual(all.map(brief))

  // Every customer-visible entry, status notes included, in the schema's order (by id).
  const entries = await stock.page.evaluate(() => window.stockPeer!.transcript())
  const ids = entries.map((entry) => entry.id)
  expect(ids).toEqual([...ids].sort())
  expect(entries.every((entry) => entry.audience === 'all')).toBe(true)
  await expect(customer.page.getByText(`${entries.length} messages`)).toBeVisible()
  expect(entries.filter((entry) => entry.kind === 'status').map((entry) => entry.event)).toEqual(expect.arrayContaining(['sessionStarted', 'joined']))

  // Nothing on either side choked on the other: stock y-webrtc throws "Unexpected end of array" on framed messages.
  expect(stock.errors.list).toEqual([])
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('a stock y-webrtc peer reads a session whose first sync is far over 256 KiB: the answer comes in parts it can read', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const { rep, customer, stock, link } = await sessionWithStockPeer(newPerson)
  // 20 × 19,000 characters: a sync answer of ~380 KB, which in one message a stock peer cannot receive.
  const expected = Array.from({ length: 20 }, (_, n) => `${n} ${String.fromCharCode(97 + (n % 26)).repeat(LONG)}`)
  for (const [i, text] of expected.entries()) await say(i % 4 === 3 ? customer.page : rep.page, text)
  await expectChat(customer.page, expected)

  await openStockPage(stock.page)
  await stock.page.evaluate((joinLink) => window.stockPeer!.join(joinLink), link)
  const stockChat = async () => (await stock.page.evaluate(() => window.stockPeer!.transcript().filter((entry) => entry.kind === 'chat').map((entry) => entry.text))).map(brief)
  await expect.poll(stockChat, { timeout: 30_000 }).toEqual(expected.map(brief))
  expect(stock.errors.list).toEqual([])
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test("a stock y-webrtc peer that is a page's first peer, and asks before that page has the code of answers in parts, still reads a session over 256 KiB", async ({ newPerson }) => {
  test.setTimeout(120_000)
  // No service worker on the rep's page: its fetch of the parts code goes to the network, where the test holds it.
  const rep = await newPerson('en', { serviceWorkers: 'block' })
  const stock = await newPerson()
  // Counts the data-channel messages the rep's page receives (the listener is added before the app's, so it has
  // run, and the app's with it, by the time the test reads the count).
  await rep.context.addInitScript(() => {
    const Native = window.RTCPeerConnection
    const count = (channel: RTCDataChannel): void => channel.addEventListener('message', () => (window.received = (window.received ?? 0) + 1))
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config)
        this.addEventListener('datachannel', (event) => count(event.channel))
      }
      override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
        const channel = super.createDataChannel(label, init)
        count(channel)
        return channel
      }
    }
  })
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  // 16 × 19,000 characters: ~300 KB, over what a stock peer can receive in one message. No customer: the stock peer is the first.
  const expected = Array.from({ length: 16 }, (_, n) => `${n} ${String.fromCharCode(97 + (n % 26)).repeat(LONG)}`)
  for (const text of expected) await say(rep.page, text)
  await expectChat(rep.page, expected)

  // The rep's page fetches the code when its first peer appears: held here until it has read that peer's first message (its sync step 1).
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  let requested = false
  await rep.page.route(/\/assets\/syncParts-[\w-]+\.js$/, async (route) => {
    requested = true
    await held
    await route.continue()
  })
  await openStockPage(stock.page)
  await stock.page.evaluate((joinLink) => window.stockPeer!.join(joinLink), link)
  await expect.poll(() => rep.page.evaluate(() => window.received ?? 0), { timeout: 30_000 }).toBeGreaterThan(0)
  expect(requested).toBe(true)
  release()

  const stockChat = async () => (await stock.page.evaluate(() => window.stockPeer!.transcript().filter((entry) => entry.kind === 'chat').map((entry) => entry.text))).map(brief)
  await expect.poll(stockChat, { timeout: 30_000 }).toEqual(expected.map(brief))
  expect(stock.errors.list).toEqual([])
  expect(rep.errors.list).toEqual([])
})
