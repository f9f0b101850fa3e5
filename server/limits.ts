/** Hardening limits for the signaling relay, and the token bucket that enforces its message rate. */

/** The numbers the relay enforces; every field can be overridden (tests, deploy env). */
export interface SignalingLimits {
  /** Largest accepted WebSocket message, in bytes; bigger ones close the socket with 1009. */
  maxMessageBytes: number
  /** Most topics (rooms) one connection may be subscribed to at once. */
  maxTopicsPerConnection: number
  /** Longest accepted topic name, in UTF-16 code units. */
  maxTopicLength: number
  /** Most open signaling connections on this process. */
  maxConnections: number
  /** Most open signaling connections from one client address (an IPv4 address or an IPv6 /64). */
  maxConnectionsPerIp: number
  /** Messages per second a connection may sustain. */
  messagesPerSecond: number
  /** Messages a connection may send in one burst before the sustained rate applies. */
  messageBurst: number
  /** Messages per second one client address may sustain, summed over all its connections. */
  ipMessagesPerSecond: number
  /** Messages one client address may send in one burst, over all its connections. */
  ipMessageBurst: number
  /** Topic subscriptions per second one client address may sustain, over all its connections. */
  ipSubscribesPerSecond: number
  /** Topic subscriptions one client address may make in one burst. */
  ipSubscribeBurst: number
  /** Most subscribers of one topic on this node; further subscribes to it are ignored. */
  maxSubscribersPerTopic: number
  /** Bytes queued toward one reader before it is dropped instead of buffering forever. */
  maxBufferedBytes: number
  /** Bytes queued toward all readers of this node together; the reader whose queue passes it is dropped. */
  maxTotalBufferedBytes: number
  /** How often idle sockets are pinged; a socket that missed the previous pong is closed. */
  keepaliveIntervalMs: number
}

/** y-webrtc signaling is small SDP/ICE JSON, encrypted and base64'd: a few KiB; 64 KiB leaves ample headroom. */
export const MAX_MESSAGE_BYTES = 64 * 1024
/** One tab shares a connection for all its rooms (2 per open session + team doc); 256 covers a busy rep. */
export const MAX_TOPICS_PER_CONNECTION = 256
/** Room names are opaque hashes (base64url SHA-256 is 43 chars); 128 leaves room for a prefix and refuses junk. */
export const MAX_TOPIC_LENGTH = 128
/** Keeps one process well inside its file-descriptor and memory budget. */
export const MAX_CONNECTIONS = 10_000
/** Offices share a NAT address and reps open several tabs, so this is generous; it stops one host hogging the pool. */
export const MAX_CONNECTIONS_PER_IP = 256
/** A WebRTC handshake is a few dozen messages; 50/s sustained is far above any honest client. */
export const MESSAGES_PER_SECOND = 50
/** Reconnecting with many rooms sends a subscribe plus one announce per room at once. */
export const MESSAGE_BURST = 200
/** An office's NAT carries every rep's tabs; 200/s sustained is far above what honest clients there send together. */
export const IP_MESSAGES_PER_SECOND = 200
/** A whole office reconnecting at once: ~50 tabs × (subscribe + ~20 announces). */
export const IP_MESSAGE_BURST = 2_000
/** A session start subscribes two rooms; 10/s per address keeps a sweep of room names slow (issue 18). */
export const IP_SUBSCRIBES_PER_SECOND = 10
/** A whole office reconnecting at once re-subscribes every open room: ~50 tabs × ~20 rooms. */
export const IP_SUBSCRIBE_BURST = 1_000
/** A session room holds ≤ 9 people and a team room every online rep's tabs; 256 bounds one publish's fan-out. */
export const MAX_SUBSCRIBERS_PER_TOPIC = 256
/** 8 maximum-size messages or hundreds of real ones (a few hundred bytes each): an honest reader drains that in a round trip. */
export const MAX_BUFFERED_BYTES = 512 * 1024
/** Half of issue 18's 64 MiB budget for slow readers; the other half covers sockets, parsing and garbage. */
export const MAX_TOTAL_BUFFERED_BYTES = 32 * 1024 * 1024
/** Matches y-webrtc's reference server and lib0's 30 s reconnect timeout. */
export const KEEPALIVE_INTERVAL_MS = 30_000

/** The limits used when nothing overrides them. */
export const DEFAULT_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxMessageBytes: MAX_MESSAGE_BYTES,
  maxTopicsPerConnection: MAX_TOPICS_PER_CONNECTION,
  maxTopicLength: MAX_TOPIC_LENGTH,
  maxConnections: MAX_CONNECTIONS,
  maxConnectionsPerIp: MAX_CONNECTIONS_PER_IP,
  messagesPerSecond: MESSAGES_PER_SECOND,
  messageBurst: MESSAGE_BURST,
  ipMessagesPerSecond: IP_MESSAGES_PER_SECOND,
  ipMessageBurst: IP_MESSAGE_BURST,
  ipSubscribesPerSecond: IP_SUBSCRIBES_PER_SECOND,
  ipSubscribeBurst: IP_SUBSCRIBE_BURST,
  maxSubscribersPerTopic: MAX_SUBSCRIBERS_PER_TOPIC,
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  maxTotalBufferedBytes: MAX_TOTAL_BUFFERED_BYTES,
  keepaliveIntervalMs: KEEPALIVE_INTERVAL_MS,
})

/** A token bucket: `take()` spends tokens and says whether they were available. */
export interface TokenBucket {
  /** Spends `count` tokens (default 1) if available; false means the caller is over its rate. */
  take(count?: number): boolean
  /** True when the bucket has refilled to its burst: forgetting it then loses nothing. */
  isFull(): boolean
}

/** Makes a token bucket that refills `perSecond` tokens up to `burst`, lazily (no timers). */
export function makeTokenBucket(perSecond: number, burst: number, now: () => number = performance.now.bind(performance)): TokenBucket {
  let tokens = burst
  let last = now()
  const refill = (): void => {
    const t = now()
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond)
    last = t
  }
  return {
    take(count = 1) {
      refill()
      if (tokens < count) return false
      tokens -= count
      return true
    },
    isFull() {
      refill()
      return tokens >= burst
    },
  }
}
