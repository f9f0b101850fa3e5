// Servers a reliability test owns: each test starts its own signaling relays
// (and app server) in this Playwright worker on ports of its own, so it can
// kill and restart them without touching the shared webServer on 8199.
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startServer, type RunningServer } from '../../../server/startServer.ts'

/** The built app the tests serve: DIST_DIR if set (manual runs), else the repo's dist/ that `npm test` builds. */
export const DIST_DIR = process.env.DIST_DIR ?? fileURLToPath(new URL('../../../dist', import.meta.url))

/**
 * A free loopback port below Linux's ephemeral range (32768+), so no outgoing
 * connection can take it while a test has its server down for a restart.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000)
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
}

/** One Asiste server (app + /config.json + /signal) on a fixed port that can be stopped and started again. */
export interface OwnServer {
  readonly port: number
  /** `http://127.0.0.1:<port>/` */
  readonly origin: string
  /** `ws://127.0.0.1:<port>/signal` */
  readonly signalUrl: string
  readonly running: boolean
  start(): Promise<void>
  /** Closes every signaling socket (1001) and the HTTP server: to its clients, the server is gone. */
  stop(): Promise<void>
}

/** Makes (not starts) a server on `port` with the given environment (SIGNALING_URLS, ICE_SERVERS…). */
export function ownServer(port: number, env: Record<string, string> = {}): OwnServer {
  let server: RunningServer | undefined
  return {
    port,
    origin: `http://127.0.0.1:${port}/`,
    signalUrl: `ws://127.0.0.1:${port}/signal`,
    get running() {
      return server !== undefined
    },
    async start() {
      if (server) return
      // The port was just released by stop(): retry briefly if the kernel has not let go of it yet.
      for (let attempt = 0; ; attempt++) {
        try {
          server = await startServer({ port, host: '127.0.0.1', distDir: DIST_DIR, env, log: () => {} })
          return
        } catch (error) {
          if (attempt >= 20) throw error
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
    },
    async stop() {
      const running = server
      server = undefined
      await running?.close()
    },
  }
}

/** Rewrites a link the app printed (on any origin) onto `origin`, keeping path, query and fragment. */
export function onOrigin(link: string, origin: string): string {
  const url = new URL(link)
  return new URL(`${url.pathname}${url.search}${url.hash}`, origin).toString()
}
