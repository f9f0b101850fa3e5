import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { HybridClock, MAX_CLOCK_LEAD_MS, compareStamps, formatEntryId, isEntryId, parseEntryId, type ClockStamp } from '../../src/doc/entryId'
import { T0 } from './fixtures'

const MAX_TIME = 36 ** 9 - 1
const MAX_COUNTER = 36 ** 4 - 1

const stampArb: fc.Arbitrary<ClockStamp> = fc.record({
  time: fc.integer({ min: 0, max: MAX_TIME }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  origin: fc.stringMatching(/^[0-9a-z-]{1,40}$/),
})

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0)
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

describe('entry ids', () => {
  test('format then parse gives back the same stamp', () => {
    fc.assert(
      fc.property(stampArb, (stamp) => {
        expect(parseEntryId(formatEntryId(stamp))).toEqual(stamp)
      }),
    )
  })

  test('ids compare as strings exactly like (time, counter, origin)', () => {
    fc.assert(
      fc.property(stampArb, stampArb, (a, b) => {
        expect(sign(compareStrings(formatEntryId(a), formatEntryId(b)))).toBe(sign(compareStamps(a, b)))
      }),
    )
  })

  test('a later millisecond sorts after any counter of an earlier one', () => {
    const early = formatEntryId({ time: T0, counter: MAX_COUNTER, origin: 'zzzz' })
    const late = formatEntryId({ time: T0 + 1, counter: 0, origin: '0' })
    expect(early < late).toBe(true)
  })

  test.each([
    ['empty', ''],
    ['__proto__', '__proto__'],
    ['upper case', 'LOQ2V1Y80.0000.ABC'],
    ['missing origin', '0loq2v1y8.0000.'],
    ['short time', 'loq2v1y8.0000.abc'],
    ['short counter', '0loq2v1y8.000.abc'],
    ['origin over 40 chars', `0loq2v1y8.0000.${'a'.repeat(41)}`],
    ['trailing newline', '0loq2v1y8.0000.abc\n'],
    ['spaces', '0loq2v1y8.0000.a c'],
    ['path separators', '0loq2v1y8.0000.../x'],
  ])('parseEntryId and isEntryId reject an id that is %s', (_name, id) => {
    expect(parseEntryId(id)).toBeUndefined()
    expect(isEntryId(id)).toBe(false)
  })

  test('isEntryId accepts what parseEntryId parses', () => {
    for (const id of ['0loq2v1y8.0000.abc', '0loq2v1y8.0000zzzz.a-b', formatEntryId({ time: 1_764_680_400_000, counter: 7, origin: 'k2' })]) {
      expect(isEntryId(id)).toBe(true)
      expect(parseEntryId(id)).toBeDefined()
    }
  })
})

describe('HybridClock', () => {
  test('never goes backwards when the wall clock jumps back', () => {
    const clock = new HybridClock('a')
    const first = clock.next(T0 + 10_000)
    const afterJump = clock.next(T0)
    expect(compareStamps(afterJump, first)).toBeGreaterThan(0)
    expect(formatEntryId(afterJump) > formatEntryId(first)).toBe(true)
  })

  test('issues strictly increasing ids for any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 * T0 }), { minLength: 1, maxLength: 200 }), (readings) => {
        const clock = new HybridClock('a')
        const ids = readings.map((now) => formatEntryId(clock.next(now)))
        for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true)
      }),
    )
  })

  test('sorts after a remote id from a clock running ahead (skew)', () => {
    const clock = new HybridClock('local')
    const remote = { time: T0 + MAX_CLOCK_LEAD_MS - 1, counter: 7, origin: 'remote' }
    clock.observe(remote, T0)
    const next = clock.next(T0)
    expect(compareStamps(next, remote)).toBeGreaterThan(0)
    expect(formatEntryId(next) > formatEntryId(remote)).toBe(true)
  })

  test('returns to the wall clock once it passes the skewed remote time', () => {
    const clock = new HybridClock('local')
    clock.observe({ time: T0 + 5_000, counter: 3, origin: 'remote' }, T0)
    expect(clock.next(T0 + 9_000)).toEqual({ time: T0 + 9_000, counter: 0, origin: 'local' })
  })

  test('uses the counter to order writes within one millisecond', () => {
    const clock = new HybridClock('a')
    expect([clock.next(T0), clock.next(T0), clock.next(T0)].map((s) => s.counter)).toEqual([0, 1, 2])
  })

  test('carries a full counter into the next millisecond instead of widening it (widening breaks string order)', () => {
    const clock = new HybridClock('a')
    clock.observe({ time: T0, counter: MAX_COUNTER, origin: 'b' }, T0)
    const next = clock.next(T0)
    expect(next).toEqual({ time: T0 + 1, counter: 0, origin: 'a' })
    expect(parseEntryId(formatEntryId(next))).toEqual(next)
  })

  test('a peer-sent id with a huge counter cannot make the next id unparseable', () => {
    const clock = new HybridClock('a')
    clock.observe(parseEntryId(`${T0.toString(36).padStart(9, '0')}.zzzzzzzz.evil`)!, T0)
    expect(parseEntryId(formatEntryId(clock.next(T0)))).toBeDefined()
  })

  test('a peer-sent id from impossibly far in the future moves the clock at most MAX_CLOCK_LEAD_MS', () => {
    const clock = new HybridClock('a')
    clock.observe({ time: MAX_TIME, counter: 36 ** 8 - 1, origin: 'evil' }, T0)
    const next = clock.next(T0)
    expect(next.time).toBe(T0 + MAX_CLOCK_LEAD_MS)
    expect(next.counter).toBe(1)
    expect(parseEntryId(formatEntryId(next))).toEqual(next)
  })

  test('an id 23 h ahead moves the clock a few minutes, not 23 h', () => {
    const clock = new HybridClock('a')
    clock.observe({ time: T0 + 23 * 60 * 60_000, counter: 0, origin: 'evil' }, T0)
    expect(MAX_CLOCK_LEAD_MS).toBeLessThanOrEqual(10 * 60_000)
    expect(clock.next(T0).time).toBeLessThanOrEqual(T0 + MAX_CLOCK_LEAD_MS)
  })

  test('a non-finite wall-clock reading neither poisons the clock nor moves it backwards', () => {
    const clock = new HybridClock('a')
    const first = clock.next(T0)
    const odd = clock.next(Number.NaN)
    const later = clock.next(T0 + 1)
    expect(compareStamps(odd, first)).toBeGreaterThan(0)
    expect(compareStamps(later, odd)).toBeGreaterThan(0)
    expect(parseEntryId(formatEntryId(later))).toEqual(later)
  })
})
