import { describe, expect, test } from 'vitest'
import { appendRating, appendStatusNote, entriesMap, nextEntryId, readTranscript } from '../../src/doc/transcript'
import { parseEntry } from '../../src/doc/entry'
import { initRepDoc } from '../../src/doc/session'
import { T0, makeDoc } from './fixtures'
import { bindTestCustomer, mirrorCustomerEntries, signAsCustomer } from './relayHarness'

const carla = { role: 'customer', id: 'cust-1', name: 'Carla' } as const
const ana = { role: 'rep', id: 'rep-1', name: 'Ana' } as const

describe('the satisfaction rating', () => {
  test('is a signed customer note that the relay copies into the record, where reps and History read it', () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    initRepDoc(repDoc, { sessionId: 'session-1', createdAt: T0, portal: 'link', customerKey: 'k'.repeat(43) })
    bindTestCustomer(customerDoc, repDoc)
    const id = appendRating(customerDoc, carla, 4)
    signAsCustomer(customerDoc, [id])
    expect(mirrorCustomerEntries(customerDoc, repDoc)).toBe(1)
    expect(readTranscript(repDoc).find((entry) => entry.event === 'rated')).toMatchObject({ id, text: '4', authorId: 'cust-1', authorRole: 'customer', eventKey: 'rated:cust-1' })
  })

  test('only 1 to 5, only from a customer', () => {
    const doc = makeDoc(1)
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => appendRating(doc, carla, bad)).toThrow()
    expect(() => appendRating(doc, ana, 5)).toThrow()
    expect(() => appendStatusNote(doc, ana, 'rated', { text: '5' })).toThrow() // a rep's client writes notes as `system`: refused
    const base = { kind: 'status', event: 'rated', audience: 'all', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', at: T0 }
    const id = nextEntryId(makeDoc(2), T0)
    expect(parseEntry(id, { ...base, text: '3' })).toBeDefined()
    for (const text of ['0', '6', '10', ' 3', '3 ', 'five']) expect(parseEntry(id, { ...base, text })).toBeUndefined()
    expect(parseEntry(id, { ...base, text: '5', authorRole: 'system' })).toBeUndefined()
  })

  test('one per customer: a second rating is not shown (the first note of the key wins)', () => {
    const doc = makeDoc(1)
    appendRating(doc, carla, 2)
    appendRating(doc, carla, 5)
    expect(entriesMap(doc).size).toBe(2)
    expect(readTranscript(doc).filter((entry) => entry.event === 'rated').map((entry) => entry.text)).toEqual(['2'])
  })
})
