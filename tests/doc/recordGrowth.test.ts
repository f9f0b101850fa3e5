import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import fc from 'fast-check'
import { relayDocs } from '../../src/app/session/relayDocs'
import { RECORD_ENTRIES_BURST, RecordGrowthBudget, recordGrowthBudget } from '../../src/doc/recordGrowth'
import { appendEntry, entriesMap, readEntry } from '../../src/doc/transcript'
import { MAX_MESSAGE_CHARS } from '../../src/doc/schema'
import { T0, chat, fromHostilePeer, makeDoc } from './fixtures'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('record growth is bounded', () => {
  test('one hostile update of 5,000 customer entries puts at most the burst into the record, and is flagged', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    const stop = relayDocs(customerDoc, repDoc, () => undefined)
    fromHostilePeer(customerDoc, (peer) => {
      for (let i = 0; i < 5_000; i++) appendEntry(peer, chat({ text: `junk ${i}`, at: T0 + i }))
    })
    expect(entriesMap(customerDoc).size).toBe(5_000)
    expect(entriesMap(repDoc).size).toBeLessThanOrEqual(RECORD_ENTRIES_BURST)
    expect(recordGrowthBudget(repDoc).refused).toBe(5_000 - entriesMap(repDoc).size)
    expect(recordGrowthBudget(repDoc).lastRefusedAt).toBe(T0)
    stop()
  })

  test('a flood under another author id does not use up the genuine customer\'s budget', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    const stop = relayDocs(customerDoc, repDoc, () => undefined)
    fromHostilePeer(customerDoc, (peer) => {
      for (let i = 0; i < 2_000; i++) appendEntry(peer, chat({ authorId: 'mallory', text: `junk ${i}`, at: T0 + i }))
    })
    for (let i = 0; i < 30; i++) {
      vi.setSystemTime(T0 + i * 200)
      appendEntry(customerDoc, chat({ text: `genuine ${i}` }))
    }
    const genuine = [...entriesMap(repDoc).values()].filter((raw) => String((raw as { text?: unknown }).text).startsWith('genuine'))
    expect(genuine).toHaveLength(30)
    stop()
  })

  test('a genuine customer chatting for an hour (a message every 2 s, some long) loses nothing', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    const stop = relayDocs(customerDoc, repDoc, () => undefined)
    for (let i = 0; i < 1_800; i++) {
      vi.setSystemTime(T0 + i * 2_000)
      appendEntry(customerDoc, chat({ text: i % 10 === 0 ? 'x'.repeat(MAX_MESSAGE_CHARS) : `message ${i}` }))
    }
    expect(entriesMap(repDoc).size).toBe(1_800)
    expect(recordGrowthBudget(repDoc).refused).toBe(0)
    stop()
  })

  test('law: entries arriving no faster than the sustained rate are never refused, whatever their timing', () => {
    const doc = makeDoc(10)
    const entry = readEntry(doc, appendEntry(doc, chat({ text: 'y'.repeat(2_000) })))
    if (!entry) throw new Error('fixture entry must read back')
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 500, max: 60_000 }), { minLength: 1, maxLength: 400 }), (gaps) => {
        const budget = new RecordGrowthBudget(0)
        let now = 0
        return gaps.every((gap) => {
          now += gap
          return budget.admit(entry, now)
        })
      }),
    )
  })
})
