/**
 * Issue 18, the relay's side: it tells nobody whether a room is live, and its
 * memory stays bounded however many readers stop reading. Raw ws clients on
 * loopback; every loop is bounded, every wait is on an event.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestServer, TestClient, type TestServer } from './helpers.ts'

let server: TestServer
const clients: TestClient[] = []

/** Per-address limits out of the way: every client here is 127.0.0.1 (they have tests of their own). */
const ONE_ADDRESS_MANY_PARTIES = { maxConnectionsPerIp: 1_000, ipMessagesPerSecond: 100_000, ipMessageBurst: 100_000 }

async function client(): Promise<TestClient> {
  const c = await TestClient.connect(server.wsUrl)
  clients.push(c)
  return c
}

afterEach(async () => {
  // terminate, not close: a paused reader would never read the server's close frame.
  for (const c of clients.splice(0)) c.ws.terminate()
  await server.close()
})

/** A log that resolves `count` once `text` has been logged that many times. */
function countingLog(text: string, count: number): { log: (line: string) => void; reached: Promise<void>; seen: () => number; lines: string[] } {
  let seen = 0
  let reach = (): void => {}
  const reached = new Promise<void>((resolve) => (reach = resolve))
  const lines: string[] = []
  return {
    lines,
    log: (line) => {
      lines.push(line)
      if (!line.includes(text)) return
      seen += 1
      if (seen === count) reach()
    },
    reached,
    seen: () => seen,
  }
}

describe('no room facts in replies', () => {
  it('no reply carries a subscriber count or any field the relay added, on a live or a dead topic', async () => {
    server = await startTestServer()
    const [a, b, probe] = [await client(), await client(), await client()]
    await a.subscribe('live-room')
    await b.subscribe('live-room')
    await probe.subscribe('live-room', 'dead-room')

    // The old probe: a publish with no data, answered with `clients: N`. Now nothing comes back at all.
    probe.send({ type: 'publish', topic: 'live-room' })
    probe.send({ type: 'publish', topic: 'dead-room' })
    await probe.expectNothingElse()
    await a.expectNothingElse()

    // A real publish arrives as type, topic and data only, whatever else the sender put in it.
    probe.send({ type: 'publish', topic: 'live-room', data: 'hello', clients: 99, extra: 'x' })
    for (const receiver of [a, b, probe]) expect(await receiver.next()).toEqual({ type: 'publish', topic: 'live-room', data: 'hello' })
    probe.send({ type: 'publish', topic: 'dead-room', data: 'anyone?' })
    expect(await probe.next()).toEqual({ type: 'publish', topic: 'dead-room', data: 'anyone?' })
  })

  it('a topic holds at most maxSubscribersPerTopic subscribers; a further subscribe is ignored, the connection kept', async () => {
    server = await startTestServer({ limits: { maxSubscribersPerTopic: 2 } })
    const [a, b, late] = [await client(), await client(), await client()]
    await a.subscribe('room')
    await b.subscribe('room')
    await late.subscribe('room', 'other-room')
    a.send({ type: 'publish', topic: 'room', data: 'to two' })
    expect(await b.next()).toMatchObject({ data: 'to two' })
    expect(await a.next()).toMatchObject({ data: 'to two' })
    await late.expectNothingElse()
    // Its other room still works.
    late.send({ type: 'publish', topic: 'other-room', data: 'mine' })
    expect(await late.next()).toMatchObject({ data: 'mine' })
  })
})

describe('bounded outgoing buffers', () => {
  it('slow readers are cut off and the bytes queued toward all readers never pass the total cap', async () => {
    const SLOW = 12
    const PER_READER = 256 * 1024
    const TOTAL = 1024 * 1024
    const MESSAGES = 200
    const dropped = countingLog('slow reader', SLOW)
    server = await startTestServer({
      log: dropped.log,
      limits: { ...ONE_ADDRESS_MANY_PARTIES, maxBufferedBytes: PER_READER, maxTotalBufferedBytes: TOTAL, messageBurst: 1_000, messagesPerSecond: 1_000 },
    })
    const slow = await Promise.all(Array.from({ length: SLOW }, () => client()))
    for (const reader of slow) await reader.subscribe('fan-out')
    const fast = await client()
    await fast.subscribe('fan-out')
    // The fast reader shares this process's event loop with the server: publish two at a time and let it
    // catch up, so it is never behind by more than its own cap, while the paused readers fall ever further behind.
    let fastReceived = 0
    let caughtUp: { count: number; resolve: () => void } | undefined
    fast.ws.on('message', () => {
      fastReceived += 1
      if (caughtUp && fastReceived >= caughtUp.count) caughtUp.resolve()
    })
    const publisher = await client()
    for (const reader of slow) reader.ws.pause() // stop reading: the kernel's buffers fill, then the server's

    const big = 'x'.repeat(60 * 1024)
    for (let sent = 0; sent < MESSAGES; ) {
      for (let i = 0; i < 2; i++, sent++) publisher.send({ type: 'publish', topic: 'fan-out', data: big })
      const count = sent
      if (fastReceived < count) await new Promise<void>((resolve) => (caughtUp = { count, resolve }))
    }
    await dropped.reached
    expect(fastReceived).toBe(MESSAGES)

    const stats = server.signalingStats()
    // One message may sit on top of the cap for as long as it takes to drop the reader furthest behind.
    expect(stats.peakBufferedBytes).toBeLessThanOrEqual(TOTAL + big.length + 100)
    expect(stats.peakBufferedBytes).toBeGreaterThan(PER_READER) // the readers really were behind
    expect(dropped.seen()).toBe(SLOW) // every paused reader was cut, and nobody else
    // The node's total was what cut some of them: 12 readers at their own cap would hold 3 MiB.
    expect(dropped.lines.filter((line) => line.includes('server buffers full')).length).toBeGreaterThan(0)
    expect(fast.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('a single slow reader is cut at its own cap even when the node has room', async () => {
    const dropped = countingLog('slow reader', 1)
    server = await startTestServer({ log: dropped.log, limits: { maxBufferedBytes: 128 * 1024, messageBurst: 1_000 } })
    const [slow, publisher] = [await client(), await client()]
    await slow.subscribe('room')
    slow.ws.pause()
    const big = 'x'.repeat(60 * 1024)
    for (let i = 0; i < 200 && dropped.seen() === 0; i++) {
      publisher.send({ type: 'publish', topic: 'room', data: big })
      await publisher.expectNothingElse() // one publish at a time, so the loop stops right after the cut
    }
    await dropped.reached
    expect(dropped.seen()).toBe(1)
    expect(server.signalingStats().bufferedBytes).toBe(0) // its queue went with it
  })
})
