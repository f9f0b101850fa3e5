/**
 * Limits per client address across all its connections (issue 18): open
 * connections, messages per second and topic subscriptions per second are
 * counted per IPv4 address or IPv6 /64, so opening more sockets buys no more
 * allowance. An address's counters outlive its last connection until they
 * have refilled, so disconnecting and reconnecting buys nothing either.
 */
import { addressKey } from './clientAddress.ts'
import { makeTokenBucket, type SignalingLimits, type TokenBucket } from './limits.ts'

/** One client address's shared allowance. */
export interface AddressAllowance {
  /** The grouping key (IPv4 address or IPv6 /64); logged nowhere, used as a map key only. */
  readonly key: string
  /** Spends one message; false means the address is over its rate. */
  takeMessage(): boolean
  /** Spends `count` topic subscriptions; false means the address is over its rate. */
  takeSubscribes(count: number): boolean
  /** Gives the connection slot back (call once, when the socket closes). */
  release(): void
}

/** Per-address accounting for one relay. */
export interface AddressLimits {
  /** Takes a connection slot for `address`, or undefined when the address already holds its maximum. */
  admit(address: string): AddressAllowance | undefined
  /** Forgets idle addresses whose allowances have refilled (call periodically). */
  sweep(): void
  /** Addresses currently tracked (for tests and stats). */
  readonly size: number
}

interface Entry {
  connections: number
  messages: TokenBucket
  subscribes: TokenBucket
}

type AddressLimitSettings = Pick<
  SignalingLimits,
  'maxConnectionsPerIp' | 'ipMessagesPerSecond' | 'ipMessageBurst' | 'ipSubscribesPerSecond' | 'ipSubscribeBurst'
>

/** Makes the per-address accounting for `limits`. */
export function createAddressLimits(limits: AddressLimitSettings, now?: () => number): AddressLimits {
  const entries = new Map<string, Entry>()
  return {
    admit(address) {
      const key = addressKey(address)
      let entry = entries.get(key)
      if (!entry) {
        entry = {
          connections: 0,
          messages: makeTokenBucket(limits.ipMessagesPerSecond, limits.ipMessageBurst, now),
          subscribes: makeTokenBucket(limits.ipSubscribesPerSecond, limits.ipSubscribeBurst, now),
        }
        entries.set(key, entry)
      }
      if (entry.connections >= limits.maxConnectionsPerIp) return undefined
      entry.connections += 1
      const held = entry
      let released = false
      return {
        key,
        takeMessage: () => held.messages.take(),
        takeSubscribes: (count) => count === 0 || held.subscribes.take(count),
        release() {
          if (released) return
          released = true
          held.connections -= 1
        },
      }
    },
    sweep() {
      for (const [key, entry] of entries) {
        if (entry.connections === 0 && entry.messages.isFull() && entry.subscribes.isFull()) entries.delete(key)
      }
    },
    get size() {
      return entries.size
    },
  }
}
