/**
 * Watches the WebRTC peers of one y-webrtc provider for the limits that must
 * hold per peer rather than per connection (issue 18): each peer's update
 * budget and held-update charge follow it across reconnects (peerLedger.ts), a
 * peer that overflows is dropped and shut out for a while, and connections
 * that never open (fake `announce`s from a holder of the room key, which
 * y-webrtc keeps until they close) are dropped so genuine peers get their
 * places back. It also decides who gets a place (peerPlaces.ts): signaling
 * messages that would open a connection are screened before y-webrtc sees
 * them (signalingGuard.ts asks `admit`). Reads y-webrtc's room internals
 * (`webrtcConns`, simple-peer's `_pc`), as connectDoc.ts already does.
 */
import type * as Y from 'yjs'
import type { WebrtcProvider } from 'y-webrtc'
import { HeldUpdateGuard } from './heldUpdates'
import { PeerLedger } from './peerLedger'
import type { PeerRateLimiter } from './peerRateLimit'
import { MAX_PEER_CONNECTIONS, PeerPlaces, type RoomPlaces } from './peerPlaces'
import type { SignalData } from './signalingGuard'

export { MAX_PEER_CONNECTIONS } from './peerPlaces'

/** How long a connection may take to open its data channel: ICE through TURN takes seconds, a fake announce never opens. */
export const CONNECT_TIMEOUT_MS = 15_000
/**
 * A connecting (not yet open) connection older than this is started again when its peer announces itself:
 * the peer missed our offer (it was away, or someone announced under its id), a new one reaches it.
 */
export const RESTART_PENDING_MS = 3_000

/** The slice of simple-peer this module drives. */
interface PeerHandle {
  _pc?: object
  prependListener(event: 'data', listener: () => void): void
  on(event: 'data' | 'connect', listener: () => void): void
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
  /** Whether a signaling message that may open a connection reaches y-webrtc (signalingGuard.ts). */
  admit(data: SignalData): boolean
}

/** Options of a PeerGuard. */
export interface PeerGuardOptions {
  ledger?: PeerLedger
  held?: HeldUpdateGuard
  places?: PeerPlaces
  now?: () => number
  /** Called after a peer was dropped for overflowing a limit. */
  onDrop?: (peerId: string) => void
}

/** Creates the guard of `doc`'s provider (call before the provider, so its `wrtc` can ask `limiterFor`). */
export function createPeerGuard(doc: Y.Doc, options: PeerGuardOptions = {}): PeerGuard {
  const ledger = options.ledger ?? new PeerLedger()
  const held = options.held ?? new HeldUpdateGuard(doc)
  const now = options.now ?? (() => performance.now())
  const places = options.places ?? new PeerPlaces()
  const pcPeers = new WeakMap<object, string>()
  const openedBy = new WeakMap<object, number>() // connection → deadline to open its data channel
  let provider: WebrtcProvider | undefined

  const conns = (): Map<string, { connected: boolean; closed: boolean; peer: unknown; destroy(): void }> =>
    provider?.room?.webrtcConns ?? new Map()
  const view: RoomPlaces = {
    get size() {
      return conns().size
    },
    state(peerId) {
      const conn = conns().get(peerId)
      return !conn || conn.closed ? 'absent' : conn.connected ? 'open' : 'pending'
    },
  }
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
      peer.on('connect', () => places.opened(peerId, now()))
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
      next.on('peers', () => {
        hook()
        places.sweep(view, now())
      })
      hook()
    },
    check() {
      hook()
      const at = now()
      conns().forEach((conn, peerId) => {
        if (conn.connected) places.opened(peerId, at)
        else if (!conn.closed && (openedBy.get(conn) ?? Infinity) < at) {
          places.failed(peerId) // never opened: if the id was proven, someone may have claimed it
          conn.destroy()
        }
      })
      places.sweep(view, at)
      const blamed = held.check()
      blamed?.forEach(drop)
      return blamed !== undefined
    },
    shutOut: (peerId) => ledger.shutOut(peerId, now()),
    admit({ type, from }) {
      const at = now()
      if (ledger.shutOut(from, at)) return false
      const conn = conns().get(from)
      if (conn && !conn.closed) {
        // Its peer announces itself while our connection still waits to open: it missed our offer; start again.
        const deadline = openedBy.get(conn)
        if (type === 'announce' && !conn.connected && deadline !== undefined && deadline - CONNECT_TIMEOUT_MS + RESTART_PENDING_MS < at) conn.destroy()
        return true
      }
      return places.admit(from, view, at)
    },
  }
}
