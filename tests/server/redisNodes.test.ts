/**
 * Several signaling nodes sharing topics through Redis pub/sub (`REDIS_URL`):
 * two raw y-webrtc-protocol clients on two different nodes find each other.
 * A real `redis-server` (Debian's package, installed by .ci/run) is started on
 * a free loopback port for this file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { makeFakeWrtc } from './fakeWrtc.ts'
import { decryptSignal, deriveRoomKey, encryptSignal } from './yWebrtcCrypto.ts'
import { isPong, startTestServer, TestClient, type TestServer } from './helpers.ts'

const REDIS_SERVER = '/usr/bin/redis-server'
const hasRedis = existsSync(REDIS_SERVER)
if (!hasRedis) console.warn(`redisNodes.test.ts skipped: ${REDIS_SERVER} is missing (apt-get install redis-server; .ci/run does)`)

let redis: ChildProcess | undefined
let redisUrl = ''
const servers: TestServer[] = []
const clients: TestClient[] = []

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

beforeAll(async () => {
  if (!hasRedis) return
  const port = await freePort()
  redis = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // Ready when it says so on stdout.
  await new Promise<void>((resolve, reject) => {
    let out = ''
    redis?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Ready to accept connections')) resolve()
    })
    redis?.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)))
  })
  redisUrl = `redis://127.0.0.1:${port}`
}, 20_000)

afterAll(async () => {
  if (!redis || redis.exitCode !== null) return
  const exited = new Promise((resolve) => redis?.once('exit', resolve))
  redis.kill('SIGTERM')
  await exited
})

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function node(): Promise<TestServer> {
  const server = await startTestServer({ env: { REDIS_URL: redisUrl } })
  servers.push(server)
  return server
}

async function client(server: TestServer): Promise<TestClient> {
  const c = await TestClient.connect(server.wsUrl)
  clients.push(c)
  return c
}

/** Publishes until `to` receives it (a node's Redis subscription completes shortly after its client subscribes), then drains both inboxes. */
async function publishUntilReceived(from: TestClient, to: TestClient, topic: string, data: unknown): Promise<unknown> {
  let got: unknown
  const pending = to.next().then((message) => (got = message))
  for (let attempt = 0; attempt < 50 && got === undefined; attempt++) {
    from.send({ type: 'publish', topic, data })
    await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, 100))])
  }
  if (got === undefined) throw new Error('never delivered across nodes')
  await new Promise((resolve) => setTimeout(resolve, 200)) // copies of earlier attempts still in flight
  await drain(from)
  await drain(to)
  return got
}

/** Reads and drops everything queued for `client` (up to the pong of one ping). */
async function drain(client: TestClient): Promise<void> {
  client.send({ type: 'ping' })
  while (!isPong(await client.next()));
}

describe.skipIf(!hasRedis)('signaling nodes sharing topics through Redis', () => {
  it('delivers a publish on one node to a subscriber on another, once, and not to other topics', async () => {
    const [one, two] = [await node(), await node()]
    const a = await client(one)
    const b = await client(two)
    const stranger = await client(two)
    await a.subscribe('room-1')
    await b.subscribe('room-1')
    await stranger.subscribe('room-2')

    const got = await publishUntilReceived(a, b, 'room-1', { type: 'announce', from: 'peer-a' })
    expect(got).toEqual({ type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'peer-a' } })
    // Now that the path is up, one publish arrives exactly once on each side; the sender's own node
    // delivers to it directly and ignores its own message coming back from Redis.
    b.send({ type: 'publish', topic: 'room-1', data: 'answer' })
    expect(await a.next()).toMatchObject({ topic: 'room-1', data: 'answer' })
    expect(await b.next()).toMatchObject({ topic: 'room-1', data: 'answer' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await a.expectNothingElse()
    await b.expectNothingElse()
    await stranger.expectNothingElse()
  })

  it('stops delivering to a node once its last subscriber of the topic leaves', async () => {
    const [one, two] = [await node(), await node()]
    const a = await client(one)
    const b = await client(two)
    await a.subscribe('room-x')
    await b.subscribe('room-x')
    await publishUntilReceived(a, b, 'room-x', 'hello')
    b.send({ type: 'unsubscribe', topics: ['room-x'] })
    await b.expectNothingElse()
    await new Promise((resolve) => setTimeout(resolve, 200)) // the node's Redis UNSUBSCRIBE
    a.send({ type: 'publish', topic: 'room-x', data: 'after leaving' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await b.expectNothingElse()
  })

  it('a client on a third node started later joins the same room', async () => {
    const [one, two] = [await node(), await node()]
    const a = await client(one)
    const b = await client(two)
    await a.subscribe('room-3')
    await b.subscribe('room-3')
    const three = await node()
    const c = await client(three)
    await c.subscribe('room-3')
    expect(await publishUntilReceived(c, a, 'room-3', 'from the third node')).toMatchObject({ data: 'from the third node' })
    await drain(b)
    c.send({ type: 'publish', topic: 'room-3', data: 'to both' })
    expect(await a.next()).toMatchObject({ data: 'to both' })
    expect(await b.next()).toMatchObject({ data: 'to both' })
  })

  it('refuses a malformed REDIS_URL with a clear message', async () => {
    await expect(startTestServer({ env: { REDIS_URL: 'http://nope' } })).rejects.toThrow(/REDIS_URL/)
  })
})

describe.skipIf(!hasRedis)('real y-webrtc clients on two Redis-linked nodes', () => {
  const globals = globalThis as { WebSocket?: unknown }
  const saved = globals.WebSocket
  const cleanups: (() => void)[] = []
  beforeAll(() => {
    globals.WebSocket = WebSocket // lib0/websocket (inside y-webrtc) uses the global WebSocket, which Node 20 lacks
  })
  afterAll(() => {
    globals.WebSocket = saved
  })
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  it('a real y-webrtc client on one node and a peer on another find each other: announce and encrypted offer cross nodes', async () => {
    const [one, two] = [await node(), await node()]
    const room = `asiste-test-${randomUUID()}`
    const password = 'shared room key'
    const key = await deriveRoomKey(password, room)
    // The raw peer is on node two; it hears y-webrtc's announce from node one once both nodes share the topic.
    const raw = await client(two)
    await raw.subscribe(room)
    const doc = new Y.Doc()
    const provider = new WebrtcProvider(room, doc, { signaling: [one.wsUrl], password, peerOpts: { wrtc: makeFakeWrtc(() => {}) } })
    cleanups.push(() => {
      provider.disconnect()
      provider.destroy()
      doc.destroy()
    })
    const announce = (await raw.next()) as { data: string }
    expect(await decryptSignal(announce.data, key)).toEqual({ type: 'announce', from: provider.room?.peerId })

    // The raw peer announces back through node two; y-webrtc on node one sees it and sends it an offer.
    const peersAdded = new Promise<string[]>((resolve) => provider.on('peers', (event: { added: string[] }) => resolve(event.added)))
    raw.send({ type: 'publish', topic: room, data: await encryptSignal({ type: 'announce', from: 'raw-peer' }, key) })
    expect(await peersAdded).toEqual(['raw-peer'])
    for (;;) {
      const message = (await raw.next()) as { data: string }
      const signal = (await decryptSignal(message.data, key)) as { type: string; to?: string; signal?: { type: string } }
      if (signal.type !== 'signal') continue // our own announce, echoed by node two
      expect(signal).toMatchObject({ to: 'raw-peer', from: provider.room?.peerId, signal: { type: 'offer' } })
      break
    }
  })
})
