/**
 * Signaling relay under load, on loopback: the real server (`tsx server/main.ts`)
 * in a child process of its own, and LOAD_CLIENTS raw WebSocket clients (the
 * `ws` package, speaking y-webrtc's subscribe/publish protocol) in this process,
 * spread over LOAD_ROOMS rooms. After all have connected and subscribed, every
 * client publishes a ~300-byte message (the size of an encrypted y-webrtc
 * announce) every LOAD_INTERVAL_MS, staggered, for LOAD_SECONDS; the relay
 * fans each out to the room (sender included, as y-webrtc's relay does).
 *
 * Reported: connections held at the end (and any dropped), publishes/s and
 * deliveries/s, relay latency p50/p99 (publish sent → delivered to each other
 * subscriber, one clock: both ends live in this process), and the server's
 * memory: RSS before the clients, with them all connected, its peak during the
 * load, and the RSS added per connection. Not a test: it measures, never fails.
 *
 * The server runs with its default limits. Those count per client address
 * (server/limits.ts: 256 connections, a burst of 1,000 subscribes and 2,000
 * messages per address), and from one loopback address the 5,000 clients were
 * mostly refused (1,021 held): a real load comes from many hosts. So each
 * client binds its own source address, CLIENTS_PER_ADDRESS to an address of
 * 127.0.1.0/24 and up (on Linux all of 127/8 is loopback, no setup needed);
 * the server counts the socket's real peer address (it believes no
 * X-Forwarded-For unless TRUSTED_PROXIES says so, and none is sent).
 *
 * Defaults: 5,000 clients in 1,000 rooms for 60 s, one publish per client every
 * 20 s (250 publishes/s, 1,250 deliveries/s: generous for signaling, which is a
 * burst of a few dozen messages per session start and then keepalives);
 * LOAD_INTERVAL_MS=2000 finds where it saturates. The load generator shares
 * the machine's cores with the server, so the latency is an upper bound for
 * the relay alone.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import type { BenchResult } from './benchResult'

function envInt(name: string, fallback: number): number {
  const raw = process.env[name]
  const value = raw === undefined ? NaN : Number(raw)
  return Number.isInteger(value) && value > 0 ? value : fallback
}

const CLIENTS = envInt('LOAD_CLIENTS', 5_000)
const ROOMS = envInt('LOAD_ROOMS', 1_000)
const SECONDS = envInt('LOAD_SECONDS', 60)
const INTERVAL_MS = envInt('LOAD_INTERVAL_MS', 20_000)
const CONNECT_BATCH = 250
/** Clients per source address: under the server's 256 connections per address, and 250 subscribes stay in one address's burst. */
const CLIENTS_PER_ADDRESS = 250
/** A connection attempt that neither opens nor fails by then is counted as refused (a stuck handshake must not hang the run). */
const CONNECT_TIMEOUT_MS = 10_000
const PAYLOAD = 'x'.repeat(300)
const ROOT = fileURLToPath(new URL('..', import.meta.url))

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

