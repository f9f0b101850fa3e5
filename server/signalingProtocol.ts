/** y-webrtc's signaling protocol: parsing what a client sends (untrusted) into typed messages. */
import type { RawData } from 'ws'

/** A message the relay acts on; anything else is ignored. */
export type SignalingMessage =
  | { type: 'subscribe'; topics: string[] }
  | { type: 'unsubscribe'; topics: string[] }
  /** `fields` is the whole message as sent (y-webrtc puts its payload in `data`); it is relayed untouched. */
  | { type: 'publish'; topic: string; fields: Record<string, unknown> }
  | { type: 'ping' }

/** The WebSocket close code for "you broke a rule" (RFC 6455 §7.4.1). */
export const CLOSE_POLICY = 1008
/** The WebSocket close code for "server going away" (shutdown). */
export const CLOSE_GOING_AWAY = 1001

/** Parses one WebSocket message; undefined for malformed JSON, unknown types or wrong shapes. */
export function parseSignalingMessage(data: RawData): SignalingMessage | undefined {
  let value: unknown
  try {
    value = JSON.parse(toBuffer(data).toString('utf8'))
  } catch {
    return undefined
  }
  if (!isRecord(value)) return undefined
  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe': {
      // The reference server treats a missing list as empty and skips non-string entries; so do we.
      const topics = value.topics ?? []
      if (!Array.isArray(topics)) return undefined
      return { type: value.type, topics: topics.filter((t): t is string => typeof t === 'string' && t !== '') }
    }
    case 'publish':
      return typeof value.topic === 'string' && value.topic !== ''
        ? { type: 'publish', topic: value.topic, fields: value }
        : undefined
    case 'ping':
      return { type: 'ping' }
    default:
      return undefined
  }
}

/**
 * Serializes a publish for its receivers: its type, topic and `data` only. y-webrtc's reference server
 * adds the topic's subscriber count (`clients`); y-webrtc never reads it, and it told anyone whether a
 * room was live (issue 18), so no fact about the room and no other field the sender added is relayed.
 */
export function relayedPublish(topic: string, fields: Record<string, unknown>): string {
  return JSON.stringify({ type: 'publish', topic, data: fields.data })
}

/** The reply to a client's keepalive `ping`. */
export const PONG = JSON.stringify({ type: 'pong' })

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}
