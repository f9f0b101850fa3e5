import { describe, expect, it } from 'vitest'
import { MAX_REMEMBERED_PEERS, PeerLedger, SHUT_OUT_MS } from '../../src/net/peerLedger'
import type { RateBudget } from '../../src/net/peerRateLimit'

const TINY: RateBudget = { bytesPerSecond: 100, burstBytes: 1_000, messagesPerSecond: 1, burstMessages: 5, penaltyMs: 1_000 }

describe('PeerLedger', () => {
  it('gives a peer the same budget on every connection: reconnecting does not refill it', () => {
    const ledger = new PeerLedger(TINY)
    const first = ledger.limiter('peer-a', 0)
    for (let i = 0; i < 5; i++) expect(first.admit(10, 0)).toBe('deliver')
    // The peer drops its link and connects again at once: still overdrawn.
    expect(ledger.limiter('peer-a', 1).admit(10, 1)).toBe('throttle')
    expect(ledger.limiter('peer-b', 1).admit(10, 1)).toBe('deliver')
  })

  it('shuts a peer out for longer at each offence', () => {
    const ledger = new PeerLedger(TINY)
    const firstEnd = ledger.strike('peer-a', 0)
    expect(firstEnd).toBe(SHUT_OUT_MS[0])
    expect(ledger.shutOut('peer-a', firstEnd - 1)).toBe(true)
    expect(ledger.shutOut('peer-a', firstEnd)).toBe(false)
    expect(ledger.strike('peer-a', firstEnd)).toBe(firstEnd + SHUT_OUT_MS[1])
  })

  it('remembers a bounded number of peers, never forgetting one that is shut out', () => {
    const ledger = new PeerLedger(TINY)
    ledger.strike('hostile', 0)
    for (let i = 0; i < MAX_REMEMBERED_PEERS * 2; i++) ledger.limiter(`fake-${i}`, 1 + i)
    expect(ledger.size).toBeLessThanOrEqual(MAX_REMEMBERED_PEERS)
    expect(ledger.shutOut('hostile', 2)).toBe(true)
  })
})