/** Resident memory of a process, in bytes (Linux /proc). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
  return kb === undefined ? NaN : Number(kb) * 1024
}

/** CPU seconds (user + system) a process has used so far (Linux /proc, clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** The 1-minute load average: on a shared machine, the context every figure here needs. */
function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The loopback source address of client `i`: 127.0.1.1, 127.0.1.2, … (one per CLIENTS_PER_ADDRESS clients). */
function sourceAddress(i: number): string {
  const n = Math.floor(i / CLIENTS_PER_ADDRESS)
  return `127.0.${1 + Math.floor(n / 254)}.${1 + (n % 254)}`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function run(): Promise<BenchResult[]> {
  const port = await freePort()
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running at')) resolve()
    })
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  server.stdout.resume() // it logs dropped connections only; keep the pipe drained
  const pid = server.pid!
  await sleep(500)
  const rssIdle = rssOf(pid)
  const url = `ws://127.0.0.1:${port}/signal`

  // ── connect and subscribe, in batches ──
  const sockets: WebSocket[] = []
  let dropped = 0
  let refused = 0
  const reasons = new Map<string, number>() // why connections were refused or dropped, for the note
  const count = (reason: string): void => void reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  let stopping = false
  let measuring = false
  let delivered = 0
  let published = 0
  const receiving = new Set<number>() // clients that got another client's publish: they are really subscribed
  const latencies = new Float64Array(Math.ceil((CLIENTS * SECONDS * 1000) / INTERVAL_MS) * Math.ceil(CLIENTS / ROOMS) + 1_000)
  let samples = 0
  const connectStarted = performance.now()
  for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
    const batch: Promise<void>[] = []
    for (let j = i; j < Math.min(CLIENTS, i + CONNECT_BATCH); j++) {
      const ws = new WebSocket(url, { perMessageDeflate: false, localAddress: sourceAddress(j), handshakeTimeout: CONNECT_TIMEOUT_MS })
      const me = j
      sockets.push(ws)
      let opened = false
      ws.on('message', (data) => {
        if (!measuring) return
        const message = JSON.parse(data.toString()) as { data?: { from: number; at: number } }
        if (!message.data || message.data.from === me) return
        delivered += 1
        receiving.add(me)
        if (samples < latencies.length) latencies[samples++] = performance.now() - message.data.at
      })
      ws.on('close', (code, reason) => {
        if (stopping || !opened) return
        dropped += 1
        count(`dropped ${code} ${reason.toString() || '(no reason)'}`)
      })
      batch.push(
        new Promise<void>((resolve) => {
          ws.once('open', () => {
            opened = true
            ws.send(JSON.stringify({ type: 'subscribe', topics: [`load-room-${me % ROOMS}`] }))
            resolve()
          })
          ws.on('unexpected-response', (_request, response) => {
            refused += 1
            count(`refused HTTP ${response.statusCode}`)
            ws.terminate()
            resolve()
          })
          ws.on('error', (error: NodeJS.ErrnoException) => {
            if (opened) return
            refused += 1
            count(`refused ${error.code ?? error.message}`)
            resolve()
          })
        }),
      )
    }
    await Promise.all(batch)
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000
  await sleep(1_000)
  const rssConnected = rssOf(pid)
  const connected = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length

  // ── the load: each client publishes every INTERVAL_MS, staggered over the interval ──
  let rssPeak = rssConnected
  measuring = true
  const cpuBefore = cpuSecondsOf(pid)
  const started = performance.now()
  const timers: NodeJS.Timeout[] = []
  sockets.forEach((ws, i) => {
    const publish = (): void => {
      if (ws.readyState !== WebSocket.OPEN) return
      published += 1
      ws.send(JSON.stringify({ type: 'publish', topic: `load-room-${i % ROOMS}`, data: { from: i, at: performance.now(), pad: PAYLOAD } }))
    }
    timers.push(
      setTimeout(() => {
        publish()
        timers.push(setInterval(publish, INTERVAL_MS))
      }, (i / CLIENTS) * INTERVAL_MS),
    )
  })
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 1_000)
  await sleep(SECONDS * 1000)
  measuring = false
  const elapsed = (performance.now() - started) / 1000
  const serverCpu = (cpuSecondsOf(pid) - cpuBefore) / elapsed
  const load = loadAverage()
  clearInterval(sampler)
  for (const timer of timers) clearInterval(timer)
  const held = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length

  // ── tear down ──
  stopping = true
  for (const ws of sockets) ws.terminate()
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited

  const sorted = latencies.slice(0, samples).sort()
  const perConnection = (rssConnected - rssIdle) / connected
  const addresses = Math.ceil(CLIENTS / CLIENTS_PER_ADDRESS)
  const config = `${CLIENTS} clients in ${ROOMS} rooms from ${addresses} loopback addresses, 1 publish/client every ${INTERVAL_MS} ms, ${SECONDS} s, the server's default limits`
  const why = [...reasons].map(([reason, times]) => `${times}× ${reason}`).join(', ')
  return [
    {
      name: 'signaling load: relay latency p99',
      unit: 'ms',
      value: percentile(sorted, 99),
      values: {
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        max: sorted.length ? sorted[sorted.length - 1]! : NaN,
        publishesPerSecond: published / elapsed,
        deliveriesPerSecond: delivered / elapsed,
        serverCpuCores: serverCpu,
        loadAverage1m: load,
      },
      note: `${config}; load generator and server share this machine's cores`,
    },
    {
      name: 'signaling load: connections held',
      unit: 'connections',
      value: held,
      values: { clients: CLIENTS, refused, dropped, clientsReceiving: receiving.size, addresses, connectSeconds },
      note: `${config}${why ? `; ${why}` : ''}; clientsReceiving = clients that got another's publish (subscribed)`,
    },
    {
      name: 'signaling load: server memory per connection',
      unit: 'KiB',
      value: perConnection / 1024,
      values: { rssIdleMiB: rssIdle / 2 ** 20, rssConnectedMiB: rssConnected / 2 ** 20, rssPeakMiB: rssPeak / 2 ** 20, connected },
      note: 'server RSS with the clients connected and subscribed, minus before any, per connection held; peak during the load',
    },
  ]
}

// Run alone: `npx tsx bench/loadSignaling.ts` prints the rows (bench/run.ts stores them).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await run()) console.log(JSON.stringify(row))
}
