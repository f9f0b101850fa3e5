/**
 * Connects one Y.Doc to its room over y-webrtc, with chunked data channels
 * (documents of any size sync) and presence derived from live connections
 * (y-webrtc keeps a vanished peer's awareness for 30 s).
 */
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import type { Awareness } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import { makeChunkingWrtc } from './chunkingWrtc'
import { isWellFormedPeerMessage } from './peerMessageGuard'
import { createPeerGuard } from './peerGuard'
import { screenSignaling } from './signalingGuard'
import { roomName, type RoomKind } from './roomKeys'
import type { NetConfig } from './config'
import { parsePresence, type LinkEnd, type LinkMessageEvent, type LinkState, type PeerLink, type PresenceRewrite, type PresenceUser } from './presence'
import { createLinkAwarenessFilter } from './awarenessFilter'
import { encodeLinkMessage, readLinkMessage, sdpFingerprint } from './linkMessages'
import { gateTabBroadcasts } from './roomSends'
import { skipEchoes, type EchoRoom, type EchoSkip } from './echoSkip'

/** A snapshot of a connection's health. */
export interface ConnectionSnapshot {
  state: LinkState
  /** Peers with a live data channel (WebRTC) or in another tab (BroadcastChannel). */
  peers: number
  /** When (ms since the epoch) a peer last overdrew its update budget or held-update cap and was ignored for a while. */
  throttledAt?: number
}

/** A live connection of one document. */
export interface DocConnection {
  readonly awareness: Awareness
  /** Publishes this user's presence. */
  setUser(user: PresenceUser): void
  /** Publishes whether this user is typing (cleared by itself after a pause). */
  setTyping(typing: boolean): void
  /** Publishes whether this user is editing the session notes. */
  setEditingNotes(editing: boolean): void
  /** Current link state and peer count. */
  snapshot(): ConnectionSnapshot
  /** Users present right now: awareness entries backed by a live connection. */
  onlineUsers(): PresenceUser[]
  /** Calls `listener` whenever the snapshot or presence may have changed; returns an unsubscribe. */
  onChange(listener: () => void): () => void
  /** Drops every link (signaling, WebRTC, tabs) until `resume`: the app keeps working offline. */
  pause(): void
  /** Reconnects after `pause`. */
  resume(): void
  /** Leaves the room for good. */
  destroy(): void
  /** Everything this page holds for the room (document state, awareness received), for leak tests. */
  dump(): { update: Uint8Array; awareness: unknown[] }
  /** Publishes what this page holds of the document (opaque to the transport; see app/pendingSync); absent in fakes. */
  setHeld?(held: unknown): void
  /** What peers of `role` with a live WebRTC link (another device, not another tab) published with `setHeld`; absent in fakes. */
  peerHeld?(role: PresenceUser['role']): unknown[]
  /** Live WebRTC peers by y-webrtc peer id (media and file channels ride on them); absent in fakes. */
  peerLinks?(): Map<string, PeerLink>
  /** This page's y-webrtc peer id in the room; absent in fakes. */
  peerId?(): string | undefined
  /** Sends a link message (linkMessages.ts) to `peerId` over its live WebRTC link; false when there is none. */
  sendLinkMessage?(peerId: string, message: object): boolean
  /** Calls `listener` for every link message a WebRTC peer sends; returns an unsubscribe. */
  onLinkMessage?(listener: (event: LinkMessageEvent) => void): () => void
  /** Peers whose presence updates tried to change who another client is (refused, never applied). */
  presenceRewrites?(): PresenceRewrite[]
}

/** Most presence rewriters remembered per connection (one misbehaving peer, fixed memory). */
const MAX_REWRITERS = 16

/** Both ends of a simple-peer link, from its session descriptions; undefined while either lacks a fingerprint. */
function linkEnds(peer: { _pc?: RTCPeerConnection } | undefined, localId: string | undefined, remoteId: string): { local: LinkEnd; remote: LinkEnd } | undefined {
  const pc = peer?._pc
  const local = sdpFingerprint(pc?.localDescription?.sdp)
  const remote = sdpFingerprint(pc?.remoteDescription?.sdp)
  if (!local || !remote || localId === undefined) return undefined
  return { local: { peerId: localId, fingerprint: local }, remote: { peerId: remoteId, fingerprint: remote } }
}

/** y-webrtc's message type for y-protocols sync messages. */
const Y_WEBRTC_MESSAGE_SYNC = 0

/** How often presence is recomputed even without events: a closed link can go unnoticed otherwise. */
const PRESENCE_REFRESH_MS = 2_000

