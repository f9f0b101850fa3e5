/**
 * Main-thread CPU time of a page from a Chromium trace, between marks the page
 * sets with `console.timeStamp(name)`. CPU time (thread time of the main
 * thread's top-level tasks) is what a change costs the page whatever else the
 * machine runs: on two shared cores the wall clock mostly measures the other
 * processes (BENCHMARKS.md, "Issue 20 round").
 */
import type { Page } from '@playwright/test'

/** One event of a Chromium trace (the fields read here). */
export interface TraceEvent {
  name: string
  ph: string
  ts: number
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { message?: string } }
}

/** Main-thread time of the tasks that started in a window of the trace, in ms. */
export interface CpuWindow {
  /** CPU (thread) time. */
  cpuMs: number
  /** Wall time of the same tasks. */
  taskMs: number
  /** The longest single task's CPU time. */
  longestMs: number
}

/** A stopped trace: its events, and the main thread's time between two marks (or the trace's ends). */
export interface CpuTrace {
  events: TraceEvent[]
  /** Tasks starting after mark `from` (the start when undefined) and up to mark `to` (the end when undefined). */
  between(from: string | undefined, to: string | undefined): CpuWindow
}

/** Starts tracing `page`; the returned function stops and reads the trace. */
export async function startCpuTrace(page: Page): Promise<() => Promise<CpuTrace>> {
  const browser = page.context().browser()
  if (!browser) throw new Error('no browser to trace')
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] })
  return async () => {
    const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
    const mark = (name: string): TraceEvent => {
      const found = events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === name)
      if (!found) throw new Error(`the trace has no ${name} mark`)
      return found
    }
    return {
      events,
      between(from, to) {
        const start = from === undefined ? undefined : mark(from)
        const end = to === undefined ? undefined : mark(to)
        const thread = start ?? end
        if (!thread) throw new Error('name at least one mark: it says which thread is the main one')
        const window: CpuWindow = { cpuMs: 0, taskMs: 0, longestMs: 0 }
        for (const event of events) {
          if (event.ph !== 'X' || event.pid !== thread.pid || event.tid !== thread.tid || !/RunTask$/.test(event.name)) continue
          if ((start && event.ts < start.ts) || (end && event.ts > end.ts)) continue
          const cpu = (event.tdur ?? 0) / 1000
          window.cpuMs += cpu
          window.taskMs += (event.dur ?? 0) / 1000
          window.longestMs = Math.max(window.longestMs, cpu)
        }
        return window
      },
    }
  }
}
