/**
 * Watches the WebRTC peers of one y-webrtc provider for the limits that must
 * hold per peer rather than per connection (issue 18): each peer's update
 * budget and held-update charge follow it across reconnects (peerLedger.ts), a
 * peer that overflows is dropped and shut out for a while, and connections
 * that never open (fake `announce`s from a holder of the room key, which
 * y-webrtc keeps until they close) are dropped so genuine peers get their
 * places back. Reads y-webrtc's room internals (`webrtcConns`, simple-peer's
 * `_pc`), as connectDoc.ts already does.
 */
import type * as Y from 'yjs'
import type { WebrtcProvider } from 'y-webrtc'
import { HeldUpdateGuard } from './heldUpdates'
import { PeerLedger } from './peerLedger'
import type { PeerRateLimiter } from './peerRateLimit'

/** How long a connection may take to open its data channel: ICE through TURN takes seconds, a fake announce never opens. */
export const CONNECT_TIMEOUT_MS = 15_000
/** y-webrtc's connection limit (its default is a random 20–34): fixed, so the room's capacity is known and tested. */
export const MAX_PEER_CONNECTIONS = 24

/** The slice of simple-peer this module drives. */
interface PeerHandle {
  _pc?: object
  prependListener(event: 'data', listener: () => void): void
  on(event: 'data', listener: () => void): void
}

/** Per-peer limits of one provider. */
export interface PeerGuard {
  /** The update budget of the peer on `pc`, shared by all its connections (undefined until the link is known). */
  limiterFor(pc: object): PeerRateLimiter | undefined
  /** Starts watching `provider`'s connections. */
  attach(provider: WebrtcProvider): void
  /** Periodic: drops connections that never opened and stale held updates. Returns whether a resync is wanted. */
  check(): boolean
  /** Whether `peerId` is shut out now. */
  shutOut(peerId: string): boolean
}

/** Options of a PeerGuard. */
export interface PeerGuardOptions {
  ledger?: PeerLedger
  held?: HeldUpdateGuard
  now?: () => number
  /** Called after a peer was dropped for overflowing a limit. */
  onDrop?: (peerId: string) => void
}

/** Creates the guard of `doc`'s provider (call before the provider, so its `wrtc` can ask `limiterFor`). */
export function createPeerGuard(doc: Y.Doc, options: PeerGuardOptions = {}): PeerGuard {
  const ledger = options.ledger ?? new PeerLedger()
  const held = options.held ?? new HeldUpdateGuard(doc)
  const now = options.now ?? (() => performance.now())
  const pcPeers = new WeakMap<object, string>()
  const openedBy = new WeakMap<object, number>() // connection → deadline to open its data channel
  let provider: WebrtcProvider | undefined

  const conns = (): Map<string, { connected: boolean; closed: boolean; peer: unknown; destroy(): void }> =>
    provider?.room?.webrtcConns ?? new Map()
  const drop = (peerId: string): void => {
    ledger.strike(peerId, now())
    conns().get(peerId)?.destroy()
    options.onDrop?.(peerId)
  }
  const hook = (): void => {
    conns().forEach((conn, peerId) => {
      if (openedBy.has(conn)) return
      openedBy.set(conn, now() + CONNECT_TIMEOUT_MS)
      if (ledger.shutOut(peerId, now())) {
        conn.destroy()
        return
      }
      const peer = conn.peer as PeerHandle
      if (peer._pc) pcPeers.set(peer._pc, peerId)
      // y-webrtc applies a message in its own 'data' listener: ours run just before and just after it.
      peer.prependListener('data', () => held.before())
      peer.on('data', () => {
        const culprit = held.after(peerId)
        if (culprit !== undefined) drop(culprit)
      })
    })
  }

  return {
    limiterFor(pc) {
      const peerId = pcPeers.get(pc)
      return peerId === undefined ? undefined : ledger.limiter(peerId, now())
    },
    attach(next) {
      provider = next
      next.maxConns = MAX_PEER_CONNECTIONS
      next.on('peers', hook)
      hook()
    },
    check() {
      hook()
      const at = now()
      conns().forEach((conn) => {
        if (!conn.connected && !conn.closed && (openedBy.get(conn) ?? Infinity) < at) conn.destroy()
      })
      const blamed = held.check()
      blamed?.forEach(drop)
      return blamed !== undefined
    },
    shutOut: (peerId) => ledger.shutOut(peerId, now()),
  }
}