/** Opens the room of `doc` (call after local persistence has loaded it). */
export async function connectDoc(doc: Y.Doc, kind: RoomKind, id: string, key: string, config: NetConfig): Promise<DocConnection> {
  const name = await roomName(kind, id, key)
  let throttledAt: number | undefined
  const resyncTimers = new Set<ReturnType<typeof setTimeout>>()
  // A throttled peer's updates were ignored: once its penalty ends, ask every peer for what we lack.
  const onThrottle = (until: number): void => {
    throttledAt = Date.now()
    notify()
    const timer = setTimeout(() => {
      resyncTimers.delete(timer)
      requestSync()
    }, Math.max(0, until - performance.now()))
    resyncTimers.add(timer)
  }
  // Per-peer limits that survive reconnects; a dropped peer's held updates are gone, so ask the rest again.
  const guard = createPeerGuard(doc, {
    onDrop: () => {
      throttledAt = Date.now() // the rep's warnings show it like a throttled flood
      notify()
      requestSync()
    },
  })
  type Conn = { connected: boolean; closed: boolean; peer: unknown }
  const connOf = (pc: object): [string, Conn] | undefined => {
    for (const entry of provider.room?.webrtcConns ?? []) if ((entry[1].peer as { _pc?: object })._pc === pc) return entry as [string, Conn]
    return undefined
  }
  const liveConn = (peerId: string): Conn | undefined => {
    const conn = provider.room?.webrtcConns.get(peerId) as Conn | undefined
    return conn && conn.connected && !conn.closed ? conn : undefined
  }
  // Presence only for the sender's own client id (awarenessFilter.ts): which link holds which client.
  const owners = new Map<number, string>()
  const claim = (clientId: number, peerId: string): boolean => {
    const holder = owners.get(clientId)
    if (holder !== undefined && holder !== peerId && liveConn(holder)) return false
    owners.set(clientId, peerId)
    return true
  }
  const rewriters = new Map<string, PresenceRewrite>()
  const onRewrite = (peerId: string, clientId: number): void => {
    const victimName = parsePresence(provider.awareness.getStates().get(clientId)?.user)?.name
    rewriters.delete(peerId)
    rewriters.set(peerId, { peerId, at: Date.now(), ...(victimName === undefined ? {} : { victimName }) })
    if (rewriters.size > MAX_REWRITERS) rewriters.delete(rewriters.keys().next().value!)
    notify()
  }
  const linkListeners = new Set<(event: LinkMessageEvent) => void>()
  const inbound = (pc: object): ((message: Uint8Array) => Uint8Array | undefined) => {
    const peerIdOf = (): string | undefined => connOf(pc)?.[0]
    const presence = createLinkAwarenessFilter({ peerId: peerIdOf, claim, held: (clientId) => provider.awareness.getStates().get(clientId), onRewrite })
    return (message) => {
      const linkMessage = readLinkMessage(message)
      if (linkMessage === null) return presence(message)
      const found = connOf(pc)
      if (linkMessage && found) {
        const [peerId, conn] = found
        const peer = conn.peer as PeerLink & { send(data: Uint8Array): void }
        const event: LinkMessageEvent = {
          peerId,
          message: linkMessage,
          link: peer,
          ends: linkEnds(peer, provider.room?.peerId, peerId),
          reply: (answer) => {
            if (conn.connected && !conn.closed) peer.send(encodeLinkMessage(answer))
          },
        }
        linkListeners.forEach((listener) => listener(event))
      }
      return undefined
    }
  }
  const provider = new WebrtcProvider(name, doc, {
    signaling: config.signaling,
    password: key,
    peerOpts: {
      // iceTransportPolicy 'relay' (ICE_TRANSPORT_POLICY on the server) sends every link through TURN.
      config: { iceServers: config.iceServers, ...(config.iceTransportPolicy ? { iceTransportPolicy: config.iceTransportPolicy } : {}) },
      wrtc: makeChunkingWrtc(undefined, { onThrottle, accept: isWellFormedPeerMessage, limiterFor: (pc) => guard.limiterFor(pc), inbound }),
    },
  })
  guard.attach(provider)
  // y-webrtc opens its room once the room key is derived (the first callback on `provider.key`).
  let echoes: EchoSkip | undefined
  void provider.key.then(() => {
    if (!provider.room) return
    gateTabBroadcasts(provider.room)
    echoes = skipEchoes(doc, provider.room as unknown as EchoRoom)
  })
  // Signaling messages that would open a connection pass the guard first: genuine peers keep their places under fake announces.
  const signalingScreen = screenSignaling(provider, (data) => guard.admit(data))
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())

  const livePeerIds = (): Set<string> => {
    const live = new Set<string>()
    const room = provider.room
    if (!room) return live
    room.webrtcConns.forEach((conn, peerId) => {
      if (conn.connected && !iceLost(conn.peer)) live.add(peerId)
    })
    room.bcConns.forEach((peerId) => live.add(peerId))
    return live
  }
  // Sync step 1 (our state vector): each peer answers with the updates we lack, as on connect.
  const requestSync = (): void => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, Y_WEBRTC_MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
    const message = encoding.toUint8Array(encoder)
    provider.room?.webrtcConns.forEach((conn) => {
      if (conn.connected && !conn.closed) (conn.peer as { send(data: Uint8Array): void }).send(message)
    })
  }
  const signalingUp = (): boolean => provider.signalingConns.some((conn) => conn.connected)
  const ownPeerId = (): string | undefined => provider.room?.peerId

  let user: PresenceUser | undefined
  let held: unknown
  const publishUser = (): void => {
    if (user) provider.awareness.setLocalState({ user, peerId: ownPeerId() ?? null, ...(held === undefined ? {} : { held }) })
  }
  provider.on('status', () => {
    echoes?.putFirst() // a reconnect added y-webrtc's update listener again, last
    publishUser()
    notify()
  })
  provider.on('peers', () => {
    echoes?.hook()
    notify()
  })
  provider.on('synced', notify)
  provider.awareness.on('change', notify)
  const timer = setInterval(() => {
    notify()
    // Updates that wait for ones we never got (a throttled peer's, or a lost answer): ask again, a few times (peerGuard).
    if (guard.check() || doc.store.pendingStructs !== null || doc.store.pendingDs !== null) requestSync()
  }, PRESENCE_REFRESH_MS)

  return {
    awareness: provider.awareness,
    setUser(next) {
      user = next
      publishUser()
    },
    setTyping(typing) {
      if (!user || user.typing === typing) return
      user = { ...user, typing }
      publishUser()
    },
    setHeld(next) {
      held = next
      publishUser()
    },
    peerHeld(role) {
      const live = new Set<string>()
      provider.room?.webrtcConns.forEach((conn, peerId) => {
        if (conn.connected && !iceLost(conn.peer)) live.add(peerId)
      })
      const found: unknown[] = []
      provider.awareness.getStates().forEach((state, clientId) => {
        const peerId: unknown = state.peerId
        if (clientId === doc.clientID || typeof peerId !== 'string' || !live.has(peerId)) return
        if (parsePresence(state.user)?.role === role && state.held !== undefined) found.push(state.held)
      })
      return found
    },
    setEditingNotes(editingNotes) {
      if (!user || user.editingNotes === editingNotes) return
      user = { ...user, editingNotes }
      publishUser()
    },
    snapshot() {
      const peers = livePeerIds().size
      const throttled = throttledAt === undefined ? {} : { throttledAt }
      if (!provider.shouldConnect) return { state: 'offline', peers, ...throttled }
      return { state: signalingUp() || peers > 0 ? 'online' : 'connecting', peers, ...throttled }
    },
    onlineUsers() {
      const live = livePeerIds()
      const users: PresenceUser[] = []
      provider.awareness.getStates().forEach((state, clientId) => {
        const peerId: unknown = state.peerId
        const self = clientId === doc.clientID
        if (!self && !(typeof peerId === 'string' && live.has(peerId))) return
        const parsed = parsePresence(state.user)
        if (parsed) users.push(parsed)
      })
      return users
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    pause() {
      provider.disconnect()
      notify()
    },
    resume() {
      provider.connect()
      signalingScreen.install() // a new signaling connection, if the last room on it had closed it
      notify()
    },
    peerLinks() {
      const links = new Map<string, PeerLink>()
      provider.room?.webrtcConns.forEach((conn, peerId) => {
        if (conn.connected && !conn.closed) links.set(peerId, conn.peer as PeerLink)
      })
      return links
    },
    peerId: ownPeerId,
    sendLinkMessage(peerId, message) {
      const conn = liveConn(peerId)
      if (!conn) return false
      try {
        ;(conn.peer as { send(data: Uint8Array): void }).send(encodeLinkMessage(message))
        return true
      } catch {
        return false // the channel closed meanwhile
      }
    },
    onLinkMessage(listener) {
      linkListeners.add(listener)
      return () => linkListeners.delete(listener)
    },
    presenceRewrites: () => [...rewriters.values()],
    dump() {
      return { update: Y.encodeStateAsUpdate(doc), awareness: [...provider.awareness.getStates().values()] }
    },
    destroy() {
      clearInterval(timer)
      signalingScreen.stop()
      resyncTimers.forEach((pending) => clearTimeout(pending))
      listeners.clear()
      linkListeners.clear()
      // y-webrtc's destroy() leaves the provider registered on the shared signaling sockets, which then
      // never close (pause/resume stops reconnecting peers); disconnect() unregisters it first.
      provider.disconnect()
      provider.destroy()
    },
  }
}

/**
 * Whether a peer connection's ICE transport has lost its peer. simple-peer only
 * closes on 'failed' (~30 s); 'disconnected' comes after ~5 s of silence and is
 * what presence should show (it recovers to 'connected' if the link returns).
 */
function iceLost(peer: unknown): boolean {
  const pc = typeof peer === 'object' && peer !== null ? (peer as { _pc?: { iceConnectionState?: string } })._pc : undefined
  const state = pc?.iceConnectionState
  return state === 'disconnected' || state === 'failed' || state === 'closed'
}

