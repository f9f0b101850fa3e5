import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deliveryState, markReceipt, readReceipts, receiptsMap } from '../../src/doc/receipts'
import { formatEntryId } from '../../src/doc/entryId'
import { entriesMap } from '../../src/doc/transcript'

const id = (time: number) => formatEntryId({ time, counter: 0, origin: 'a' })

/** A doc holding entries at these times (receipts name entries that exist). */
function docWith(...times: number[]): Y.Doc {
  const doc = new Y.Doc()
  for (const time of times) entriesMap(doc).set(id(time), { kind: 'chat' })
  return doc
}

describe('delivery receipts', () => {
  it('an entry nobody else has is in the outbox; a rep copy makes it sent; the customer makes it delivered, then seen', () => {
    const doc = docWith(10, 11, 12, 20)
    const message = id(10)
    expect(deliveryState(message, 'rep1', readReceipts(doc))).toBe('outbox')
    markReceipt(doc, { participantId: 'rep1', role: 'rep', delivered: id(20) })
    expect(deliveryState(message, 'rep1', readReceipts(doc))).toBe('outbox') // the author's own receipt does not count
    markReceipt(doc, { participantId: 'rep2', role: 'rep', delivered: id(10) })
    expect(deliveryState(message, 'rep1', readReceipts(doc))).toBe('sent')
    markReceipt(doc, { participantId: 'cust', role: 'customer', delivered: id(12) })
    expect(deliveryState(message, 'rep1', readReceipts(doc))).toBe('delivered')
    markReceipt(doc, { participantId: 'cust', role: 'customer', seen: id(10) })
    expect(deliveryState(message, 'rep1', readReceipts(doc))).toBe('seen')
    expect(deliveryState(id(11), 'rep1', readReceipts(doc))).toBe('delivered')
  })

  it('receipts only move forward', () => {
    const doc = docWith(1, 5, 15, 20)
    markReceipt(doc, { participantId: 'cust', role: 'customer', delivered: id(20), seen: id(15) })
    markReceipt(doc, { participantId: 'cust', role: 'customer', delivered: id(5), seen: id(1) })
    expect(readReceipts(doc)).toEqual([{ participantId: 'cust', role: 'customer', delivered: id(20), seen: id(15) }])
  })

  it('a receipt at an id that names no entry (a forgery) does not hold the real one back', () => {
    const doc = docWith(5)
    receiptsMap(doc).set('cust', { role: 'customer', delivered: 'zzzzzzzzz.zzzzzzzz.z', seen: 'zzzzzzzzz.zzzzzzzz.z' })
    markReceipt(doc, { participantId: 'cust', role: 'customer', delivered: id(5), seen: id(5) })
    expect(readReceipts(doc)).toEqual([{ participantId: 'cust', role: 'customer', delivered: id(5), seen: id(5) }])
  })

  it('an unchanged receipt writes nothing', () => {
    const doc = new Y.Doc()
    markReceipt(doc, { participantId: 'cust', role: 'customer', delivered: id(20) })
    let updates = 0
    doc.on('update', () => updates++)
    markReceipt(doc, { participantId: 'cust', role: 'customer', delivered: id(20) })
    expect(updates).toBe(0)
  })

  it('malformed receipts from a peer are ignored', () => {
    const doc = new Y.Doc()
    receiptsMap(doc).set('x', { role: 'admin', delivered: id(1) })
    receiptsMap(doc).set('y', 'garbage')
    receiptsMap(doc).set('z', { role: 'customer', delivered: 'not-an-id', seen: 42 })
    expect(readReceipts(doc)).toEqual([{ participantId: 'z', role: 'customer' }])
  })
})
