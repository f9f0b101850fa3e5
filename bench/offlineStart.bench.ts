/**
 * Offline cold start: a rep console with a few sessions is reloaded with the
 * browser context offline (`setOffline`: every HTTP request fails, so the
 * service worker serves the precached shell and IndexedDB the sessions).
 * Measured from the navigation start (`performance.timeOrigin`) to an
 * interactive console: the session tabs listed and the `Message` box
 * editable, read with `performance.now()` right after Playwright sees it
 * (so it includes up to one of its polling steps).
 */
import type { BenchResult } from './benchResult'
import { envInt, load1, newSession, say, startHarness, startRep, stats } from './browser'

const SESSIONS = envInt('OFFLINE_SESSIONS', 5)
const MESSAGES = envInt('OFFLINE_MESSAGES', 20)
const RELOADS = envInt('OFFLINE_RELOADS', 7)

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const { context, page } = await harness.newPerson()
    await startRep(page, 'Bench Rep')
    for (let i = 0; i < SESSIONS; i++) {
      await newSession(page)
      for (let m = 0; m < MESSAGES; m++) await say(page, `session ${i} message ${m}: la impresora no imprime`)
    }
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await context.setOffline(true)
    const samples: number[] = []
    for (let i = 0; i < RELOADS; i++) {
      await page.reload({ waitUntil: 'commit' })
      await page.getByRole('tab').nth(SESSIONS - 1).waitFor()
      const box = page.getByRole('textbox', { name: 'Message' })
      await box.waitFor()
      if (!(await box.isEditable())) throw new Error('composer not editable offline')
      samples.push(await page.evaluate(() => performance.now()))
    }
    const result = stats(samples.slice(1)) // the first reload also warms the SW's script cache
    return [
      {
        name: `offline cold start to interactive console (${SESSIONS} sessions × ${MESSAGES} messages, p50)`,
        unit: 'ms',
        value: Math.round(result.p50),
        values: { min: Math.round(result.min), max: Math.round(result.max), first: Math.round(samples[0] ?? Number.NaN), load1: load1() },
        note: 'context offline; shell from the service worker precache, sessions from IndexedDB',
      },
    ]
  } finally {
    await harness.close()
  }
}
