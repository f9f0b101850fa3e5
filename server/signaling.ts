/** The signaling relay: y-webrtc's pub/sub over WebSocket, with limits, keepalive and content-free logging. */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import { WebSocketServer } from 'ws'
import { DEFAULT_LIMITS, makeTokenBucket, type SignalingLimits, type TokenBucket } from './limits.ts'
import { CLOSE_GOING_AWAY, CLOSE_POLICY, PONG, parseSignalingMessage, relayedPublish } from './signalingProtocol.ts'
import type { TopicBus } from './topicBus.ts'

/** How long shutdown waits for clients to acknowledge the close frame before cutting them off. */
const SHUTDOWN_GRACE_MS = 1_000

/** Options for `createSignalingRelay`. */
export interface SignalingOptions {
  limits?: Partial<SignalingLimits>
  /** Take the client IP from the last `X-Forwarded-For` hop (only behind a reverse proxy you control). */
  trustProxy?: boolean
  /** Receives operational lines; they never contain topic names or message content. */
  log?: (line: string) => void
  /** Shares topics with other signaling nodes (Redis pub/sub); absent, this node serves its own clients only. */
  bus?: TopicBus
}

/** A running relay: hand it upgrade requests for `/signal`. */
export interface SignalingRelay {
  /** Accepts (or refuses, when over a connection limit) one WebSocket upgrade. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every connection (1001) and stops the keepalive timer. */
  close(): Promise<void>
}

interface Peer {
  topics: Set<string>
  bucket: TokenBucket
  alive: boolean
}

