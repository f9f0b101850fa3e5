/**
 * What runs inside the rep's Enter keydown dispatch (issue 20, "rep page busy after Enter"): the same
 * pages and Enter as `bench/delivery.bench.ts`, with the CPU profiler sampling every 50 µs, and only the
 * samples that fall between the keydown's capture listener and its end (the app's handlers and the
 * microtasks they queued) counted. Not a benchmark row; run it by hand:
 *
 *     npx tsx bench/dispatchProfile.ts        # DISPATCH_PROFILE_MESSAGES=300
 *
 * The app is built unminified (names survive) into a temp folder. Messages are grouped by the transcript's
 * kind of list when they were sent: plain (≤ SHORT_LIST_MAX entries) and virtual (past it). For each group
 * it prints the dispatch's p50, and the functions with the most self and inclusive time inside it.
 * Profile samples carry the browser's monotonic clock; the page's `performance.now()` counts from its
 * navigation start on the same clock (CDP `Performance.getMetrics`' `NavigationStart`), which aligns them.
 */
import type { CDPSession, Page } from '@playwright/test'
import { envInt, load1, stats } from './browser'
import { sendThroughComposer, withProfiledChat } from './unminifiedBuild'
import { indexProfile, type CpuProfile } from './cpuProfile'
import { SHORT_LIST_MAX } from '../src/views/session/transcriptRows'

const MESSAGES = envInt('DISPATCH_PROFILE_MESSAGES', 300)
const WARMUP = 5
const SAMPLING_US = 50
const TOP = envInt('DISPATCH_PROFILE_TOP', 30)
const CALLER_DEPTH = 4
const TREE_DEPTH = envInt('DISPATCH_PROFILE_DEPTH', 3)
const TREE_MIN_MS = 0.02
const CALLERS_OF = 12 // the functions with most self time whose callers are listed


declare global {
  interface Window {
    /** Rep page: `performance.now()` at each Enter's capture listener and at its dispatch's end. */
    __dispatches?: { at: number; end: number }[]
  }
}

async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const list: { at: number; end: number }[] = []
    window.__dispatches = list
    let current: { at: number; end: number } | undefined
    document.addEventListener(
      'keydown',
      (event) => {
        current = undefined
        if (event.key !== 'Enter' || event.shiftKey || !(event.target instanceof HTMLTextAreaElement)) return
        current = { at: performance.now(), end: Number.NaN }
        list.push(current)
      },
      true,
    )
    window.addEventListener('keydown', () => {
      if (current) current.end = performance.now()
    })
  })
}

/** Calls `each` with every sample taken inside one of the windows (sorted, µs on the profile clock) and its µs. */
function eachSampleIn(profile: CpuProfile, windows: [number, number][], each: (id: number, us: number) => void): void {
  let at = profile.startTime
  let w = 0
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0
    while (w < windows.length && windows[w]![1] < at) w++
    const window = windows[w]
    if (window && at >= window[0]) each(id, profile.timeDeltas[i + 1] ?? 0)
  })
}

/** Self and inclusive µs per function label over the samples taken inside the windows (µs, profile clock). */
function summarize(profile: CpuProfile, windows: [number, number][]): { self: Map<string, number>; total: Map<string, number>; callers: Map<string, Map<string, number>>; sampledUs: number } {
  const { byId, parent, label } = indexProfile(profile)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  // Per function, the inclusive time under each caller chain (up to CALLER_DEPTH frames, nearest first).
  const callers = new Map<string, Map<string, number>>()
  let sampledUs = 0
  eachSampleIn(profile, windows, (id, us) => {
    sampledUs += us
    if (!byId.has(id)) return
    self.set(label(id), (self.get(label(id)) ?? 0) + us)
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = label(node)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + us)
      const chain: string[] = []
      for (let up = parent.get(node); up !== undefined && chain.length < CALLER_DEPTH; up = parent.get(up)) chain.push(label(up))
      const byChain = callers.get(name) ?? new Map<string, number>()
      byChain.set(chain.join(' ← '), (byChain.get(chain.join(' ← ')) ?? 0) + us)
      callers.set(name, byChain)
    }
  })
  return { self, total, callers, sampledUs }
}

/**
 * Top-down: the inclusive time of each function's direct callees, over the nodes of the functions named in
 * `DISPATCH_PROFILE_TREE` (comma-separated name prefixes, e.g. `flush,appendEntry`), two levels down.
 */
