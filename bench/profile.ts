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
    if (process.env.PROFILE_CALLERS !== '1') return top.map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`).join('\n')
    // PROFILE_CALLERS=1: under each function, the caller chains (4 frames up) its self time came through, heaviest first.
    const parentOf = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
    const name = (id: number): string => {
      const frame = nodes.get(id)!.callFrame
      return `${frame.functionName || '(anonymous)'}:${frame.lineNumber}`
    }
    const chains = new Map<string, Map<string, number>>()
    profile.samples?.forEach((id, index) => {
      const frame = nodes.get(id)!.callFrame
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`
      const callers: string[] = []
      for (let at = parentOf.get(id); at !== undefined && callers.length < 4; at = parentOf.get(at)) callers.push(name(at))
      const byChain = chains.get(key) ?? new Map<string, number>()
      chains.set(key, byChain)
      const chain = callers.join(' ← ')
      byChain.set(chain, (byChain.get(chain) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000)
    })
    return top
      .map(([key, ms]) => {
        const heaviest = [...(chains.get(key) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 3)
        return [`${ms.toFixed(0).padStart(7)} ms  ${key}`, ...heaviest.map(([chain, chainMs]) => `             ${chainMs.toFixed(0).padStart(5)} ms ← ${chain}`)].join('\n')
      })
      .join('\n')
  }
}
