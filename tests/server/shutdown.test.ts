/** Server lifecycle: shutting down while clients reconnect at once (as y-webrtc's do after a 1001) still finishes; the health check. */
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestServer } from './helpers.ts'

describe('server shutdown', () => {
  it('close() resolves even while clients keep reconnecting, and refuses them meanwhile', async () => {
    const server = await startTestServer()
    let stop = false
    let reconnects = 0
    // A client that reconnects the moment it is closed, like lib0's websocket after a going-away close.
    const connect = (): void => {
      if (stop) return
      const ws = new WebSocket(server.wsUrl)
      ws.on('error', () => {})
      ws.on('close', () => {
        reconnects += 1
        setImmediate(connect)
      })
    }
    for (let i = 0; i < 5; i++) connect()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const closed = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 5_000)),
    ])
    stop = true
    expect(closed).toBe('closed')
    expect(reconnects).toBeGreaterThanOrEqual(5)
  })
})

describe('health check', () => {
  it('GET /healthz answers 200 ok, uncached, even without a built app', async () => {
    const server = await startTestServer()
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/healthz`)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).toBe('ok\n')
    } finally {
      await server.close()
    }
  })
})
