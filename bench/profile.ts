/**
 * Where a page's main-thread time goes: the CPU profiler over a stretch of a
 * benchmark (e.g. `BIG_SESSION_PROFILE=1`, `LATE_JOIN_PROFILE=1`), reported as
 * the functions with the most self time. A diagnosis aid, not a row.
 */
import type { Page } from '@playwright/test'

const PROFILE_TOP = 15

/** Starts the CPU profiler on `page`; the returned function stops it and lists the functions with the most self time. */
export async function startProfile(page: Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    const selfMs = new Map<string, number>()
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    profile.samples?.forEach((id, index) => {
      const frame = nodes.get(id)!.callFrame
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`
      selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000)
    })
    const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, PROFILE_TOP)
    return top.map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`).join('\n')
  }
}
