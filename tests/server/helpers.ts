/** Shared fixtures for server tests: a temp dist/, a server on port 0, and a ws client with an awaitable inbox. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ClientOptions } from 'ws'
import { WebSocket } from 'ws'
import { startServer, type RunningServer, type StartServerOptions } from '../../server/startServer.ts'

/** A file outside dist/ that a traversal bug would leak. */
export const SECRET = 'TOP-SECRET-OUTSIDE-DIST'

/** A fake `vite build` output inside a temp folder whose parent also holds `secret.txt`. */
export interface Fixture {
  root: string
  distDir: string
  cleanup(): Promise<void>
}

/** Writes a small built-app tree (index, hashed assets, sw, manifest, icons) to a temp folder. */
export async function makeDist(): Promise<Fixture> {
  const root = await mkdtemp(path.join(tmpdir(), 'asiste-server-'))
  const distDir = path.join(root, 'dist')
  await mkdir(path.join(distDir, 'assets'), { recursive: true })
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Asiste</title><div id="app"></div>',
    'assets/index-abc123.js': 'console.log("app")',
    'assets/index-abc123.js.map': '{"version":3}',
    'assets/index-abc123.css': 'body{}',
    'assets/font-abc123.woff2': 'wOF2',
    'sw.js': 'self.addEventListener("fetch",()=>{})',
    'workbox-1a2b3c.js': '/* workbox */',
    'registerSW.js': '/* register */',
    'manifest.webmanifest': '{"name":"Asiste"}',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'icon.png': 'PNG',
    'favicon.ico': 'ICO',
    'data.json': '{}',
  }
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(distDir, name), body)
  await writeFile(path.join(root, 'secret.txt'), SECRET)
  return { root, distDir, cleanup: () => rm(root, { recursive: true, force: true }) }
}

/** A running test server plus its WebSocket URL. */
export interface TestServer extends RunningServer {
  wsUrl: string
}

/** Where test servers keep a generated portal salt: never the repo's own server/data. */
export const TEST_DATA_DIR = path.join(tmpdir(), 'asiste-server-tests')

/** Starts a server on an ephemeral loopback port; logs go to `log` (silent by default). */
export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir: '/nonexistent-dist', dataDir: TEST_DATA_DIR, log: () => {}, ...options })
  return { ...server, wsUrl: `ws://127.0.0.1:${server.port}/signal` }
}

/** How a socket closed. */
export interface Closed {
  code: number
  reason: string
}

/** A raw ws client that queues every JSON message it receives. */
export class TestClient {
  private readonly inbox: unknown[] = []
  private readonly waiters: ((message: unknown) => void)[] = []
  /** Resolves when the socket closes, with the close code. */
  readonly closed: Promise<Closed>

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const message: unknown = JSON.parse(isBinary ? '"<binary>"' : data.toString())
      const waiter = this.waiters.shift()
      if (waiter) waiter(message)
      else this.inbox.push(message)
    })
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  }

  /** Connects and resolves once open. */
  static async connect(url: string, options?: ClientOptions): Promise<TestClient> {
    const ws = new WebSocket(url, options)
    const client = new TestClient(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return client
  }

  /** Sends a value as JSON. */
  send(value: unknown): void {
    this.ws.send(JSON.stringify(value))
  }

  /** The next message received (waits if none is queued). */
  next(): Promise<unknown> {
    const queued = this.inbox.shift()
    if (queued !== undefined) return Promise.resolve(queued)
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Subscribes and waits until the server has processed it (a ping sent after it is answered). */
  async subscribe(...topics: string[]): Promise<void> {
    this.send({ type: 'subscribe', topics })
    await this.expectNothingElse()
  }

  /** Pings and asserts the pong is the next message: nothing else was delivered before it. */
  async expectNothingElse(): Promise<void> {
    this.send({ type: 'ping' })
    const message = await this.next()
    if (!isPong(message)) throw new Error(`expected only a pong, got ${JSON.stringify(message)}`)
  }

  /** Closes and waits for the close to finish. */
  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close()
    await this.closed
  }
}

/** True for `{ type: 'pong' }`. */
export function isPong(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pong'
}

/** Resolves with the HTTP status when a WebSocket upgrade is refused. */
export function refusedStatus(url: string, options?: ClientOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options)
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => reject(new Error('upgrade was accepted')))
    ws.on('error', () => {})
  })
}
