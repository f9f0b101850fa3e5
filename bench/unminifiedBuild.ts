/** The app built without minification (function names kept, for CPU profiles) into a temp folder, and the chat the by-hand profiles run on it. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { joinAsCustomer, load1, newSession, startHarness, startRep } from './browser'

/** Builds the working tree unminified into `<tmp>/asiste-<name>-<pid>` and returns that folder. */
export async function buildUnminified(name: string): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const outDir = join(tmpdir(), `asiste-${name}-${process.pid}`)
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/vite'), ['build', '--minify', 'false', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}`))))
  })
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no build in ${outDir}`)
  return outDir
}

/** A rep and a joined customer on the unminified build, for the by-hand profiles (sendProfile.ts, dispatchProfile.ts). */
export interface ProfiledChat {
  rep: Page
  customer: Page
  /** The n-th probe's text (negative n: the warm-up's). */
  text: (n: number) => string
  loadBefore: number
}

/**
 * Builds the app unminified, opens a rep console and a joined customer, sends `warmup` probes, runs `body`,
 * then closes everything and removes the build (kept, and its folder printed, when `${keepEnv}=1`).
 */
export async function withProfiledChat(name: string, keepEnv: string, probe: string, warmup: number, body: (chat: ProfiledChat) => Promise<void>): Promise<void> {
  const distDir = await buildUnminified(name)
  process.env.BENCH_DIST_DIR = distDir
  const harness = await startHarness()
  try {
    const loadBefore = load1()
    const rep = await harness.newPerson()
    const customer = await harness.newPerson()
    await startRep(rep.page, 'Profile Rep')
    await joinAsCustomer(customer.page, await newSession(rep.page), 'Profile Customer')
    const text = (n: number): string => `${probe} ${n} — could you restart the printer and tell me what it shows?`
    for (let i = 0; i < warmup; i++) await sendThroughComposer(rep.page, customer.page, text(-1 - i))
    await body({ rep: rep.page, customer: customer.page, text, loadBefore })
  } finally {
    await harness.close()
    if (process.env[keepEnv] === '1') console.log(`\nbuild kept: ${distDir}`)
    else await rm(distDir, { recursive: true, force: true })
  }
}

/** Sends one message through the rep's composer and waits until the customer's transcript shows it. */
export async function sendThroughComposer(rep: Page, customer: Page, text: string): Promise<void> {
  const box = rep.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  await customer.waitForFunction(
    (marker) => [...document.querySelectorAll('[role="log"][aria-label="Transcript"] article')].some((article) => article.textContent?.includes(marker)),
    text,
  )
}