/** Makes a relay that speaks y-webrtc's protocol: subscribe, unsubscribe, publish (to all subscribers, sender included), ping. */
export function createSignalingRelay(options: SignalingOptions = {}): SignalingRelay {
  const limits: SignalingLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const log = options.log ?? ((line: string) => console.log(line))
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false })
  const peers = new Map<WebSocket, Peer>()
  const topics = new Map<string, Set<WebSocket>>()
  const perIp = new Map<string, number>()
  let connections = 0
  /** Set by close(): no new connection is accepted, and one whose handshake was under way is cut. */
  let closed = false

  /** Closes with a policy code, or cuts the socket when a close frame could not get through anyway. */
  const drop = (ws: WebSocket, reason: string, how: 'close' | 'terminate' = 'close'): void => {
    log(`signaling: closed a connection (${reason}); ${peers.size} open`)
    if (how === 'terminate') ws.terminate()
    else ws.close(CLOSE_POLICY, reason)
  }

  const send = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > limits.maxBufferedBytes) return drop(ws, 'slow reader', 'terminate')
    ws.send(text)
  }

  const unsubscribe = (ws: WebSocket, peer: Peer, topic: string): void => {
    peer.topics.delete(topic)
    const subscribers = topics.get(topic)
    if (!subscribers) return
    subscribers.delete(ws)
    if (subscribers.size === 0) {
      topics.delete(topic)
      options.bus?.leave(topic)
    }
  }

  /** Sends a publish to this node's subscribers of `topic` (`clients` counts this node's subscribers only). */
  const deliver = (topic: string, fields: Record<string, unknown>): void => {
    const receivers = topics.get(topic)
    if (!receivers) return
    const text = relayedPublish(fields, receivers.size)
    for (const receiver of [...receivers]) send(receiver, text)
  }
  options.bus?.onPublish(deliver)

  const onMessage = (ws: WebSocket, peer: Peer, data: RawData): void => {
    if (ws.readyState !== ws.OPEN) return
    peer.alive = true
    if (!peer.bucket.take()) return drop(ws, 'rate limit')
    const message = parseSignalingMessage(data)
    if (message === undefined) return
    switch (message.type) {
      case 'subscribe':
        for (const topic of message.topics) {
          if (topic.length > limits.maxTopicLength) return drop(ws, 'topic too long')
          if (peer.topics.has(topic)) continue
          if (peer.topics.size >= limits.maxTopicsPerConnection) return drop(ws, 'too many topics')
          peer.topics.add(topic)
          let subscribers = topics.get(topic)
          if (!subscribers) {
            topics.set(topic, (subscribers = new Set()))
            options.bus?.join(topic)
          }
          subscribers.add(ws)
        }
        return
      case 'unsubscribe':
        for (const topic of message.topics) unsubscribe(ws, peer, topic)
        return
      case 'publish': {
        if (message.topic.length > limits.maxTopicLength) return drop(ws, 'topic too long')
        options.bus?.publish(message.topic, message.fields)
        deliver(message.topic, message.fields)
        return
      }
      case 'ping':
        return send(ws, PONG)
    }
  }

  const onConnection = (ws: WebSocket): void => {
    if (closed) return ws.terminate()
    const peer: Peer = { topics: new Set(), bucket: makeTokenBucket(limits.messagesPerSecond, limits.messageBurst), alive: true }
    peers.set(ws, peer)
    ws.on('message', (data) => onMessage(ws, peer, data))
    ws.on('pong', () => (peer.alive = true))
    // ws closes the socket itself after an error (1009 for oversize, 1002 for bad frames); we only record why.
    ws.on('error', (err: Error & { code?: string }) =>
      log(`signaling: connection error (${err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large' : (err.code ?? 'unknown')}); ${peers.size} open`),
    )
    ws.on('close', () => {
      for (const topic of [...peer.topics]) unsubscribe(ws, peer, topic)
      peers.delete(ws)
    })
  }

  const keepalive = setInterval(() => {
    for (const [ws, peer] of peers) {
      if (!peer.alive) {
        drop(ws, 'keepalive timeout', 'terminate')
        continue
      }
      peer.alive = false
      ws.ping()
    }
  }, limits.keepaliveIntervalMs)
  keepalive.unref()

  return {
    handleUpgrade(req, socket, head) {
      // Clients reconnect at once when the server says goodbye; a closing relay must not take them back.
      if (closed) return rejectUpgrade(socket, 503, 'Service Unavailable')
      const ip = clientIp(req, options.trustProxy === true)
      const fromIp = perIp.get(ip) ?? 0
      if (connections >= limits.maxConnections) return rejectUpgrade(socket, 503, 'Service Unavailable', log, 'server full')
      if (fromIp >= limits.maxConnectionsPerIp) return rejectUpgrade(socket, 429, 'Too Many Requests', log, 'too many from one IP')
      // Count from the upgrade request, not the handshake's end, so a burst of handshakes cannot overshoot.
      connections += 1
      perIp.set(ip, fromIp + 1)
      socket.once('close', () => {
        connections -= 1
        const left = (perIp.get(ip) ?? 1) - 1
        if (left > 0) perIp.set(ip, left)
        else perIp.delete(ip)
      })
      wss.handleUpgrade(req, socket, head, onConnection)
    },
    async close() {
      closed = true
      clearInterval(keepalive)
      const closing = [...peers.keys()].map(
        (ws) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => ws.terminate(), SHUTDOWN_GRACE_MS)
            ws.once('close', () => {
              clearTimeout(force)
              resolve()
            })
            ws.close(CLOSE_GOING_AWAY, 'server shutting down')
          }),
      )
      await Promise.all(closing)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/** Refuses a WebSocket upgrade with a plain HTTP status (e.g. 404 for a path other than /signal). */
export function rejectUpgrade(socket: Duplex, status: number, text: string, log?: (line: string) => void, reason?: string): void {
  if (log && reason) log(`signaling: refused a connection (${reason})`)
  socket.on('error', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for']
  if (trustProxy && typeof forwarded === 'string') {
    // The last hop is the one our proxy appended; earlier entries are whatever the client claimed.
    const last = forwarded.split(',').at(-1)?.trim()
    if (last) return last
  }
  return req.socket.remoteAddress ?? 'unknown'
}
