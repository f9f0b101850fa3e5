/**
 * Bundles: gzipped JavaScript each route makes the browser load, measured by
 * loading the route in a fresh Chromium context (empty cache) and collecting
 * every script response of the page (entry, its static imports, and the lazy
 * chunks the route imports), then gzipping those files from the build output
 * (zlib's default level, as a server compressing on the fly). The service
 * worker's own script and the precache it downloads in the background are not
 * the page's and are left out.
 *
 * - rep console: open, save a profile, create a session (the console ready to chat);
 * - customer page: open the join link as a customer gets it (no `?debug=1`: the test hooks are not the
 *   page's), fill the intake and start the chat;
 * - floor: bench/floor, the least a page can be that syncs a Yjs document over y-webrtc and renders it with
 *   Solid, built with the app's peer for y-webrtc (src/net/linkPeer.ts) (one chunk; all its JS gzipped). The customer page's
 *   budget (60 kB) is shown beside what no page of this stack can go under.
 *
 * The same customer load gives the row `customer page first paint (cold cache)`:
 * the page's first-contentful-paint entry, and `intakeMs`, when the intake's
 * first text box was first in the DOM at a frame (rAF polling from an init
 * script), both from the navigation start of a fresh context (no HTTP cache, no
 * service worker yet).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { build } from 'vite'
import solid from 'vite-plugin-solid'
import type { BenchResult } from './benchResult'
import { appDistDir, load1, newSession, startHarness } from './browser'
import { fastOpenAdapters, lib0DomWithoutSchema, linkPeerForYWebrtc } from '../vite.config.ts'

/**
 * Scripts the service worker machinery loads outside the route's own code:
 * `sw.js`, workbox's runtime, and `workbox-window` (`workbox-window.prod.es5-*.js`,
 * which the old pattern missed), imported by src/app/shell/serviceWorker.ts to
 * register the worker and drive the update prompt, after the page's load event.
 */
const NOT_ROUTE_CODE = /\/(sw|registerSW)\.js$|\/workbox-[\w.-]+\.js$/

/** Starts recording the same-origin script URLs the page loads. */
function recordScripts(page: Page, origin: string): Set<string> {
  const urls = new Set<string>()
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.origin === origin && response.request().resourceType() === 'script' && !NOT_ROUTE_CODE.test(url.pathname)) urls.add(url.pathname)
  })
  return urls
}

/** Opens the console as a rep would, without `debug=1` (its test hooks are a chunk no rep loads), and saves a profile. */
async function startRepWithoutHooks(page: Page, name: string): Promise<void> {
  await page.goto('/?lang=en#/')
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await page.getByRole('button', { name: 'New session' }).waitFor()
}

/** Raw and gzipped bytes of the given built files. */
async function sizes(distDir: string, paths: Set<string>): Promise<{ raw: number; gzip: number; files: number }> {
  let raw = 0
  let gzip = 0
  for (const path of paths) {
    const bytes = await readFile(join(distDir, decodeURIComponent(path)))
    raw += bytes.byteLength
    gzip += gzipSync(bytes).byteLength
  }
  return { raw, gzip, files: paths.size }
}

/** Prints each recorded file's gzipped size per route (`BUNDLES_LIST=1 npm run bench -- bundles`), to see what a route loads. */
async function listFiles(distDir: string, routes: Record<string, Set<string>>): Promise<void> {
  for (const [route, paths] of Object.entries(routes)) {
    const rows = await Promise.all([...paths].map(async (path) => `${path} ${((await sizes(distDir, new Set([path]))).gzip / 1000).toFixed(1)}`))
    process.stderr.write(`${route}: ${rows.sort().join(', ')}\n`)
  }
}

