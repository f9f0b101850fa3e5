/** The signaling relay: y-webrtc's pub/sub over WebSocket, with limits, keepalive and content-free logging. */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import { WebSocketServer } from 'ws'
import { createAddressLimits, type AddressAllowance } from './addressLimits.ts'
import { clientAddress, NO_TRUSTED_PROXIES, type TrustedProxies } from './clientAddress.ts'
import { DEFAULT_LIMITS, makeTokenBucket, type SignalingLimits, type TokenBucket } from './limits.ts'
import type { OriginPolicy } from './originPolicy.ts'
import { createOutbox } from './outbox.ts'
import { CLOSE_GOING_AWAY, CLOSE_POLICY, PONG, parseSignalingMessage, relayedPublish } from './signalingProtocol.ts'
import type { TopicBus } from './topicBus.ts'

/** How long shutdown waits for clients to acknowledge the close frame before cutting them off. */
const SHUTDOWN_GRACE_MS = 1_000

/** Options for `createSignalingRelay`. */
export interface SignalingOptions {
  limits?: Partial<SignalingLimits>
  /** Reverse proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`); default: none. */
  trustedProxies?: TrustedProxies
  /** Which page origins may connect (`ALLOWED_ORIGINS`); default: any. */
  originAllowed?: OriginPolicy
  /** Receives operational lines; they never contain topic names, addresses or message content. */
  log?: (line: string) => void
  /** Shares topics with other signaling nodes (Redis pub/sub); absent, this node serves its own clients only. */
  bus?: TopicBus
}

/** What the relay holds right now: its own accounting, for tests and benchmarks. */
export interface SignalingStats {
  connections: number
  /** Bytes queued in this process toward all readers (what `maxTotalBufferedBytes` caps). */
  bufferedBytes: number
  /** The most `bufferedBytes` has been since start. */
  peakBufferedBytes: number
}

/** A running relay: hand it upgrade requests for `/signal`. */
export interface SignalingRelay {
  /** Accepts (or refuses: origin, connection limits) one WebSocket upgrade. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  stats(): SignalingStats
  /** Closes every connection (1001) and stops the keepalive timer. */
  close(): Promise<void>
}

interface Peer {
  topics: Set<string>
  bucket: TokenBucket
  address: AddressAllowance
  alive: boolean
}

/** Makes a relay that speaks y-webrtc's protocol: subscribe, unsubscribe, publish (to all subscribers, sender included), ping. */
export function createSignalingRelay(options: SignalingOptions = {}): SignalingRelay {
  const limits: SignalingLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const log = options.log ?? ((line: string) => console.log(line))
  const trusted = options.trustedProxies ?? NO_TRUSTED_PROXIES
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false })
  const peers = new Map<WebSocket, Peer>()
  const topics = new Map<string, Set<WebSocket>>()
  const addresses = createAddressLimits(limits)
  let connections = 0
  /** Set by close(): no new connection is accepted, and one whose handshake was under way is cut. */
  let closed = false

  /** Closes with a policy code, or cuts the socket when a close frame could not get through anyway. */
  const drop = (ws: WebSocket, reason: string, how: 'close' | 'terminate' = 'close'): void => {
    log(`signaling: closed a connection (${reason}); ${peers.size} open`)
    if (how === 'close') return ws.close(CLOSE_POLICY, reason)
    ws.terminate()
    outbox.forget(ws) // its buffers are freed with the socket
  }
  const outbox = createOutbox(limits, (ws, reason) => drop(ws, reason, 'terminate'))
  const send = (ws: WebSocket, payload: Buffer): void => outbox.send(ws, payload)
  const pong = Buffer.from(PONG)

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

  const subscribe = (ws: WebSocket, peer: Peer, wanted: readonly string[]): void => {
    const fresh = [...new Set(wanted)].filter((topic) => !peer.topics.has(topic))
    if (fresh.some((topic) => topic.length > limits.maxTopicLength)) return drop(ws, 'topic too long')
    if (peer.topics.size + fresh.length > limits.maxTopicsPerConnection) return drop(ws, 'too many topics')
    if (!peer.address.takeSubscribes(fresh.length)) return drop(ws, 'subscribe rate limit')
    for (const topic of fresh) {
      let subscribers = topics.get(topic)
      if (subscribers && subscribers.size >= limits.maxSubscribersPerTopic) {
        log('signaling: ignored a subscribe (topic full)')
        continue
      }
      if (!subscribers) {
        topics.set(topic, (subscribers = new Set()))
        options.bus?.join(topic)
      }
      peer.topics.add(topic)
      subscribers.add(ws)
    }
  }

  /** Sends a publish to this node's subscribers of `topic`: one serialization, shared by all of them. */
  const deliver = (topic: string, fields: Record<string, unknown>): void => {
    const receivers = topics.get(topic)
    if (!receivers) return
    const payload = Buffer.from(relayedPublish(topic, fields))
    for (const receiver of [...receivers]) send(receiver, payload)
  }
  options.bus?.onPublish(deliver)

  const onMessage = (ws: WebSocket, peer: Peer, data: RawData): void => {
    if (ws.readyState !== ws.OPEN) return
    peer.alive = true
    if (!peer.bucket.take() || !peer.address.takeMessage()) return drop(ws, 'rate limit')
    const message = parseSignalingMessage(data)
    if (message === undefined) return
    switch (message.type) {
      case 'subscribe':
        return subscribe(ws, peer, message.topics)
      case 'unsubscribe':
        for (const topic of message.topics) unsubscribe(ws, peer, topic)
        return
      case 'publish': {
        if (message.topic.length > limits.maxTopicLength) return drop(ws, 'topic too long')
        // A publish without `data` carries nothing a y-webrtc client reads: it was only ever a probe.
        if (message.fields.data === undefined) return
        options.bus?.publish(message.topic, message.fields)
        deliver(message.topic, message.fields)
        return
      }
      case 'ping':
        return send(ws, pong)
    }
  }

  const onConnection = (ws: WebSocket, address: AddressAllowance): void => {
    if (closed) return ws.terminate()
    const bucket = makeTokenBucket(limits.messagesPerSecond, limits.messageBurst)
    const peer: Peer = { topics: new Set(), bucket, address, alive: true }
    peers.set(ws, peer)
    ws.on('message', (data) => onMessage(ws, peer, data))
    ws.on('pong', () => (peer.alive = true))
    // ws closes the socket itself after an error (1009 for oversize, 1002 for bad frames); we only record why.
    ws.on('error', (err: Error & { code?: string }) =>
      log(`signaling: connection error (${err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large' : (err.code ?? 'unknown')}); ${peers.size} open`),
    )
    ws.on('close', () => {
      for (const topic of [...peer.topics]) unsubscribe(ws, peer, topic)
      outbox.forget(ws)
      peers.delete(ws)
    })
  }

  const keepalive = setInterval(() => {
    addresses.sweep()
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
      if (options.originAllowed && !options.originAllowed(req)) return rejectUpgrade(socket, 403, 'Forbidden', log, 'origin not allowed')
      if (connections >= limits.maxConnections) return rejectUpgrade(socket, 503, 'Service Unavailable', log, 'server full')
      // Counted from the upgrade request, not the handshake's end, so a burst of handshakes cannot overshoot.
      const address = addresses.admit(clientAddress(req, trusted))
      if (!address) return rejectUpgrade(socket, 429, 'Too Many Requests', log, 'too many from one address')
      connections += 1
      socket.once('close', () => {
        connections -= 1
        address.release()
      })
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, address))
    },
    stats: () => ({ connections, ...outbox.stats() }),
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
