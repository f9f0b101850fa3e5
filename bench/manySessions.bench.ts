/**
 * Many sessions: a rep console with 20 open sessions (each created in the UI
 * and holding one message), then
 *
 * - JS heap: `Runtime.getHeapUsage` (used size) over CDP after a forced
 *   garbage collection (`HeapProfiler.collectGarbage`), so it counts live
 *   objects only;
 * - tab switch: in the page, from a tab's click to the end of the first
 *   frame after it (rAF, then a task: style, layout and paint done) with the
 *   session's panel showing its own message; every tab, PASSES times.
 *
 * Each wait has a limit and fails the module saying which session did not
 * show what, rather than hanging (an earlier harness race typed a message
 * into the previous session and left a tab switch waiting for ever).
 */
import type { Page } from '@playwright/test'
import type { BenchResult } from './benchResult'
import { envInt, load1, newSession, say, startHarness, startRep, stats } from './browser'

const SESSIONS = envInt('MANY_SESSIONS', 20)
const PASSES = 3 // rounds through every tab; the first warms each session's code paths and is left out
/** Per wait (a sent message in its transcript, a tab's panel): seconds even on a loaded 2-core box. */
const SHOW_TIMEOUT_MS = 30_000

/** Creates the sessions; returns each one's tab id and message marker. */
async function openSessions(page: Page): Promise<{ tabId: string; marker: string }[]> {
  const sessions: { tabId: string; marker: string }[] = []
  for (let i = 0; i < SESSIONS; i++) {
    await newSession(page)
    const marker = `[many-${i}]`
    await say(page, `Session ${i} ${marker}: the printer does not print`)
    const tabId = await page.getByRole('tab', { selected: true }).getAttribute('id')
    if (!tabId) throw new Error('the selected tab has no id')
    // The message must be in this session's own transcript (not the previous one's) before the next session starts.
    const panel = page.locator(`[role="tabpanel"][aria-labelledby="${tabId}"]`)
    await panel
      .getByRole('log', { name: 'Transcript' })
      .getByText(marker)
      .waitFor({ timeout: SHOW_TIMEOUT_MS })
      .catch((error: unknown) => {
        throw new Error(`session ${i + 1}: the message sent in it did not show in its transcript within ${SHOW_TIMEOUT_MS / 1000} s`, { cause: error })
      })
    sessions.push({ tabId, marker })
  }
  return sessions
}

/** Clicks a tab and returns ms until the frame after its panel shows the session's own message. */
function switchTo(page: Page, tabId: string, marker: string): Promise<number> {
  return page.evaluate(
    async ([id, expected, timeoutMs]) => {
      const tab = document.getElementById(id)
      if (!tab) throw new Error(`no tab ${id}`)
      const started = performance.now()
      tab.click()
      const shown = (): boolean => {
        const panel = document.querySelector(`[role="tabpanel"][aria-labelledby="${id}"]`)
        return [...(panel?.querySelectorAll('[role="log"] article') ?? [])].some((article) => article.textContent?.includes(expected))
      }
      if (!shown()) {
        await new Promise<void>((resolve, reject) => {
          const observer = new MutationObserver(() => {
            if (!shown()) return
            observer.disconnect()
            clearTimeout(timer)
            resolve()
          })
          const timer = setTimeout(() => {
            observer.disconnect()
            reject(new Error(`tab ${id}: its panel did not show "${expected}" within ${timeoutMs / 1000} s`))
          }, timeoutMs)
          observer.observe(document.body, { childList: true, subtree: true, characterData: true })
        })
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      return performance.now() - started
    },
    [tabId, marker, SHOW_TIMEOUT_MS] as const,
  )
}

export async function run(): Promise<BenchResult[]> {
  const harness = await startHarness()
  try {
    const { context, page } = await harness.newPerson()
    await startRep(page, 'Bench Rep')
    const sessions = await openSessions(page)
    const loadBefore = load1()
    const samples: number[] = []
    for (let pass = 0; pass < PASSES; pass++) {
      for (const { tabId, marker } of sessions) {
        const ms = await switchTo(page, tabId, marker)
        if (pass > 0) samples.push(ms)
      }
    }
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    const switches = stats(samples)
    const load = Math.max(loadBefore, load1())
    return [
      {
        name: `many sessions@${SESSIONS}: JS heap`,
        unit: 'MB',
        value: Math.round(heap.usedSize / 1e5) / 10,
        values: { totalMB: Math.round(heap.totalSize / 1e5) / 10 },
        note: 'used JS heap of the rep console after a forced GC',
      },
      {
        name: `many sessions@${SESSIONS}: tab switch`,
        unit: 'ms',
        value: switches.p50,
        values: { p95: switches.p95, max: switches.max, switches: samples.length, load1: load },
        note: 'tab click → first frame after its panel shows the session (rAF + task)',
      },
    ]
  } finally {
    await harness.close()
  }
}
