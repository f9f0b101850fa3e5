// A reopened session's documents wait for its snapshot to show, or for the cap (src/app/console/paintGate.ts).
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createPaintGate } from '../../src/app/console/paintGate'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Whether `promise` has settled once pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

test('a wait ends when that session is shown, not when another one is', async () => {
  const gate = createPaintGate(1_000)
  const wait = gate.wait('sess-1')
  await vi.advanceTimersByTimeAsync(500)
  gate.shown('sess-2')
  expect(await settled(wait)).toBe(false)
  gate.shown('sess-1')
  expect(await settled(wait)).toBe(true)
})

test('a session shown before the wait does not wait', async () => {
  const gate = createPaintGate(1_000)
  gate.shown('sess-1')
  expect(await settled(gate.wait('sess-1'))).toBe(true)
})

test('a snapshot that never shows holds the session back for the cap only', async () => {
  const gate = createPaintGate(1_000)
  const first = gate.wait('sess-1')
  const second = gate.wait('sess-1')
  await vi.advanceTimersByTimeAsync(999)
  expect(await settled(first)).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(await settled(first)).toBe(true)
  expect(await settled(second)).toBe(true)
  expect(vi.getTimerCount()).toBe(0)
})

test('shown clears the cap timers of what it releases', async () => {
  const gate = createPaintGate(1_000)
  const wait = gate.wait('sess-1')
  expect(vi.getTimerCount()).toBe(1)
  gate.shown('sess-1')
  expect(await settled(wait)).toBe(true)
  expect(vi.getTimerCount()).toBe(0)
})
