/**
 * Two sides of a room joined by in-memory peer connections (tests/net/fakeWebrtc.ts, wrapped
 * like the app's: side channels arrive as `asiste-sidechannel` ChunkedChannels), with presence,
 * for the file-transfer controllers. `drop()` closes the peer connection as a dead link would;
 * `reconnect()` links the same two peers (same y-webrtc peer ids) over a new one.
 */
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import type { DocConnection } from '../../src/net/connectDoc'
import type { PeerLink, PresenceUser } from '../../src/net/presence'
import { makeChunkingWrtc, type WrtcImplementation } from '../../src/net/chunkingWrtc'
import { fakeWrtc } from '../net/fakeWebrtc'
import type { ProvenPeers } from '../../src/app/tools/provenPeers'
import type { PeerRefusal, ProofStatus } from '../../src/net/linkProofs'

/** One side: its connection and what it publishes. */
export interface FakeSide {
  readonly connection: DocConnection
  peerId: string
}

/** Two linked sides. */
export interface FakeRoom {
  a: FakeSide
  b: FakeSide
  /** Closes the current peer connection (both ends see their channels close). */
  drop(): void
  /** Links the two over a new peer connection (b under a new peer id if its page restarted); resolves once connected. */
  reconnect(restartedB?: { peerId: string }): Promise<void>
}

interface SideControl {
  side: FakeSide
  awareness: Awareness
  setLink(link: PeerLink | undefined, remoteId: string): void
  notify(): void
}

function side(peerId: string, user: PresenceUser): SideControl {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({ user, peerId })
  const listeners = new Set<() => void>()
  const links = new Map<string, PeerLink>()
  const connection: DocConnection = {
    awareness,
    setUser: () => undefined,
    setTyping: () => undefined,
    setEditingNotes: () => undefined,
    snapshot: () => ({ state: 'online', peers: links.size }),
    onlineUsers: () => [user],
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    pause: () => undefined,
    resume: () => undefined,
    destroy: () => undefined,
    dump: () => ({ update: new Uint8Array(), awareness: [] }),
    peerLinks: () => new Map(links),
  }
  return {
    side: { connection, peerId },
    awareness,
    setLink(link, remoteId) {
      if (link) links.set(remoteId, link)
      else links.delete(remoteId)
    },
    notify: () => listeners.forEach((listener) => listener()),
  }
}

function peerLink(pc: RTCPeerConnection): PeerLink {
  return { destroyed: false, addStream: () => undefined, removeStream: () => undefined, on: () => undefined, off: () => undefined, _pc: pc }
}

/** Joins two users in one room. */
export async function fakeRoom(userA: PresenceUser, userB: PresenceUser): Promise<FakeRoom> {
  const a = side('peer-a', userA)
  let b = side('peer-b', userB)
  const meet = (): void => {
    applyAwarenessUpdate(a.awareness, encodeAwarenessUpdate(b.awareness, [b.awareness.clientID]), 'test')
    applyAwarenessUpdate(b.awareness, encodeAwarenessUpdate(a.awareness, [a.awareness.clientID]), 'test')
  }
  meet()
  const wrtc = makeChunkingWrtc(fakeWrtc() as unknown as WrtcImplementation) // the fakes mirror what simple-peer and the wrapper use
  let pcs: [RTCPeerConnection, RTCPeerConnection] | undefined
  const connect = async (): Promise<void> => {
    const pcA = new wrtc.RTCPeerConnection()
    const pcB = new wrtc.RTCPeerConnection()
    await pcB.setRemoteDescription(await pcA.createOffer())
    await pcA.setRemoteDescription(await pcB.createAnswer())
    pcs = [pcA, pcB]
    a.setLink(peerLink(pcA), b.side.peerId)
    b.setLink(peerLink(pcB), a.side.peerId)
    a.notify()
    b.notify()
  }
  await connect()
  return {
    a: a.side,
    get b() {
      return b.side
    },
    drop() {
      pcs?.forEach((pc) => pc.close())
      a.setLink(undefined, b.side.peerId)
      b.setLink(undefined, a.side.peerId)
      a.notify()
      b.notify()
    },
    async reconnect(restartedB) {
      if (restartedB) {
        b = side(restartedB.peerId, userB) // a new page: new peer id, new Yjs client, same user
        meet()
      }
      await connect()
    },
  }
}

/** Which peers count as proven in a test (src/app/tools/provenPeers.ts), and what was reported. */
export function fakeProvenPeers(status: (peerId: string) => ProofStatus = () => 'proven'): ProvenPeers & { reports: PeerRefusal[] } {
  const reports: PeerRefusal[] = []
  return {
    reports,
    status,
    settled: (peerId) => Promise.resolve(status(peerId) === 'proven'),
    onChange: () => () => undefined,
    report: (refusal) => void reports.push(refusal),
  }
}
