/**
 * What the browser benchmarks share: a build of the app in a temp folder,
 * the real server started in-process on a free port, Chromium launched the
 * way the browser tests launch it, one browser context per person, and the
 * UI steps a rep and a customer take (by role and accessible name, as in
 * tests/e2e/people.ts, re-stated here so benchmarks don't import the test
 * runner's fixtures).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat, symlink } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../playwright.config.ts'
import { startServer, type RunningServer } from '../server/startServer.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** What the built app depends on; a change to any of these means a new build. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json']

async function listFiles(path: string): Promise<string[]> {
  if (!existsSync(path)) return []
  if (!(await stat(path)).isDirectory()) return [path]
  const entries = await readdir(path, { withFileTypes: true })
  const nested = await Promise.all(entries.map((entry) => listFiles(join(path, entry.name))))
  return nested.flat()
}

/** A hash of every build input's path and content. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256')
  const files = (await Promise.all(BUILD_INPUTS.map((input) => listFiles(join(ROOT, input))))).flat().sort()
  for (const file of files) {
    hash.update(relative(ROOT, file))
    hash.update('\0')
    hash.update(await readFile(file))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/** Runs a command; resolves with its stdout, rejects with its stderr. */
function run(command: string, args: string[], cwd = ROOT): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`))))
  })
}

/** Removes earlier benchmark builds untouched for an hour (a concurrent run may still be using a recent one). */
async function pruneOldBuilds(keep: string): Promise<void> {
  const prefix = 'asiste-bench-dist-'
  const cutoff = Date.now() - 60 * 60 * 1000
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name)
    if (!name.startsWith(prefix) || path === keep) continue
    const info = await stat(path).catch(() => undefined)
    if (info && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true })
  }
}

let built: Promise<string> | undefined

/**
 * The app to benchmark, built into a temp folder named after its sources and
 * reused while they stay the same; `dist/` is never touched (others may be
 * rebuilding it). By default the working tree is built; `BENCH_APP_REF=<commit>`
 * builds that commit instead (extracted with `git archive`, sharing this
 * checkout's node_modules), so a run can name exactly what it measured while
 * src/ is being edited. `BENCH_DIST_DIR=<folder>` uses a build made beforehand
 * (e.g. to iterate on one benchmark while others keep changing src/).
 */
export function appDistDir(): Promise<string> {
  return (built ??= (async () => {
    const prebuilt = process.env.BENCH_DIST_DIR?.trim()
    if (prebuilt) {
      if (!existsSync(join(prebuilt, 'index.html'))) throw new Error(`BENCH_DIST_DIR: no index.html in ${prebuilt}`)
      console.error(`app: prebuilt (${prebuilt})`)
      return prebuilt
    }
    const ref = process.env.BENCH_APP_REF?.trim()
    const commit = ref ? (await run('git', ['rev-parse', '--verify', `${ref}^{commit}`])).trim() : undefined
    const dir = join(tmpdir(), `asiste-bench-dist-${commit ? commit.slice(0, 16) : await sourceHash()}`)
    console.error(`app: ${commit ? `commit ${commit}` : 'working tree'} (${dir})`)
    if (existsSync(join(dir, 'index.html'))) return dir
    const staging = `${dir}.building-${process.pid}`
    const checkout = commit ? join(tmpdir(), `asiste-bench-src-${commit.slice(0, 16)}-${process.pid}`) : undefined
    console.error('building the app…')
    try {
      if (checkout && commit) {
        await mkdir(checkout, { recursive: true })
        await run('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', commit, checkout])
        await symlink(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir')
      }
      await run(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], checkout ?? ROOT)
      await rm(dir, { recursive: true, force: true })
      await rename(staging, dir)
    } finally {
      await rm(staging, { recursive: true, force: true })
      if (checkout) await rm(checkout, { recursive: true, force: true })
    }
    await pruneOldBuilds(dir)
    return dir
  })())
}

/** One participant: their own browser context (own storage, so peers meet over WebRTC) and one page. */
export interface Person {
  context: BrowserContext
  page: Page
}

/** A running server and browser; `close()` stops both. */
export interface Harness {
  baseURL: string
  browser: Browser
  server: RunningServer
  newPerson(): Promise<Person>
  close(): Promise<void>
}

/** Builds (if needed) and serves the app on a free loopback port, and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const distDir = await appDistDir()
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir, log: () => {} })
  const baseURL = `http://127.0.0.1:${server.port}/`
  let browser: Browser
  try {
    browser = await chromium.launch(chromiumLaunchOptions())
  } catch (error) {
    await server.close()
    throw error
  }
  const contexts: BrowserContext[] = []
  return {
    baseURL,
    browser,
    server,
    async newPerson() {
      const context = await browser.newContext({ baseURL, locale: 'en-US' })
      contexts.push(context)
      // tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(...)`;
      // functions passed to page.evaluate carry those calls into the page, so define it there.
      await context.addInitScript('globalThis.__name ??= (fn) => fn')
      return { context, page: await context.newPage() }
    },
    async close() {
      await Promise.allSettled(contexts.map((context) => context.close()))
      await browser.close().catch(() => {})
      await server.close()
    },
  }
}