function printTree(profile: CpuProfile, windows: [number, number][], roots: string[], count: number): void {
  const { parent, label: name } = indexProfile(profile)
  // Per sample in the windows, its stack root-first; then, for each root match, the path below it.
  const paths = new Map<string, number>()
  eachSampleIn(profile, windows, (id, us) => {
    const stack: string[] = []
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) stack.unshift(name(node))
    const start = stack.findIndex((frame) => roots.some((root) => frame.startsWith(`${root} `)))
    if (start === -1) return
    for (let depth = 1; depth <= TREE_DEPTH; depth++) {
      const path = stack.slice(start, start + depth + 1).join(' → ')
      if (start + depth < stack.length) paths.set(path, (paths.get(path) ?? 0) + us)
    }
  })
  console.log(`\ncallees of ${roots.join(', ')} (ms per Enter, ≥ ${TREE_MIN_MS} ms)`)
  for (const [path, us] of [...paths].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (us / 1000 / count < TREE_MIN_MS) continue
    const frames = path.split(' → ')
    console.log(`${(us / 1000 / count).toFixed(3).padStart(8)}  ${'  '.repeat(frames.length - 2)}${frames.at(-1)}`)
  }
}

function printTop(title: string, values: Map<string, number>, count: number): void {
  console.log(`\n${title} (ms per Enter)`)
  const rows = [...values].filter(([name]) => !name.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, TOP)
  for (const [name, us] of rows) console.log(`${(us / 1000 / count).toFixed(3).padStart(8)}  ${name}`)
}

async function navigationStartUs(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  const start = metrics.find((metric) => metric.name === 'NavigationStart')?.value
  if (start === undefined) throw new Error('no NavigationStart metric')
  return start * 1e6
}

async function main(): Promise<void> {
  await withProfiledChat('dispatch-profile', 'DISPATCH_PROFILE_KEEP', 'Dispatch probe', WARMUP, async ({ rep, customer, text, loadBefore }) => {
    // Entries before the timed messages (the session's notes and the warm-up), to group messages by list kind.
    const before = await rep.evaluate(() => Number.parseInt(document.querySelector('.transcript__count')?.textContent?.replace(/,/g, '') ?? '0', 10))
    await instrument(rep)
    const session = await rep.context().newCDPSession(rep)
    await session.send('Performance.enable')
    const origin = await navigationStartUs(session)
    await session.send('Profiler.enable')
    await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US })
    await session.send('Profiler.start')
    for (let i = 0; i < MESSAGES; i++) await sendThroughComposer(rep, customer, text(i))
    const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile }
    const dispatches = await rep.evaluate(() => window.__dispatches ?? [])

    console.log(`dispatch profile: ${MESSAGES} Enters on the rep page (${before} entries before), load1 ${Math.max(loadBefore, load1())}`)
    const groups: [string, { at: number; end: number }[]][] = [
      [`plain list (≤ ${SHORT_LIST_MAX} entries)`, dispatches.filter((_, i) => before + i < SHORT_LIST_MAX)],
      ['virtual list', dispatches.filter((_, i) => before + i >= SHORT_LIST_MAX + 2)],
    ]
    for (const [name, list] of groups) {
      if (list.length === 0) continue
      const durations = stats(list.map((d) => d.end - d.at))
      const windows = list.map((d): [number, number] => [origin + d.at * 1000, origin + d.end * 1000])
      const { self, total, callers, sampledUs } = summarize(profile, windows)
      console.log(`\n== ${name}: ${list.length} Enters, dispatch p50 ${durations.p50.toFixed(2)} ms, p90 ${durations.p90.toFixed(2)}, mean ${durations.mean.toFixed(2)}; sampled ${(sampledUs / 1000 / list.length).toFixed(2)} ms per Enter`)
      printTop('self time', self, list.length)
      printTop('inclusive time', total, list.length)
      const tree = process.env.DISPATCH_PROFILE_TREE?.split(',').filter(Boolean)
      if (tree?.length) printTree(profile, windows, tree, list.length)
      console.log('\ncallers of the functions with most self time (ms per Enter, inclusive)')
      const named = [...self].filter(([name]) => !name.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, CALLERS_OF)
      for (const [name] of named) {
        console.log(`  ${name}`)
        const chains = [...(callers.get(name) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 3)
        for (const [chain, us] of chains) console.log(`  ${(us / 1000 / list.length).toFixed(3).padStart(8)}  ← ${chain}`)
      }
    }
  })
}

await main()
