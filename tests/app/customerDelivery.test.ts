import { describe, expect, test } from 'vitest'
import { customerDeliveryState } from '../../src/app/customer/customerDelivery'

describe("delivery marks on the customer's own messages", () => {
  const id = '0mio0000000.0001.a'
  test('in the outbox until a rep device has the message, delivered once one has, seen once a rep had it on screen', () => {
    expect(customerDeliveryState(id, [])).toBe('outbox')
    expect(customerDeliveryState(id, [{ participantId: 'rep-1', role: 'rep', delivered: '0mio0000000.0000.a' }])).toBe('outbox')
    expect(customerDeliveryState(id, [{ participantId: 'rep-1', role: 'rep', delivered: id }])).toBe('delivered')
    expect(customerDeliveryState(id, [{ participantId: 'rep-1', role: 'rep', delivered: id }, { participantId: 'rep-2', role: 'rep', delivered: id, seen: id }])).toBe('seen')
  })
  test("the customer's own receipt never counts", () => {
    expect(customerDeliveryState(id, [{ participantId: 'cust-1', role: 'customer', delivered: id, seen: id }])).toBe('outbox')
  })
})
