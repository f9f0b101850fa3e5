import { describe, expect, it } from 'vitest'
import { customerLinkState } from '../../src/app/customer/customerLinkState'

describe("the customer's connection banner", () => {
  it('says offline when the page is cut off, whatever the peers', () => {
    expect(customerLinkState('offline', 1, true, true)).toBe('offline')
    expect(customerLinkState('online', 1, false, true)).toBe('offline')
  })
  it('says connecting until a representative is first linked, then connected', () => {
    expect(customerLinkState('connecting', 0, true, false)).toBe('connecting')
    expect(customerLinkState('online', 0, true, false)).toBe('connecting')
    expect(customerLinkState('online', 1, true, false)).toBe('connected')
  })
  it('says the representative is away once every linked one has gone', () => {
    expect(customerLinkState('online', 0, true, true)).toBe('away')
  })
  it('says connecting, not away, while this page itself is reconnecting', () => {
    expect(customerLinkState('connecting', 0, true, true)).toBe('connecting')
  })
})
