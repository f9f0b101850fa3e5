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
  /** Most open signaling connections from one client IP. */
  maxConnectionsPerIp: number
  /** Messages per second a connection may sustain. */
  messagesPerSecond: number
  /** Messages a connection may send in one burst before the sustained rate applies. */
  messageBurst: number
  /** Bytes queued toward a slow reader before it is dropped instead of buffering forever. */
  maxBufferedBytes: number
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
/** A reader this far behind is dead or hostile; holding more would let it exhaust server memory. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024
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
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  keepaliveIntervalMs: KEEPALIVE_INTERVAL_MS,
})

/** A token bucket: `take()` spends one token and says whether one was available. */
export interface TokenBucket {
  /** Spends a token if available; false means the caller is over its rate. */
  take(): boolean
}

/** Makes a token bucket that refills `perSecond` tokens up to `burst`, lazily (no timers). */
export function makeTokenBucket(perSecond: number, burst: number, now: () => number = performance.now.bind(performance)): TokenBucket {
  let tokens = burst
  let last = now()
  return {
    take() {
      const t = now()
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond)
      last = t
      if (tokens < 1) return false
      tokens -= 1
      return true
    },
  }
}
