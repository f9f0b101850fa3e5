import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { MAX_MESSAGE_BYTES } from '../../server/limits.ts'
import { startTestServer, TestClient, type TestServer } from './helpers.ts'

const TOPIC = 'room-SECRET-TOPIC-7f3a'
const CONTENT = 'SECRET-CONTENT-9b1c'
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const

let spies: MockInstance[]
let server: TestServer

beforeEach(() => {
  spies = METHODS.map((method) => vi.spyOn(console, method).mockImplementation(() => {}))
})
afterEach(async () => {
  await server.close()
  vi.restoreAllMocks()
})

function logged(): string {
  return spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))).join('\n')
}

describe('logging', () => {
  it('logs close reasons and counts but never a topic name or message content', async () => {
    // log: undefined → the server's default logger (console), which the spies capture.
    server = await startTestServer({ log: undefined, limits: { maxTopicsPerConnection: 2, keepaliveIntervalMs: 20 } })
    const connect = () => TestClient.connect(server.wsUrl)

    const honest = await connect()
    await honest.subscribe(TOPIC)
    honest.send({ type: 'publish', topic: TOPIC, data: { type: 'signal', sdp: CONTENT } })
    expect(await honest.next()).toMatchObject({ topic: TOPIC })
    honest.ws.send(`{"type":"publish","topic":"${TOPIC}","data":"${CONTENT}"`) // malformed JSON
    await honest.expectNothingElse()

    const oversize = await connect()
    oversize.send({ type: 'publish', topic: TOPIC, data: CONTENT.repeat(MAX_MESSAGE_BYTES / CONTENT.length + 1) })
    const tooMany = await connect()
    tooMany.send({ type: 'subscribe', topics: [TOPIC, `${TOPIC}-2`, `${TOPIC}-3`] })
    const tooLong = await connect()
    tooLong.send({ type: 'subscribe', topics: [TOPIC.repeat(20)] })
    const flood = await connect()
    for (let i = 0; i < 300; i++) flood.send({ type: 'publish', topic: TOPIC, data: CONTENT })
    const dead = await TestClient.connect(server.wsUrl, { autoPong: false })
    await Promise.all([oversize.closed, tooMany.closed, tooLong.closed, flood.closed, dead.closed])
    await honest.close()

    const text = logged()
    for (const reason of ['message too large', 'too many topics', 'topic too long', 'rate limit', 'keepalive timeout']) {
      expect(text).toContain(reason)
    }
    expect(text).not.toContain('SECRET')
  })
})
