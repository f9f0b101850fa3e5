import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import fc from 'fast-check'
import { relayDocs } from '../../src/app/session/relayDocs'
import { RECORD_ENTRIES_BURST, RecordGrowthBudget, recordGrowthBudget } from '../../src/doc/recordGrowth'
import { appendEntry, entriesMap, readEntry } from '../../src/doc/transcript'
import { MAX_MESSAGE_CHARS } from '../../src/doc/schema'
import type * as Y from 'yjs'
import { T0, chat, makeDoc } from './fixtures'
import { initRepDoc, writeSessionAuthority } from '../../src/doc/session'
import { writeIntake } from '../../src/doc/intake'
import { putSignatures } from '../../src/doc/signatures'
import { createDeviceSigningKeys, createSessionAuthority, signEntry } from '../../src/net/sessionAuthority'

const SESSION = 'session-growth'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A relay between a customer doc and a rep doc bound to a real customer device key; `say` writes signed entries. */
async function boundSession() {
  const customerDoc = makeDoc(10)
  const repDoc = makeDoc(20)
  initRepDoc(repDoc, { sessionId: SESSION, createdAt: T0 - 60_000, portal: 'link', customerKey: 'k'.repeat(43) })
  writeSessionAuthority(repDoc, await createSessionAuthority())
  const device = await createDeviceSigningKeys()
  writeIntake(customerDoc, { customerId: 'cust-1', customerName: 'Carla', request: 'printer', system: {}, publicKey: device.publicKey })
  const signAll = async (doc: Y.Doc, ids: string[]): Promise<void> => {
    const signatures = await Promise.all(ids.map(async (id): Promise<[string, string]> => [id, await signEntry(device.privateKey, SESSION, readEntry(doc, id)!)]))
    putSignatures(doc, signatures, 'test')
  }
  const relay = relayDocs(customerDoc, repDoc, () => undefined)
  return { customerDoc, repDoc, signAll, relay }
}

describe('record growth is bounded', () => {
  test('a bound customer who writes 2,000 signed entries at once puts at most the burst into the record, and it is flagged', async () => {
    const { customerDoc, repDoc, signAll, relay } = await boundSession()
    const ids: string[] = []
    customerDoc.transact(() => {
      for (let i = 0; i < 2_000; i++) ids.push(appendEntry(customerDoc, chat({ authorId: 'cust-1', authorName: 'Carla', text: `junk ${i}`, at: T0 })))
    })
    await signAll(customerDoc, ids)
    await relay.settled()
    const mirrored = [...entriesMap(repDoc).keys()].filter((id) => ids.includes(id)).length
    expect(mirrored).toBeGreaterThan(0)
    expect(mirrored).toBeLessThanOrEqual(RECORD_ENTRIES_BURST)
    expect(recordGrowthBudget(repDoc).refused).toBe(2_000 - mirrored)
    expect(recordGrowthBudget(repDoc).lastRefusedAt).toBe(T0)
    relay()
  })

  test('a genuine customer chatting for an hour (a message every 2 s, some long) loses nothing', async () => {
    const { customerDoc, repDoc, signAll, relay } = await boundSession()
    for (let i = 0; i < 1_800; i++) {
      vi.setSystemTime(T0 + i * 2_000)
      const id = appendEntry(customerDoc, chat({ authorId: 'cust-1', authorName: 'Carla', text: i % 10 === 0 ? 'x'.repeat(MAX_MESSAGE_CHARS) : `message ${i}`, at: T0 + i * 2_000 }))
      await signAll(customerDoc, [id])
      await relay.settled()
    }
    expect([...entriesMap(repDoc).keys()].filter((id) => readEntry(repDoc, id)?.authorId === 'cust-1')).toHaveLength(1_800)
    expect(recordGrowthBudget(repDoc).refused).toBe(0)
    relay()
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
