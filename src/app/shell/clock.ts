/** A ticking wall clock as a signal, for displays that age (a tab's idle colour). */
import { createSignal, onCleanup, type Accessor } from 'solid-js'

/** Once a second: the idle colours and "idle 45 s" texts change at most that often. */
export const CLOCK_TICK_MS = 1_000

/** `Date.now()` refreshed every `tickMs`. Must run inside a reactive owner (the timer stops on cleanup). */
export function createClock(tickMs: number = CLOCK_TICK_MS, read: () => number = Date.now): Accessor<number> {
  const [now, setNow] = createSignal(read())
  const timer = setInterval(() => setNow(read()), tickMs)
  onCleanup(() => clearInterval(timer))
  return now
}
