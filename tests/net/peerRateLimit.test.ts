import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { PEER_UPDATE_BUDGET, PeerRateLimiter, type RateBudget } from '../../src/net/peerRateLimit'
import { makeChunkingWrtc, type WrtcImplementation } from '../../src/net/chunkingWrtc'
import { SimplePeerClass, fakeWrtc, type SimplePeer } from './fakeWebrtc'

const SMALL: RateBudget = { bytesPerSecond: 1_000, burstBytes: 2_000, messagesPerSecond: 10, burstMessages: 5, penaltyMs: 40 }

describe('PeerRateLimiter', () => {
  it('delivers a burst, throttles the message that overdraws it, then ignores the peer until the penalty ends', () => {
    const limiter = new PeerRateLimiter(SMALL, 0)
    const got = Array.from({ length: 8 }, () => limiter.admit(10, 0))
    expect(got).toEqual(['deliver', 'deliver', 'deliver', 'deliver', 'deliver', 'throttle', 'ignore', 'ignore'])
    expect(limiter.throttled(SMALL.penaltyMs - 1)).toBe(true)
    expect(limiter.admit(10, SMALL.penaltyMs - 1)).toBe('ignore')
    expect(limiter.throttled(SMALL.penaltyMs)).toBe(false)
    // 40 ms refill 0.4 message: still empty after the penalty, so the next one throttles again.
    expect(limiter.admit(10, SMALL.penaltyMs)).toBe('throttle')
    // A second later the bucket holds 10 messages again (capped at the 5 of the burst).
    const later = SMALL.penaltyMs * 2 + 1_000
    expect(Array.from({ length: 6 }, () => limiter.admit(10, later))).toEqual(['deliver', 'deliver', 'deliver', 'deliver', 'deliver', 'throttle'])
  })

  it('throttles on bytes: one message larger than what is left of the byte burst', () => {
    const limiter = new PeerRateLimiter(SMALL, 0)
    expect(limiter.admit(1_500, 0)).toBe('deliver')
    expect(limiter.admit(600, 0)).toBe('throttle')
    expect(limiter.penaltyUntil).toBe(SMALL.penaltyMs)
  })

  it('never throttles a peer that stays within the steady rate, however long it sends', () => {
    const limiter = new PeerRateLimiter(SMALL, 0)
    const intervalMs = 1_000 / SMALL.messagesPerSecond // exactly the message rate; bytes well within theirs
    for (let i = 0; i < 2_000; i++) expect(limiter.admit(90, i * intervalMs)).toBe('deliver')
  })

  it('leaves room for a whole first sync and for a fast typist with awareness', () => {
    const limiter = new PeerRateLimiter(PEER_UPDATE_BUDGET, 0)
    expect(limiter.admit(40 * 1024 * 1024, 0)).toBe('deliver') // a long session's state in one message
    // 20 keystroke updates and 20 awareness updates a second for a minute, after the big sync.
    for (let ms = 1_000; ms < 61_000; ms += 25) expect(limiter.admit(200, ms)).toBe('deliver')
  })
})

const Peer = SimplePeerClass
const fakeBase = fakeWrtc() as unknown as WrtcImplementation

const peers: SimplePeer[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy()
})

async function connectedPeers(sender: WrtcImplementation, receiver: WrtcImplementation): Promise<[SimplePeer, SimplePeer]> {
  const a = new Peer({ initiator: true, wrtc: sender })
  const b = new Peer({ wrtc: receiver })
  peers.push(a, b)
  a.on('signal', (signal) => b.signal(signal))
  b.on('signal', (signal) => a.signal(signal))
  await Promise.all([once(a, 'connect'), once(b, 'connect')])
  return [a, b]
}

describe('rate limit on document data channels', () => {
  it('a flooding peer is ignored past its budget and reported once, and heard again once the penalty is over', async () => {
    const throttles: number[] = []
    // The clock reads 0 for the limiter's creation and the 50 flood messages, then jumps past the penalty.
    let reads = 0
    const now = (): number => (reads++ <= 50 ? 0 : 60_000)
    const receiver = makeChunkingWrtc(fakeBase, { budget: SMALL, onThrottle: (until) => throttles.push(until), now })
    const [a, b] = await connectedPeers(makeChunkingWrtc(fakeBase), receiver)
    const received: string[] = []
    const marker = new Promise<void>((resolve) =>
      b.on('data', (data: Buffer) => {
        received.push(data.toString())
        if (data.toString() === 'after the penalty') resolve()
      }),
    )
    for (let i = 0; i < 50; i++) a.send(`update ${i}`)
    a.send('after the penalty')
    await marker
    expect(received).toEqual(['update 0', 'update 1', 'update 2', 'update 3', 'update 4', 'after the penalty'])
    expect(throttles).toEqual([SMALL.penaltyMs])
  })

  it('drops messages the format check refuses and delivers the rest', async () => {
    const receiver = makeChunkingWrtc(fakeBase, { accept: (message) => message[0] !== 0xff })
    const [a, b] = await connectedPeers(makeChunkingWrtc(fakeBase), receiver)
    const received: number[] = []
    const done = new Promise<void>((resolve) =>
      b.on('data', (data: Buffer) => {
        received.push(data[0]!)
        if (data[0] === 9) resolve()
      }),
    )
    for (const first of [1, 0xff, 2, 0xff, 9]) a.send(new Uint8Array([first, 7]))
    await done
    expect(received).toEqual([1, 2, 9])
  })

  it('an honest peer within the budget gets every message through', async () => {
    const throttles: number[] = []
    const receiver = makeChunkingWrtc(fakeBase, { onThrottle: (until) => throttles.push(until) })
    const [a, b] = await connectedPeers(makeChunkingWrtc(fakeBase), receiver)
    const received: string[] = []
    const all = new Promise<void>((resolve) =>
      b.on('data', (data: Buffer) => {
        received.push(data.toString())
        if (received.length === 200) resolve()
      }),
    )
    for (let i = 0; i < 200; i++) a.send(`update ${i}`)
    await all
    expect(received).toEqual(Array.from({ length: 200 }, (_, i) => `update ${i}`))
    expect(throttles).toEqual([])
  })
})
