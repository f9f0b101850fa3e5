/**
 * One-way "write → applied in the other peer's document" latency, shared by
 * every transport the benchmarks compare. Each page exposes the same small
 * API as `window.__benchDoc` (installed by the caller: from the app's debug
 * hooks, or from the y-websocket relay client):
 *
 * - `write(marker)` appends a chat entry whose text holds `marker` and
 *   returns the page-clock time taken just before the write;
 * - `arrival(marker)` resolves with the page-clock time at which an entry
 *   holding `marker` was applied to the page's document (a Yjs observer, so
 *   no rendering is involved).
 *
 * Writes go one at a time, each awaited before the next (latency, not
 * throughput). Both pages run in one browser on one machine, so their clocks
 * (`performance.timeOrigin + performance.now()`) are comparable.
 */
import type { Page } from '@playwright/test'

const ARRIVAL_TIMEOUT_MS = 10_000

/** What both ends of a measured link expose in the page. */
export interface BenchDocApi {
  write(marker: string): number
  arrival(marker: string): Promise<number>
}

declare global {
  interface Window {
    __benchDoc?: BenchDocApi
  }
}

/** The text each probe writes: about the size of a real chat line. */
export function probeText(marker: string): string {
  return `Latency probe ${marker} — could you restart the printer and tell me what it shows?`
}

/** In-page (bundled by benchPage.ts): builds `window.__benchDoc` over a document reached through `append` and `observe`. */
export function benchDocApi(
  append: (text: string) => void,
  observe: (listener: (texts: string[]) => void) => void,
): BenchDocApi {
  const waiting = new Map<string, (at: number) => void>()
  observe((texts) => {
    const at = performance.timeOrigin + performance.now()
    for (const text of texts) {
      for (const [marker, resolve] of waiting) {
        if (text.includes(marker)) {
          waiting.delete(marker)
          resolve(at)
        }
      }
    }
  })
  return {
    write(marker) {
      const at = performance.timeOrigin + performance.now()
      append(probeText(marker))
      return at
    },
    arrival: (marker) => new Promise((resolve) => waiting.set(marker, resolve)),
  }
}

/** Sends `count` probes (after `warmup` untimed ones) from `sender` to `receiver`; returns one-way ms per probe. */
export async function measureOneWay(sender: Page, receiver: Page, count: number, warmup: number, tag: string): Promise<number[]> {
  const samples: number[] = []
  for (let i = -warmup; i < count; i++) {
    const marker = `[${tag}-${Date.now().toString(36)}-${i}]`
    const arrived = receiver.evaluate(
      ([awaited, timeout]) =>
        Promise.race([
          window.__benchDoc!.arrival(awaited),
          new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`${awaited} was not applied`)), timeout)),
        ]),
      [marker, ARRIVAL_TIMEOUT_MS] as const,
    )
    arrived.catch(() => {}) // awaited below; don't let an early rejection go unhandled meanwhile
    await receiver.evaluate(() => undefined) // CDP runs a page's evaluations in order: the waiter is armed now
    const sentAt = await sender.evaluate((sent) => window.__benchDoc!.write(sent), marker)
    const appliedAt = await arrived
    if (i >= 0) samples.push(appliedAt - sentAt)
  }
  return samples
}
