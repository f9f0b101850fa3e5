/**
 * Server memory under the slow-reader fan-out (issue 18): N readers subscribe
 * to one topic and stop reading (their sockets are paused, so TCP backpressure
 * reaches the server), while 4 publishers each send near-maximum publishes on
 * it at the per-connection rate the relay allows. Without a cap on buffered
 * outgoing bytes the server queues every publish for every reader.
 *
 * The server runs in a child process (`memoryServer.ts`) started with
 * `--expose-gc`: RSS is sampled from /proc during the load (its peak is the
 * figure), heap + external + array buffers are read after a full GC before and
 * after. Per-address limits are raised so the bench measures the buffer caps,
 * not the per-IP ones (every client here is 127.0.0.1). Budget: ≤ 64 MiB of
 * growth at any reader count. Not a test: it measures, never fails.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import type { BenchResult } from './benchResult'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The reader counts measured: the fan-out first measured in issue 18, and a much larger one. */
const READER_COUNTS = [24, 200]
/** Publishers, each within its own per-connection allowance, as in the measurement. */
const PUBLISHERS = 4
/** 50/s is the relay's sustained per-connection rate; publishing faster would only get the publisher dropped. */
const PUBLISH_INTERVAL_MS = 20
/** Just under the relay's 64 KiB message limit once wrapped in the publish envelope. */
const PAYLOAD = 'x'.repeat(60 * 1024)
/** Long enough for every reader's kernel buffers to fill and the server's own queues to reach their caps. */
const LOAD_SECONDS = Number(process.env.SLOW_READER_SECONDS ?? 10)
const SAMPLE_MS = 20 // frequent enough to catch the peak just before readers are dropped
const MIB = 2 ** 20
/** Issue 18's budget for server memory growth, at any number of slow readers. */
const BUDGET_MIB = 64

interface Memory {
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
  /** The relay's own count of bytes queued toward readers (`signalingStats()`). */
  peakBufferedBytes: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return kb === undefined ? NaN : Number(kb) * 1024
}

/** Live (post-GC) memory of the child, asked over IPC. */
function memoryOf(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string; usage?: NodeJS.MemoryUsage; stats?: { peakBufferedBytes: number } }): void => {
      if (message.type !== 'memory' || !message.usage) return
      child.off('message', onMessage)
      resolve({ ...message.usage, peakBufferedBytes: message.stats?.peakBufferedBytes ?? NaN })
    }
    child.on('message', onMessage)
    child.send({ type: 'memory' })
  })
}

const live = (m: Memory): number => m.heapUsed + m.external

async function startChild(readers: number): Promise<{ child: ChildProcess; port: number; dropped: () => number }> {
  const generous = String(readers + PUBLISHERS + 100)
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/memoryServer.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DIST_DIR: '/nonexistent',
      MAX_CONNECTIONS_PER_IP: generous,
      MESSAGES_PER_SECOND_PER_IP: '100000',
      SUBSCRIBES_PER_SECOND_PER_IP: '100000',
      MAX_SUBSCRIBERS_PER_TOPIC: generous,
      PORTAL_SALT: 'bench-portal-salt-not-secret',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  let dropped = 0
  child.stdout?.on('data', (chunk: Buffer) => (dropped += chunk.toString().split('slow reader').length - 1))
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'ready' && message.port) resolve(message.port)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return { child, port, dropped: () => dropped }
}

function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  ws.on('error', () => {})
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

async function measure(readers: number): Promise<BenchResult> {
  const { child, port, dropped } = await startChild(readers)
  const url = `ws://127.0.0.1:${port}/signal`
  const topic = 'slow-room'
  const sockets: WebSocket[] = []
  for (let i = 0; i < readers; i++) {
    const ws = await open(url)
    ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }))
    sockets.push(ws)
  }
  const publishers = await Promise.all(Array.from({ length: PUBLISHERS }, () => open(url)))
  sockets.push(...publishers)
  await sleep(500)
  // Stop reading: the kernel's receive buffer fills, then the server's send side backs up.
  for (const ws of sockets.slice(0, readers)) ws.pause()
  const before = await memoryOf(child)
  const pid = child.pid!

  let peakRss = rssOf(pid)
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), SAMPLE_MS)
  const message = JSON.stringify({ type: 'publish', topic, data: PAYLOAD })
  const timer = setInterval(() => {
    for (const ws of publishers) if (ws.readyState === WebSocket.OPEN) ws.send(message)
  }, PUBLISH_INTERVAL_MS)
  await sleep(LOAD_SECONDS * 1000)
  clearInterval(timer)
  clearInterval(sampler)
  peakRss = Math.max(peakRss, rssOf(pid))
  const after = await memoryOf(child)
  const publishersLeft = publishers.filter((ws) => ws.readyState === WebSocket.OPEN).length

  for (const ws of sockets) ws.terminate()
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.disconnect()
  await exited

  return {
    name: `server memory growth, ${readers} slow readers + ${PUBLISHERS} publishers`,
    unit: 'MiB',
    value: (peakRss - before.rss) / MIB,
    values: {
      budgetMiB: BUDGET_MIB,
      rssBeforeMiB: before.rss / MIB,
      rssPeakMiB: peakRss / MIB,
      liveGrowthMiB: (live(after) - live(before)) / MIB,
      peakQueuedMiB: after.peakBufferedBytes / MIB,
      readersDropped: dropped(),
      publishersLeft,
    },
    note: `peak RSS during ${LOAD_SECONDS} s of ~60 KiB publishes every ${PUBLISH_INTERVAL_MS} ms per publisher, minus RSS before; live = heap + external after GC`,
  }
}

/** Runs every reader count in turn, each against a fresh server. */
export async function run(): Promise<BenchResult[]> {
  const rows: BenchResult[] = []
  for (const readers of READER_COUNTS) rows.push(await measure(readers))
  return rows
}

// Run alone: `npx tsx bench/slowReaders.bench.ts` prints the rows (bench/run.ts stores them).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await run()) console.log(JSON.stringify(row))
}