/** Opens the rep console (English, test hooks on) and saves a profile. */
export async function startRep(page: Page, name: string): Promise<void> {
  await page.goto('/?lang=en&debug=1#/')
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await page.getByRole('button', { name: 'New session' }).waitFor()
}

/** Creates a session and returns its customer link. */
export async function newSession(page: Page): Promise<string> {
  const before = await page.getByRole('tab').count()
  await page.getByRole('button', { name: 'New session' }).click()
  // Wait for the new session's own panel: the previous session's panel (and its link and Message box) stays
  // until the new tab is selected, and a message typed meanwhile would go to the previous session.
  await page.waitForFunction((count) => {
    const selected = document.querySelector('[role="tab"][aria-selected="true"]')
    return document.querySelectorAll('[role="tab"]').length > count && selected !== null && document.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby') === selected.id
  }, before)
  const box = page.getByRole('tabpanel').getByRole('textbox', { name: 'Customer link' })
  await box.waitFor()
  const link = await box.inputValue()
  if (!/#\/join\/[\w-]+\.[\w-]{22,}(\.[\w-]+)?$/.test(link)) throw new Error(`unexpected customer link: ${link}`)
  return link
}

/** The join link with the test hooks and English UI switched on (query before the fragment). */
export function withTestQuery(link: string): string {
  return link.replace('/#/', '/?lang=en&debug=1#/')
}

/** Opens the join link and fills the intake; the caller clicks `Start chat` (so it can time it). */
export async function openJoinLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(withTestQuery(link))
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('textbox', { name: 'Describe your problem' }).fill('My printer does not print')
}

/** Opens the join link, completes the intake and waits for the chat. */
export async function joinAsCustomer(page: Page, link: string, name: string): Promise<void> {
  await openJoinLink(page, link, name)
  await page.getByRole('button', { name: 'Start chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
}

/** Sends one message through the composer: fill, Enter, and wait until the box is cleared (i.e. sent). */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.value === '')
}

/** The transcript's count line in the English UI: plural rules and grouped digits ("1 message", "2,501 messages"). */
export function messageCountText(count: number): string {
  return `${new Intl.NumberFormat('en').format(count)} ${count === 1 ? 'message' : 'messages'}`
}

/** Waits until the page shows the `<count> message(s)` line of the transcript. */
export async function waitForCount(page: Page, count: number, timeout = 60_000): Promise<void> {
  await page.getByText(messageCountText(count), { exact: true }).waitFor({ timeout })
}

/**
 * The page clock (`performance.timeOrigin + performance.now()`) minus Node's,
 * estimated NTP-style from the evaluate round trip with the smallest delay;
 * `errorMs` bounds it (half that round trip).
 */
export async function clockOffset(page: Page, samples = 40): Promise<{ offsetMs: number; errorMs: number }> {
  let best = { offsetMs: Number.NaN, errorMs: Number.POSITIVE_INFINITY }
  for (let i = 0; i < samples; i++) {
    const sent = performance.timeOrigin + performance.now()
    const pageClock = await page.evaluate(() => performance.timeOrigin + performance.now())
    const received = performance.timeOrigin + performance.now()
    const errorMs = (received - sent) / 2
    if (errorMs < best.errorMs) best = { offsetMs: pageClock - (sent + received) / 2, errorMs }
  }
  return best
}

/** Sorted-sample statistics in ms. */
export interface Stats {
  p50: number
  p90: number
  p95: number
  p99: number
  mean: number
  min: number
  max: number
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
  return {
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  }
}

/** Reads a positive integer from the environment, or the fallback. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: "${raw}" must be a positive whole number`)
  return value
}

/** The 1-minute load average, stored with browser rows: on a shared 2-core box other work shows in the tails. */
export function load1(): number {
  return Math.round(loadavg()[0]! * 100) / 100
}
