/**
 * The server-relay baseline: a y-websocket server (`@y/websocket-server`,
 * the server half of the y-websocket project) on a free loopback port, in
 * this process. Every client of a room syncs through it, as in a classic
 * hosted collaboration setup. It also serves a blank page at `/`: the relay
 * clients run there, on the relay's own origin, as a hosted editor's pages
 * would. (A page of the app's server cannot be used: its Content-Security-Policy
 * allows WebSockets only to the app's own origin and signaling servers, so
 * the y-websocket client never connected and the benchmark waited for ever.)
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

export interface RelayServer {
  /** `ws://127.0.0.1:<port>` */
  url: string
  /** `http://127.0.0.1:<port>/`: a blank page on the relay's origin for its clients. */
  pageUrl: string
  close(): Promise<void>
}

export async function startRelayServer(): Promise<RelayServer> {
  const http = createServer((request, response) => {
    if (request.url !== '/') return void response.writeHead(404).end()
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>relay client</title>')
  })
  const wss = new WebSocketServer({ server: http })
  wss.on('connection', (socket, request) => setupWSConnection(socket, request))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}`,
    pageUrl: `http://127.0.0.1:${port}/`,
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
