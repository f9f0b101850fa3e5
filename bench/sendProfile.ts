/**
 * A profile of the send path (issue 20): composer → transaction → relay →
 * persistence → channel on the rep's page, and the receiving customer page.
 * Not a benchmark row (it measures where time goes, not how long a thing
 * takes); run it by hand:
 *
 *     npx tsx bench/sendProfile.ts            # SEND_PROFILE_MESSAGES=60
 *
 * `SEND_PROFILE_KEEP=1` keeps the unminified build (its path is printed) to
 * look up a `file:line` of the tables.
 *
 * The app is built unminified (function names survive) into a temp folder.
 * For each page it prints, over the timed messages:
 * - Chromium's own counters per message (CDP `Performance.getMetrics`):
 *   layouts, style recalcs, their durations, script and task time;
 * - the functions with the most self time, and the most inclusive time, from
 *   a V8 CPU profile sampled every 100 µs (`Profiler`).
 * Layout forced from script shows up as self time of the function that read
 * the layout (a `scrollHeight` or `getBoundingClientRect` after a write).
 */
import type { CDPSession } from '@playwright/test'
import { envInt, load1 } from './browser'
import { sendThroughComposer, withProfiledChat } from './unminifiedBuild'
import { indexProfile, type CpuProfile } from './cpuProfile'

const MESSAGES = envInt('SEND_PROFILE_MESSAGES', 60)
const WARMUP = 5
const SAMPLING_US = 100
const TOP = 25
const METRICS = ['LayoutCount', 'RecalcStyleCount', 'LayoutDuration', 'RecalcStyleDuration', 'ScriptDuration', 'TaskDuration'] as const


async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return Object.fromEntries(list.map(({ name, value }) => [name, value]))
}

/** Self and inclusive ms per function (`name file:line`), recursion counted once per stack. */
function summarize(profile: CpuProfile): { self: Map<string, number>; total: Map<string, number> } {
  const { byId, parent, label } = indexProfile(profile)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000
    if (!byId.has(id)) return
    self.set(label(id), (self.get(label(id)) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(at)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + ms)
    }
  })
  return { self, total }
}

function printTop(title: string, values: Map<string, number>, perMessage: number): void {
  console.log(`\n${title} (ms per message)`)
  const rows = [...values].filter(([name]) => !name.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, TOP)
  for (const [name, ms] of rows) console.log(`${(ms / perMessage).toFixed(3).padStart(8)}  ${name}`)
}

async function main(): Promise<void> {
  await withProfiledChat('send-profile', 'SEND_PROFILE_KEEP', 'Profile probe', WARMUP, async ({ rep, customer, text, loadBefore }) => {
    const sessions = await Promise.all([rep, customer].map((page) => page.context().newCDPSession(page)))
    for (const session of sessions) {
      await session.send('Performance.enable')
      await session.send('Profiler.enable')
      await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US })
    }
    const before = await Promise.all(sessions.map(metrics))
    for (const session of sessions) await session.send('Profiler.start')
    for (let i = 0; i < MESSAGES; i++) await sendThroughComposer(rep, customer, text(i))
    const profiles = await Promise.all(sessions.map(async (session) => ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile))
    const after = await Promise.all(sessions.map(metrics))

    console.log(`send profile: ${MESSAGES} messages rep → customer, load1 ${Math.max(loadBefore, load1())}`)
    ;['rep', 'customer'].forEach((who, index) => {
      console.log(`\n== ${who} page ==`)
      for (const name of METRICS) {
        const delta = (after[index]![name] ?? 0) - (before[index]![name] ?? 0)
        const value = name.endsWith('Duration') ? `${((delta * 1000) / MESSAGES).toFixed(3)} ms` : (delta / MESSAGES).toFixed(2)
        console.log(`${name.padEnd(20)} ${value} per message`)
      }
      const { self, total } = summarize(profiles[index]!)
      printTop(`${who}: self time`, self, MESSAGES)
      printTop(`${who}: inclusive time`, total, MESSAGES)
    })
  })
}

await main()
