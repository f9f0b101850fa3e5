/** Wires one HTTP server: the app's files, `/config.json`, and the `/signal` WebSocket relay on the same port. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TrustedProxies } from './clientAddress.ts'
import { makeClientConfig } from './clientConfig.ts'
import type { SignalingLimits } from './limits.ts'
import { resolvePortalSalt } from './portalSalt.ts'
import type { Env, RuntimeConfig } from './runtimeConfig.ts'
import { contentSecurityPolicy, securityHeaders } from './securityHeaders.ts'
import { readServerConfig } from './serverConfig.ts'
import { createSignalingRelay, rejectUpgrade, type SignalingStats } from './signaling.ts'
import { createStaticHandler, hasBuiltApp, sendText } from './staticFiles.ts'
import { createRedisBus } from './topicBus.ts'

/** The WebSocket path y-webrtc clients connect to (the client builds `ws(s)://<origin>/signal`). */
export const SIGNAL_PATH = '/signal'
/** The runtime config the client fetches at start. */
export const CONFIG_PATH = '/config.json'
/** Liveness for load balancers and orchestrators: 200 `ok` while the process serves. */
export const HEALTH_PATH = '/healthz'

/** Options for `startServer`; explicit fields win over what `env` says. */
export interface StartServerOptions {
  /** Environment to read (PORT, HOST, DIST_DIR, SIGNALING_URLS, ICE_SERVERS…); defaults to `{}`, not `process.env`. */
  env?: Env
  /** 0 picks a free port. */
  port?: number
  host?: string
  distDir?: string
  /** Where a generated portal salt is kept (tests use a temp folder); defaults to `DATA_DIR`. */
  dataDir?: string
  limits?: Partial<SignalingLimits>
  /** Overrides `TRUSTED_PROXIES`. */
  trustedProxies?: TrustedProxies
  /** Operational log lines (never content or topic names); defaults to console.log. */
  log?: (line: string) => void
}

/** A listening server. */
export interface RunningServer {
  /** e.g. `http://localhost:8123/` */
  url: string
  port: number
  /** The folder the app is served from. */
  distDir: string
  /** False when distDir has no index.html (the app is not built; signaling still runs). */
  hasApp: boolean
  runtime: RuntimeConfig
  /** The salt `/config.json` serves for portal rooms. */
  portalSalt: string
  /** The relay's own accounting (connections, buffered bytes). */
  signalingStats(): SignalingStats
  /** Closes signaling sockets (1001), then the HTTP server; resolves when all are closed. */
  close(): Promise<void>
}

/** Starts the server; rejects with a `ConfigError` for bad env, or the listen error (e.g. EADDRINUSE). */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = readServerConfig(options.env ?? {})
  const host = options.host ?? config.host
  const distDir = options.distDir ?? config.distDir
  const log = options.log ?? ((line: string) => console.log(line))
  const portalSalt = resolvePortalSalt(options.env ?? {}, options.dataDir ?? config.dataDir)
  // Several nodes share topics through Redis; without REDIS_URL the single-node path is unchanged.
  const bus = config.redisUrl === undefined ? undefined : await createRedisBus(config.redisUrl, log)
  const relay = createSignalingRelay({
    limits: { ...config.limits, ...options.limits },
    trustedProxies: options.trustedProxies ?? config.trustedProxies,
    originAllowed: config.originAllowed,
    log,
    ...(bus ? { bus } : {}),
  })
  const serveStatic = createStaticHandler(distDir)
  const headers = securityHeaders(contentSecurityPolicy(config.runtime.signaling))
  // Built per request: every fetch gets TURN credentials that expire TURN_TTL_SECONDS from now.
  const clientConfig = makeClientConfig(config.runtime, config.turn, portalSalt)

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    const pathname = (req.url ?? '/').split('?', 1)[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'Method not allowed\n')
    }
    if (pathname === CONFIG_PATH) {
      const configJson = JSON.stringify(clientConfig())
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(configJson),
        'Cache-Control': 'no-store',
      })
      res.end(req.method === 'HEAD' ? undefined : configJson)
      return
    }
    if (pathname === SIGNAL_PATH) return sendText(res, 426, 'This path only speaks WebSocket\n')
    if (pathname === HEALTH_PATH) return sendText(res, 200, 'ok\n')
    await serveStatic(req, res)
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error\n')
      else res.destroy()
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const pathname = (req.url ?? '/').split('?', 1)[0]
    if (pathname === SIGNAL_PATH) relay.handleUpgrade(req, socket, head)
    else rejectUpgrade(socket, 404, 'Not Found')
  })

  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error): void => {
      void bus?.close()
      reject(err)
    }
    server.once('error', failed)
    server.listen(options.port ?? config.port, host, () => {
      server.off('error', failed)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  return {
    url: `http://${displayHost(host)}:${port}/`,
    port,
    distDir,
    hasApp: hasBuiltApp(distDir),
    runtime: config.runtime,
    portalSalt,
    signalingStats: () => relay.stats(),
    close: () =>
      (closing ??= (async () => {
        // Stop listening first: clients told "going away" reconnect at once, and a server still
        // accepting them would never finish closing.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        await relay.close()
        server.closeAllConnections()
        await stopped
        await bus?.close()
      })()),
  }
}

/** Loopback and wildcard binds are reachable as `localhost` from this machine; show that. */
function displayHost(host: string): string {
  if (['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host)) return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}
