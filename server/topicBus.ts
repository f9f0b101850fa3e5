/**
 * Topics shared between signaling nodes. One node alone needs nothing (no bus);
 * several nodes behind one name share their topics through Redis pub/sub
 * (`REDIS_URL`), so two clients connected to two different nodes find each other.
 *
 * Each node subscribes to a Redis channel per topic while it has at least one
 * local subscriber, and publishes every client publish there too. Topics are
 * already opaque hashes and payloads ciphertext, so Redis learns no more than a node.
 */
import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'

/** What the relay needs from a bus between nodes. */
export interface TopicBus {
  /** This node now has a subscriber for `topic`: start receiving other nodes' publishes for it. */
  join(topic: string): void
  /** This node has no subscriber left for `topic`. */
  leave(topic: string): void
  /** Sends a client's publish (its fields, untouched) to the other nodes. */
  publish(topic: string, fields: Record<string, unknown>): void
  /** Called with every publish another node made on a topic this node joined. */
  onPublish(handler: (topic: string, fields: Record<string, unknown>) => void): void
  close(): Promise<void>
}

/** Redis channel prefix, so the same Redis can serve other things. */
export const CHANNEL_PREFIX = 'asiste:signal:'

interface Envelope {
  /** The node that published it (it has already delivered to its own clients). */
  n: string
  f: Record<string, unknown>
}

/** Connects two Redis clients (publisher, subscriber) and returns the bus; rejects if Redis is unreachable. */
export async function createRedisBus(url: string, log: (line: string) => void = () => {}): Promise<TopicBus> {
  const nodeId = randomUUID()
  // Reconnect with a short capped backoff; a relay keeps serving its own clients while Redis is away.
  const pub = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } })
  const sub = pub.duplicate()
  let lastError = ''
  for (const client of [pub, sub]) {
    client.on('error', (err: Error) => {
      // Log a changed error once, not every reconnect attempt.
      const line = `signaling: redis error (${(err as { code?: string }).code ?? err.name})`
      if (line !== lastError) log(line)
      lastError = line
    })
    client.on('ready', () => (lastError = ''))
  }
  await pub.connect()
  await sub.connect()

  let handler: (topic: string, fields: Record<string, unknown>) => void = () => {}
  const joined = new Set<string>()
  /** Topics whose SUBSCRIBE is not confirmed yet: this node's publishes on them wait, so no reply can beat the subscription. */
  const joining = new Map<string, Promise<void>>()
  const listener = (message: string, channel: string): void => {
    const topic = channel.slice(CHANNEL_PREFIX.length)
    if (!joined.has(topic)) return
    let envelope: Envelope
    try {
      envelope = JSON.parse(message) as Envelope
    } catch {
      return
    }
    if (envelope.n === nodeId || typeof envelope.f !== 'object' || envelope.f === null) return
    handler(topic, envelope.f)
  }
  const quietly = (work: Promise<unknown>): void => {
    work.catch((err: unknown) => log(`signaling: redis command failed (${err instanceof Error ? err.name : 'unknown'})`))
  }

  return {
    join(topic) {
      if (joined.has(topic)) return
      joined.add(topic)
      const subscribed: Promise<void> = sub.subscribe(CHANNEL_PREFIX + topic, listener).then(
        () => {},
        (err: unknown) => log(`signaling: redis subscribe failed (${err instanceof Error ? err.name : 'unknown'})`),
      )
      joining.set(topic, subscribed)
      void subscribed.then(() => {
        if (joining.get(topic) === subscribed) joining.delete(topic)
      })
    },
    leave(topic) {
      if (!joined.delete(topic)) return
      quietly(sub.unsubscribe(CHANNEL_PREFIX + topic))
    },
    publish(topic, fields) {
      const text = JSON.stringify({ n: nodeId, f: fields } satisfies Envelope)
      const send = (): void => {
        if (pub.isReady) quietly(pub.publish(CHANNEL_PREFIX + topic, text))
      }
      const pending = joining.get(topic)
      if (pending) void pending.then(send)
      else send()
    },
    onPublish(next) {
      handler = next
    },
    async close() {
      joined.clear()
      joining.clear()
      await Promise.allSettled([sub.quit(), pub.quit()])
    },
  }
}
