import type { ClientOptions } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES, MAX_TOPICS_PER_CONNECTION, MAX_TOPIC_LENGTH } from '../../server/limits.ts'
import { isPong, refusedStatus, startTestServer, TestClient, type TestServer } from './helpers.ts'

let server: TestServer
const clients: TestClient[] = []

async function client(options?: ClientOptions): Promise<TestClient> {
  const c = await TestClient.connect(server.wsUrl, options)
  clients.push(c)
  return c
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server.close()
})

describe('signaling relay (y-webrtc protocol)', () => {
  it('relays a publish to every subscriber of the topic, sender included, with no subscriber count', async () => {
    server = await startTestServer()
    const [a, b, other] = [await client(), await client(), await client()]
    await a.subscribe('room-1')
    await b.subscribe('room-1')
    await other.subscribe('room-2')

    a.send({ type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'peer-a' } })
    const expected = { type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'peer-a' } }
    expect(await b.next()).toEqual(expected)
    expect(await a.next()).toEqual(expected)
    await other.expectNothingElse()
  })

  it('stops delivering after unsubscribe', async () => {
    server = await startTestServer()
    const [a, b] = [await client(), await client()]
    await a.subscribe('room-1', 'room-3')
    await b.subscribe('room-1')
    b.send({ type: 'unsubscribe', topics: ['room-1'] })
    await b.expectNothingElse()

    a.send({ type: 'publish', topic: 'room-1', data: 'x' })
    expect(await a.next()).toEqual({ type: 'publish', topic: 'room-1', data: 'x' })
    await b.expectNothingElse()
  })

  it('forgets a closed connection: its topics are left and nothing is sent to it', async () => {
    server = await startTestServer()
    const [a, b] = [await client(), await client()]
    await a.subscribe('room-1')
    await b.subscribe('room-1')
    await b.close()
    a.send({ type: 'publish', topic: 'room-1', data: 'x' })
    expect(await a.next()).toEqual({ type: 'publish', topic: 'room-1', data: 'x' })
    expect(server.signalingStats().connections).toBe(1)
  })

  it('answers ping with pong', async () => {
    server = await startTestServer()
    const a = await client()
    a.send({ type: 'ping' })
    expect(await a.next()).toEqual({ type: 'pong' })
  })

  it('does not relay a publish to a topic nobody subscribed to', async () => {
    server = await startTestServer()
    const a = await client()
    a.send({ type: 'publish', topic: 'empty-room', data: 'x' })
    await a.expectNothingElse()
  })

  it('relays a message at the size limit and closes with 1009 above it', async () => {
    server = await startTestServer()
    const [a, b] = [await client(), await client()]
    await a.subscribe('room-1')
    const envelope = JSON.stringify({ type: 'publish', topic: 'room-1', data: '' })
    const atLimit = JSON.stringify({ type: 'publish', topic: 'room-1', data: 'x'.repeat(MAX_MESSAGE_BYTES - envelope.length) })
    expect(atLimit.length).toBe(MAX_MESSAGE_BYTES)
    a.ws.send(atLimit)
    expect(await a.next()).toMatchObject({ topic: 'room-1' })

    b.ws.send(atLimit + ' ')
    expect((await b.closed).code).toBe(1009)
    await a.expectNothingElse()
  })

  it('closes with 1008 when a connection subscribes to too many topics', async () => {
    server = await startTestServer()
    const a = await client()
    const topics = Array.from({ length: MAX_TOPICS_PER_CONNECTION }, (_, i) => `t${i}`)
    await a.subscribe(...topics)
    a.send({ type: 'subscribe', topics: ['one-more'] })
    expect(await a.closed).toMatchObject({ code: 1008, reason: 'too many topics' })
  })

  it('closes with 1008 on a topic longer than the limit', async () => {
    server = await startTestServer()
    const a = await client()
    await a.subscribe('x'.repeat(MAX_TOPIC_LENGTH))
    a.send({ type: 'subscribe', topics: ['x'.repeat(MAX_TOPIC_LENGTH + 1)] })
    expect(await a.closed).toMatchObject({ code: 1008, reason: 'topic too long' })
  })

  it('closes with 1008 when a client floods messages past the rate limit', async () => {
    server = await startTestServer()
    const a = await client()
    let pongs = 0
    a.ws.on('message', (data) => (isPong(JSON.parse(data.toString())) ? (pongs += 1) : 0))
    for (let i = 0; i < 400; i++) a.send({ type: 'ping' })
    expect(await a.closed).toMatchObject({ code: 1008, reason: 'rate limit' })
    expect(pongs).toBeGreaterThan(150)
    expect(pongs).toBeLessThan(400)
  })

  it('ignores malformed JSON and wrong shapes, and keeps serving everyone', async () => {
    server = await startTestServer()
    const [a, b] = [await client(), await client()]
    await b.subscribe('room-1')
    for (const junk of ['not json', '{', 'null', '42', '[1,2]', '{"type":"subscribe","topics":"room-1"}', '{"type":"publish"}',
      '{"type":"publish","topic":7}', '{"type":"unsubscribe","topics":{}}', '{"type":"nope"}', '{"topics":["room-1"]}']) {
      a.ws.send(junk)
    }
    a.ws.send(Buffer.from([0xff, 0x00, 0x13]))
    await a.expectNothingElse()
    a.send({ type: 'publish', topic: 'room-1', data: 'still works' })
    expect(await b.next()).toEqual({ type: 'publish', topic: 'room-1', data: 'still works' })
  })

  it('refuses connections past the per-IP and total limits (from env) with 429 / 503', async () => {
    server = await startTestServer({ env: { MAX_CONNECTIONS_PER_IP: '2' } })
    await client()
    await client()
    expect(await refusedStatus(server.wsUrl)).toBe(429)
    await server.close()

    server = await startTestServer({ env: { MAX_CONNECTIONS: '1' } })
    await client()
    expect(await refusedStatus(server.wsUrl)).toBe(503)
  })

  it('frees a connection slot when a client leaves', async () => {
    server = await startTestServer({ limits: { maxConnectionsPerIp: 1 } })
    const first = await client()
    await first.close()
    const second = await client()
    await second.expectNothingElse()
  })

  it('cuts off a subscriber that stops reading instead of buffering for it without bound', async () => {
    let reportSlow = (): void => {}
    const slowReported = new Promise<void>((resolve) => (reportSlow = resolve))
    const log = (line: string): void => (line.includes('slow reader') ? reportSlow() : undefined)
    server = await startTestServer({ log, limits: { maxBufferedBytes: 64 * 1024 } })
    const [sender, slow, other] = [await client(), await client(), await client()]
    await slow.subscribe('room-1')
    await other.subscribe('room-1')
    slow.ws.pause()
    const big = 'x'.repeat(60 * 1024)
    for (let i = 0; i < 150; i++) sender.send({ type: 'publish', topic: 'room-1', data: big })
    await slowReported
    slow.ws.resume()
    expect((await slow.closed).code).toBe(1006)
  })

  it('drops a connection that stops answering keepalive pings, and keeps a live one', async () => {
    server = await startTestServer({ limits: { keepaliveIntervalMs: 20 } })
    const live = await client()
    const dead = await client({ autoPong: false })
    expect((await dead.closed).code).toBe(1006)
    await live.expectNothingElse()
  })

  it('refuses WebSocket upgrades on any path other than /signal', async () => {
    server = await startTestServer()
    expect(await refusedStatus(server.wsUrl.replace('/signal', '/other'))).toBe(404)
    expect(await refusedStatus(server.wsUrl.replace('/signal', '/'))).toBe(404)
  })
})
