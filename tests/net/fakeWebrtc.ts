/**
 * In-memory WebRTC for tests: a data channel pair that delivers on microtasks,
 * throws on messages over the SCTP cap like Chromium, and drains its
 * bufferedAmount asynchronously (firing `bufferedamountlow`); plus a peer
 * connection just rich enough for simple-peer to connect two of them.
 */
import { createRequire } from 'node:module'

/** The slice of simple-peer (untyped CommonJS, the one y-webrtc uses) the tests drive. */
export interface SimplePeer extends NodeJS.EventEmitter {
  signal(data: unknown): void
  send(data: Uint8Array | string): void
  destroy(): void
}
type SimplePeerClass = new (opts: { initiator?: boolean; wrtc: unknown }) => SimplePeer
/** simple-peer's constructor, loaded as y-webrtc loads it. */
export const SimplePeerClass = createRequire(import.meta.url)('simple-peer') as SimplePeerClass

/** Chromium's data channel max-message-size. */
export const SCTP_MAX_MESSAGE_BYTES = 262_144

type Handler = ((event: Event) => unknown) | null

/** Spec-like `on<type>` attributes: the listener is registered at first assignment, as browsers do. */
function handlerAttributes(target: EventTarget, types: readonly string[]): void {
  const handlers = new Map<string, Handler>()
  for (const type of types) {
    Object.defineProperty(target, `on${type}`, {
      get: () => handlers.get(type) ?? null,
      set: (handler: Handler) => {
        if (!handlers.has(type)) target.addEventListener(type, (event) => handlers.get(type)?.call(target, event))
        handlers.set(type, handler)
      },
    })
  }
}

/** One end of an in-memory RTCDataChannel pair. */
export class FakeDataChannel extends EventTarget {
  readyState: RTCDataChannelState = 'connecting'
  bufferedAmount = 0
  bufferedAmountLowThreshold = 0
  binaryType: BinaryType = 'blob'
  /** Byte size of every message the channel accepted. */
  readonly sentSizes: number[] = []
  /** Highest bufferedAmount ever reached. */
  peakBufferedAmount = 0
  remote: FakeDataChannel | undefined
  declare onmessage: Handler
  declare onopen: Handler
  declare onclose: Handler
  declare onerror: Handler
  declare onbufferedamountlow: Handler

  constructor(readonly label: string) {
    super()
    handlerAttributes(this, ['message', 'open', 'close', 'error', 'bufferedamountlow'])
  }

  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.readyState !== 'open') throw new DOMException('RTCDataChannel.readyState is not open', 'InvalidStateError')
    const copy = typeof data === 'string' ? data
      : data instanceof ArrayBuffer ? data.slice(0)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer
    const size = typeof copy === 'string' ? new TextEncoder().encode(copy).byteLength : copy.byteLength
    if (size > SCTP_MAX_MESSAGE_BYTES) {
      throw new TypeError(`Failed to execute 'send' on 'RTCDataChannel': Message size (${size}) exceeds maxMessageSize`)
    }
    this.sentSizes.push(size)
    this.bufferedAmount += size
    this.peakBufferedAmount = Math.max(this.peakBufferedAmount, this.bufferedAmount)
    queueMicrotask(() => this.#deliver(copy, size))
  }

  close(): void {
    if (this.readyState === 'closing' || this.readyState === 'closed') return
    const ends = [this, this.remote].filter((end) => end !== undefined)
    for (const end of ends) end.readyState = 'closing'
    queueMicrotask(() => {
      for (const end of ends) {
        end.readyState = 'closed'
        end.dispatchEvent(new Event('close'))
      }
    })
  }

  #deliver(data: string | ArrayBuffer, size: number): void {
    const before = this.bufferedAmount
    this.bufferedAmount -= size
    const remote = this.remote
    if (remote && remote.readyState !== 'closed') {
      const payload = typeof data === 'string' || remote.binaryType === 'arraybuffer' ? data : new Blob([data])
      remote.dispatchEvent(new MessageEvent('message', { data: payload }))
    }
    const threshold = this.bufferedAmountLowThreshold
    if (before > threshold && this.bufferedAmount <= threshold) this.dispatchEvent(new Event('bufferedamountlow'))
  }
}

/** Opens both ends of a pair on a microtask, firing `open` on each. */
export function openPair(a: FakeDataChannel, b: FakeDataChannel): void {
  a.remote = b
  b.remote = a
  queueMicrotask(() => {
    for (const end of [a, b]) {
      end.readyState = 'open'
      end.dispatchEvent(new Event('open'))
    }
  })
}

