/**
 * Issue 18: limits count per client address across connections (IPv4 address
 * or IPv6 /64), and `X-Forwarded-For` names the client only when the socket's
 * peer is a listed proxy. Addresses other than 127.0.0.1 reach the relay the
 * way they would in a deploy: through a trusted proxy's header.
 */
import type { ClientOptions } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { createAddressLimits } from '../../server/addressLimits.ts'
import { addressKey } from '../../server/clientAddress.ts'
import { ConfigError } from '../../server/runtimeConfig.ts'
import { isPong, refusedStatus, startTestServer, TestClient, type TestServer } from './helpers.ts'

let server: TestServer
const clients: TestClient[] = []

async function client(options?: ClientOptions): Promise<TestClient> {
  const c = await TestClient.connect(server.wsUrl, options)
  clients.push(c)
  return c
}
const via = (chain: string): ClientOptions => ({ headers: { 'x-forwarded-for': chain } })

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server?.close()
})

describe('per-address limits across connections', () => {
  it('the message rate is shared by all connections of one address', async () => {
    // A refill of 0.01/s: a slow machine cannot refill the bucket during the test.
    server = await startTestServer({ limits: { ipMessagesPerSecond: 0.01, ipMessageBurst: 20, messagesPerSecond: 1_000, messageBurst: 1_000 } })
    const [a, b, c] = [await client(), await client(), await client()]
    let pongs = 0
    for (const each of [a, b, c]) each.ws.on('message', (data) => (isPong(JSON.parse(data.toString())) ? (pongs += 1) : 0))
    // 30 messages in all: each connection alone is far inside its own allowance, the address is not.
    for (const each of [a, b, c]) for (let i = 0; i < 10; i++) each.send({ type: 'ping' })
    expect(await Promise.race([a.closed, b.closed, c.closed])).toMatchObject({ code: 1008, reason: 'rate limit' })
    expect(pongs).toBeLessThanOrEqual(20)
  })

  it('the subscribe rate is shared by all connections of one address', async () => {
    server = await startTestServer({ limits: { ipSubscribesPerSecond: 0.01, ipSubscribeBurst: 5 } })
    const [a, b] = [await client(), await client()]
    await a.subscribe('t1', 't2', 't3')
    b.send({ type: 'subscribe', topics: ['t4', 't5', 't6'] })
    expect(await b.closed).toMatchObject({ code: 1008, reason: 'subscribe rate limit' })
    // Subscribing again to a topic already held costs nothing.
    await a.subscribe('t1', 't2')
  })

  it('the connection limit holds per address, and a freed slot is not a fresh rate allowance', async () => {
    server = await startTestServer({ limits: { maxConnectionsPerIp: 2, ipMessagesPerSecond: 0.01, ipMessageBurst: 5 } })
    const first = await client()
    await client()
    expect(await refusedStatus(server.wsUrl)).toBe(429)
    for (let i = 0; i < 4; i++) first.send({ type: 'ping' })
    await first.close()
    const again = await client()
    for (let i = 0; i < 3; i++) again.send({ type: 'ping' })
    expect(await again.closed).toMatchObject({ code: 1008, reason: 'rate limit' })
  })

  it('two addresses in one IPv6 /64 share a limit; another /64 has its own', async () => {
    server = await startTestServer({ env: { TRUSTED_PROXIES: '127.0.0.1', MAX_CONNECTIONS_PER_IP: '1' } })
    await client(via('2001:db8:1:2::1'))
    expect(await refusedStatus(server.wsUrl, via('2001:db8:1:2:ffff:ffff:ffff:9'))).toBe(429)
    await client(via('2001:db8:1:3::1'))
    await client(via('192.0.2.1'))
    expect(await refusedStatus(server.wsUrl, via('192.0.2.1'))).toBe(429)
    await client(via('192.0.2.2'))
  })

  it('an idle address is forgotten only once its allowance has refilled, so the table stays small without resetting anyone', () => {
    let now = 0
    const limits = createAddressLimits({ maxConnectionsPerIp: 2, ipMessagesPerSecond: 1, ipMessageBurst: 10, ipSubscribesPerSecond: 1, ipSubscribeBurst: 10 }, () => now)
    const slot = limits.admit('192.0.2.1')
    for (let i = 0; i < 10; i++) expect(slot?.takeMessage()).toBe(true)
    expect(slot?.takeMessage()).toBe(false)
    slot?.release()
    limits.sweep()
    expect(limits.size).toBe(1) // still drained: forgetting it now would hand out a fresh burst
    const again = limits.admit('192.0.2.1')
    expect(again?.takeMessage()).toBe(false)
    now += 11_000
    limits.sweep()
    expect(limits.size).toBe(1) // refilled, but a connection is still open
    again?.release()
    limits.sweep()
    expect(limits.size).toBe(0)
  })

  it('groups IPv6 by /64 in any spelling, IPv4 (also IPv4-mapped) by address', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:0DB8:0001:0002:abcd:0:0:1'))
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'))
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(addressKey('192.0.2.7')).not.toBe(addressKey('192.0.2.8'))
  })
})

describe('X-Forwarded-For', () => {
  it('is ignored from a peer that is not a listed proxy: made-up values do not get past the per-IP limit', async () => {
    server = await startTestServer({ env: { TRUSTED_PROXIES: '10.9.9.9', MAX_CONNECTIONS_PER_IP: '2' } })
    await client(via('203.0.113.1'))
    await client(via('203.0.113.2'))
    expect(await refusedStatus(server.wsUrl, via('203.0.113.3'))).toBe(429)
  })

  it('from a listed proxy, names the client by the rightmost hop that is not a proxy; hops the client wrote do not count', async () => {
    server = await startTestServer({ env: { TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8', MAX_CONNECTIONS_PER_IP: '1' } })
    await client(via('198.51.100.1'))
    // Same client behind a second proxy of ours (10.1.1.1), with a made-up hop in front: still 198.51.100.1.
    expect(await refusedStatus(server.wsUrl, via('9.9.9.9, 198.51.100.1, 10.1.1.1'))).toBe(429)
    await client(via('198.51.100.1, 198.51.100.2'))
    // Ten distinct real clients behind the proxy are ten addresses.
    for (let i = 10; i < 20; i++) await client(via(`198.51.100.${i}`))
  })

  it('the old TRUST_PROXY flag refuses to start and says what replaced it', async () => {
    const attempt = startTestServer({ env: { TRUST_PROXY: 'true' } })
    await expect(attempt).rejects.toBeInstanceOf(ConfigError)
    await expect(attempt).rejects.toThrow(/TRUSTED_PROXIES/)
    server = await startTestServer({ env: { TRUST_PROXY: 'false' } })
  })
})