/** Opens the join link as the customer gets it (no test query), fills the intake and waits for the chat. */
async function joinAsCustomer(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link.replace('/#/', '/?lang=en#/'))
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('textbox', { name: 'Describe your problem' }).fill('My printer does not print')
  await page.getByRole('button', { name: 'Start chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
}

/**
 * Builds one page of bench/floor (`index.html`, the floor; `essentials.html`, the floor with the chat's
 * essentials) into a temp folder and returns the sizes of the JavaScript that page loads up front: its entry
 * chunk, the chunks the built HTML preloads, and the Web Workers it starts (the essentials verify entries in
 * one, as the customer page does: `*Worker-<hash>.js`); chunks only fetched later, like the Spanish catalog,
 * are not. The essentials are built with the app's adapters for Yjs and y-webrtc too (vite.config.ts), so
 * their connection code is the customer page's.
 */
async function floorSize(page = 'index.html'): Promise<{ raw: number; gzip: number; files: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'asiste-bench-floor-'))
  const root = fileURLToPath(new URL('./floor', import.meta.url))
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'error',
      plugins: [linkPeerForYWebrtc(), ...(page === 'index.html' ? [] : [fastOpenAdapters()]), lib0DomWithoutSchema(), solid()],
      build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(root, page) } },
    })
    const html = await readFile(join(outDir, page), 'utf8')
    const scripts = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!))
    for (const name of await readdir(join(outDir, 'assets'))) if (/Worker-[\w-]+\.js$/.test(name)) scripts.add(`/assets/${name}`)
    return await sizes(outDir, scripts)
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult[]> {
  const floor = await floorSize()
  const essentials = await floorSize('essentials.html')
  const distDir = await appDistDir()
  const harness = await startHarness()
  try {
    const origin = new URL(harness.baseURL).origin
    const rep = await harness.newPerson()
    const repScripts = recordScripts(rep.page, origin)
    await startRepWithoutHooks(rep.page, 'Bench Rep')
    const link = await newSession(rep.page)
    await rep.page.waitForLoadState('networkidle')
    // The console with its session open, before anyone joins; what the customer's arrival loads on the rep's page
    // (the tamper checks, for one) is the row after it.
    const repAtOpen = new Set(repScripts)

    const customer = await harness.newPerson()
    const customerScripts = recordScripts(customer.page, origin)
    await customer.page.addInitScript(() => {
      const poll = (): void => {
        if (document.querySelector('input, textarea')) Reflect.set(window, '__intakeShownMs', performance.now())
        else requestAnimationFrame(poll)
      }
      requestAnimationFrame(poll)
    })
    await joinAsCustomer(customer.page, link, 'Bench Customer')
    const paint = await customer.page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      intake: Number(Reflect.get(window, '__intakeShownMs') ?? -1),
    }))
    await customer.page.waitForLoadState('networkidle')
    await rep.page.waitForLoadState('networkidle')

    const [repSize, repJoinedSize, customerSize] = [await sizes(distDir, repAtOpen), await sizes(distDir, repScripts), await sizes(distDir, customerScripts)]
    if (process.env.BUNDLES_LIST) await listFiles(distDir, { 'rep console': repAtOpen, 'rep console, customer joined': repScripts, 'customer page': customerScripts })
    if (repSize.files === 0 || customerSize.files === 0) throw new Error('no script responses recorded')
    const kB = (bytes: number): number => Math.round(bytes / 100) / 10
    return [
      {
        name: 'bundle: rep console JS (gzip)',
        unit: 'kB',
        value: kB(repSize.gzip),
        values: { rawKB: kB(repSize.raw), files: repSize.files },
        note: 'scripts loaded to reach a console with a session open, before anyone joins (no ?debug=1; workbox-window, loaded after the load event to register the service worker and drive the update prompt, not counted)',
      },
      {
        name: 'bundle: rep console JS once the customer joined (gzip)',
        unit: 'kB',
        value: kB(repJoinedSize.gzip),
        values: { rawKB: kB(repJoinedSize.raw), files: repJoinedSize.files },
        note: 'the row above plus what the rep page loads when the customer joins and chats (the tamper checks: the customer doc now holds another client\'s writes); no budget of its own',
      },
      {
        name: 'bundle: customer page JS (gzip)',
        unit: 'kB',
        value: kB(customerSize.gzip),
        values: { rawKB: kB(customerSize.raw), files: customerSize.files },
        note: 'scripts loaded from the join link (no ?debug=1) to the chat',
      },
      {
        name: 'bundle: floor, Yjs + y-webrtc + Solid only (gzip)',
        unit: 'kB',
        value: kB(floor.gzip),
        values: { rawKB: kB(floor.raw), files: floor.files },
        note: 'bench/floor: a minimal page syncing one Y.Array over y-webrtc, rendered with Solid; no app code',
      },
      {
        name: 'bundle: floor + the chat\'s essentials (gzip)',
        unit: 'kB',
        value: kB(essentials.gzip),
        values: { rawKB: kB(essentials.raw), files: essentials.files },
        note: 'bench/floor/essentials.tsx: the floor plus what a secure customer chat cannot go without, from the app: connectDoc with every connection guard (hashed room names, chunked channels for the 256 KiB cap, per-peer rate limits, signaling guard, awareness filter), IndexedDB persistence, signed entries (reps\' verified in a worker, the customer\'s signed), intake and attendee written, signed delivery receipts and verified Delivered/Seen marks, English catalog, entry view and message box',
      },
      {
        name: 'customer page first paint (cold cache)',
        unit: 'ms',
        value: Math.round(paint.fcp),
        values: { intakeMs: Math.round(paint.intake), load1: load1() },
        note: 'first-contentful-paint and first intake text box, from navigation start, fresh context (loopback server)',
      },
    ]
  } finally {
    await harness.close()
  }
}