const connections = new Map<string, FakePeerConnection>()
let nextConnection = 0

interface Description { type: RTCSdpType; sdp: string }

/** Stands in for RTCSessionDescription and RTCIceCandidate: keeps what it is given. */
export class FakeInit {
  constructor(init: object) {
    Object.assign(this, init)
  }
}

/** A peer connection whose "SDP" names the connection, so applying an answer links the two in memory. */
export class FakePeerConnection extends EventTarget {
  readonly #id = `fake-pc-${nextConnection++}`
  signalingState: RTCSignalingState = 'stable'
  iceConnectionState: RTCIceConnectionState = 'new'
  iceGatheringState: RTCIceGatheringState = 'new'
  connectionState: RTCPeerConnectionState = 'new'
  localDescription: Description | null = null
  remoteDescription: Description | null = null
  /** Raw channels this side created or received, in order. */
  readonly rawChannels: FakeDataChannel[] = []
  declare ondatachannel: Handler

  constructor(_config?: unknown) {
    super()
    handlerAttributes(this, ['datachannel', 'iceconnectionstatechange', 'icegatheringstatechange',
      'connectionstatechange', 'signalingstatechange', 'icecandidate', 'track'])
    connections.set(this.#id, this)
  }

  /** The connection at the other end, once connected. */
  #peer: FakePeerConnection | undefined

  createDataChannel(label: string): FakeDataChannel {
    if (this.signalingState === 'closed') throw new DOMException('The RTCPeerConnection is closed', 'InvalidStateError')
    const channel = new FakeDataChannel(label)
    this.rawChannels.push(channel)
    // Once connected, a new channel reaches the other end by itself (a new SCTP stream, no renegotiation).
    if (this.#peer) this.#announce(channel, this.#peer)
    return channel
  }

  async createOffer(): Promise<Description> {
    return { type: 'offer', sdp: this.#id }
  }

  async createAnswer(): Promise<Description> {
    return { type: 'answer', sdp: this.#id }
  }

  async setLocalDescription(description: Description): Promise<void> {
    this.localDescription = description
    this.#setSignaling(description.type === 'offer' ? 'have-local-offer' : 'stable')
  }

  async setRemoteDescription(description: Description): Promise<void> {
    this.remoteDescription = { type: description.type, sdp: description.sdp }
    this.#setSignaling(description.type === 'offer' ? 'have-remote-offer' : 'stable')
    const answerer = connections.get(description.sdp)
    if (description.type === 'answer' && answerer) this.#connect(answerer)
  }

  async addIceCandidate(): Promise<void> {}

  async getStats(): Promise<Map<string, object>> {
    const stats = [
      { id: 't', type: 'transport', selectedCandidatePairId: 'p' },
      { id: 'p', type: 'candidate-pair', localCandidateId: 'l', remoteCandidateId: 'r' },
      { id: 'l', type: 'local-candidate', address: '127.0.0.1', port: 1 },
      { id: 'r', type: 'remote-candidate', address: '127.0.0.1', port: 2 },
    ]
    return new Map(stats.map((report) => [report.id, report]))
  }

  close(): void {
    for (const channel of this.rawChannels) channel.close()
    this.iceConnectionState = 'closed'
    this.signalingState = 'closed'
    this.#peer = undefined
  }

  #setSignaling(state: RTCSignalingState): void {
    this.signalingState = state
    this.dispatchEvent(new Event('signalingstatechange'))
  }

  #announce(channel: FakeDataChannel, to: FakePeerConnection): void {
    const remote = new FakeDataChannel(channel.label)
    to.rawChannels.push(remote)
    to.dispatchEvent(Object.assign(new Event('datachannel'), { channel: remote }))
    openPair(channel, remote)
  }

  #connect(answerer: FakePeerConnection): void {
    this.#peer = answerer
    answerer.#peer = this
    for (const channel of [...this.rawChannels]) this.#announce(channel, answerer)
    for (const end of [this, answerer]) {
      end.iceConnectionState = 'connected'
      end.dispatchEvent(new Event('iceconnectionstatechange'))
    }
  }
}

/** The `{ RTCPeerConnection, RTCSessionDescription, RTCIceCandidate }` triple over the fakes. */
export function fakeWrtc(): { RTCPeerConnection: typeof FakePeerConnection; RTCSessionDescription: typeof FakeInit; RTCIceCandidate: typeof FakeInit } {
  return { RTCPeerConnection: FakePeerConnection, RTCSessionDescription: FakeInit, RTCIceCandidate: FakeInit }
}
