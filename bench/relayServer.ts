/**
 * The server-relay baseline: a y-websocket server (`@y/websocket-server`,
 * the server half of the y-websocket project) on a free loopback port, in
 * this process. Every client of a room syncs through it, as in a classic
 * hosted collaboration setup.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

export interface RelayServer {
  /** `ws://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

export async function startRelayServer(): Promise<RelayServer> {
  const http = createServer((_, response) => response.writeHead(404).end())
  const wss = new WebSocketServer({ server: http })
  wss.on('connection', (socket, request) => setupWSConnection(socket, request))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}`,
    async close() {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => http.close(() => resolve()))
      // The server keeps every room's doc in a module-level map, each with an awareness whose check interval
      // would keep this process alive: destroying the doc destroys its awareness.
      for (const [name, doc] of docs) {
        doc.destroy()
        docs.delete(name)
      }
    },
  }
}
