/**
 * The WebRTC peer y-webrtc drives, in place of simple-peer (vite.config.ts
 * resolves y-webrtc's `simple-peer/simplepeer.min.js` import here; nothing in
 * node_modules is patched). simple-peer is a Node stream: every message it
 * receives is pushed through a readable-stream buffer before its `data` event,
 * and its browser build needs Node's stream, buffer and events stand-ins
 * (≈6 kB gzip on both pages). This is the part of its API that y-webrtc and
 * Asiste use, on the browser's own RTCPeerConnection:
 *
 * - the same signals on the wire (`{type:'offer'|'answer', sdp}`,
 *   `{type:'candidate', candidate}`, `{type:'renegotiate'}`,
 *   `{type:'transceiverRequest'}`), so a stock y-webrtc peer with simple-peer
 *   connects to it either way round (tests/e2e/stockPeer.spec.ts);
 * - only the initiator makes offers; the other side asks for one, so two
 *   offers never cross;
 * - one data channel (the initiator's), events `signal`, `connect`, `data`
 *   (a Uint8Array), `close`, `error`, `stream`, `track`;
 * - media: `addStream`/`removeStream` renegotiate over the same signaling,
 *   `_remoteStreams` keeps what arrived before anyone listened;
 * - `_pc`, `_channel`, `connected` and `destroyed`, which connectDoc.ts,
 *   peerGuard.ts and fileChannel.ts read as they read simple-peer's.
 *
 * Left out of simple-peer's surface (nobody here uses them): the stream
 * interface, non-trickle ICE, `replaceTrack`, `getStats`, `address`.
 */
import { Emitter } from './peerEmitter'

/** The constructors a peer is built on (y-webrtc's `peerOpts.wrtc`; chunkingWrtc.ts hands in its own). */
export interface PeerWrtc {
  RTCPeerConnection: new (configuration?: RTCConfiguration) => RTCPeerConnection
}

/** What y-webrtc passes (`initiator` plus its `peerOpts`). */
export interface LinkPeerOptions {
  initiator?: boolean
  config?: RTCConfiguration
  wrtc?: PeerWrtc
  channelName?: string
  channelConfig?: RTCDataChannelInit
}

/** A signal as it crosses y-webrtc's signaling (simple-peer's shapes). */
export interface PeerSignal {
  type?: string
  sdp?: string
  candidate?: RTCIceCandidateInit
  renegotiate?: boolean
  transceiverRequest?: { kind: string; init?: RTCRtpTransceiverInit }
}

/** An error with the code simple-peer would give it (y-webrtc only logs it). */
export class PeerError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'PeerError'
  }
}

/** Google's default (simple-peer's too) when no configuration is given; the app always passes its own. */
const DEFAULT_CONFIG: RTCConfiguration = { iceServers: [{ urls: 'stun:stun.l.google.com:19302' }] }
/** Chromium can leave a data channel in `closing` for good (crbug 882743): after two checks this far apart it counts as closed. */
const CLOSING_CHECK_MS = 5_000

function randomLabel(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function readSignal(data: unknown): PeerSignal {
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as PeerSignal
    } catch {
      return {}
    }
  }
  return typeof data === 'object' && data !== null ? (data as PeerSignal) : {}
}

/** One WebRTC link between two y-webrtc peers. */
export default class LinkPeer extends Emitter {
  readonly initiator: boolean
  channelName: string | undefined
  _pc: RTCPeerConnection | null
  _channel: RTCDataChannel | null = null
  /** Streams the remote sent, in order; each one's `stream` event fired once. */
  _remoteStreams: MediaStream[] = []
  destroyed = false
  destroying = false
  #connected = false
  #pending: RTCIceCandidateInit[] = []
  #negotiating = false
  #queued = false
  #batched = false
  #firstNegotiation = true
  readonly #senders = new Map<MediaStreamTrack, Map<MediaStream, RTCRtpSender>>()
  readonly #requested = new WeakSet<RTCRtpTransceiver>()
  #closingCheck: ReturnType<typeof setInterval> | undefined

  constructor(options: LinkPeerOptions = {}) {
    super()
    this.initiator = options.initiator ?? false
    this.channelName = this.initiator ? (options.channelName ?? randomLabel()) : undefined
    const Connection = options.wrtc?.RTCPeerConnection ?? globalThis.RTCPeerConnection
    let pc: RTCPeerConnection
    try {
      pc = new Connection(options.config ?? DEFAULT_CONFIG)
    } catch (error) {
      this._pc = null
      this.destroy(new PeerError('could not create a peer connection', 'ERR_PC_CONSTRUCTOR', { cause: error }))
      return
    }
    this._pc = pc
    pc.oniceconnectionstatechange = () => this.#onIceState()
    pc.onconnectionstatechange = () => {
      if (!this.destroyed && pc.connectionState === 'failed') this.destroy(new PeerError('Connection failed.', 'ERR_CONNECTION_FAILURE'))
    }
    pc.onsignalingstatechange = () => this.#onSignalingState()
    pc.onicecandidate = (event) => {
      if (this.destroyed || !event.candidate) return
      const { candidate, sdpMLineIndex, sdpMid } = event.candidate
      this.emit('signal', { type: 'candidate', candidate: { candidate, sdpMLineIndex, sdpMid } })
    }
    pc.ontrack = (event) => this.#onTrack(event)
    if (this.initiator) this.#useChannel(pc.createDataChannel(this.channelName!, options.channelConfig ?? {}))
    else
      pc.ondatachannel = (event) => {
        // One document channel per link: another one (a peer's, not a side channel) would feed `data` twice.
        if (this._channel) event.channel.close()
        else this.#useChannel(event.channel)
      }
    this.#needsNegotiation()
  }

  /** Whether the data channel is open (and stays so: Chromium may report `closing` before any event). */
  get connected(): boolean {
    return this.#connected && this._channel?.readyState === 'open'
  }

  /** Applies a signal from the remote peer (an object or its JSON). */
  signal(data: unknown): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot signal after peer is destroyed', 'ERR_DESTROYED')
    const pc = this._pc!
    const signal = readSignal(data)
    if (signal.renegotiate && this.initiator) this.#needsNegotiation()
    if (signal.transceiverRequest && this.initiator) this.addTransceiver(signal.transceiverRequest.kind, signal.transceiverRequest.init)
    if (signal.candidate) {
      if (pc.remoteDescription?.type) this.#addCandidate(signal.candidate)
      else this.#pending.push(signal.candidate)
    }
    if (signal.sdp) {
      pc.setRemoteDescription({ type: signal.type as RTCSdpType, sdp: signal.sdp })
        .then(() => {
          if (this.destroyed) return
          const pending = this.#pending
          this.#pending = []
          pending.forEach((candidate) => this.#addCandidate(candidate))
          if (pc.remoteDescription?.type === 'offer') this.#answer()
        })
        .catch((error: unknown) => this.destroy(new PeerError('could not apply the remote description', 'ERR_SET_REMOTE_DESCRIPTION', { cause: error })))
    }
    if (!signal.sdp && !signal.candidate && !signal.renegotiate && !signal.transceiverRequest) {
      this.destroy(new PeerError('signal() called with invalid signal data', 'ERR_SIGNALING'))
    }
  }

  /** Sends over the data channel (y-webrtc checks `connected` first). */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot send after peer is destroyed', 'ERR_DESTROYED')
    // RTCDataChannel.send has one overload per type, which TypeScript cannot pick for a union.
    ;(this._channel as unknown as { send(data: unknown): void }).send(data)
  }

  /** Adds a transceiver; the non-initiator asks the initiator to add it (only the initiator offers). */
  addTransceiver(kind: string, init?: RTCRtpTransceiverInit): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot addTransceiver after peer is destroyed', 'ERR_DESTROYED')
    if (!this.initiator) {
      this.emit('signal', { type: 'transceiverRequest', transceiverRequest: { kind, init } })
      return
    }
    try {
      this._pc!.addTransceiver(kind, init)
      this.#needsNegotiation()
    } catch (error) {
      this.destroy(new PeerError('could not add a transceiver', 'ERR_ADD_TRANSCEIVER', { cause: error }))
    }
  }

  addStream(stream: MediaStream): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot addStream after peer is destroyed', 'ERR_DESTROYED')
    stream.getTracks().forEach((track) => this.addTrack(track, stream))
  }

  addTrack(track: MediaStreamTrack, stream: MediaStream): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot addTrack after peer is destroyed', 'ERR_DESTROYED')
    const byStream = this.#senders.get(track) ?? new Map<MediaStream, RTCRtpSender>()
    if (byStream.has(stream)) throw new PeerError('Track has already been added to that stream.', 'ERR_SENDER_ALREADY_ADDED')
    byStream.set(stream, this._pc!.addTrack(track, stream))
    this.#senders.set(track, byStream)
    this.#needsNegotiation()
  }

  removeTrack(track: MediaStreamTrack, stream: MediaStream): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot removeTrack after peer is destroyed', 'ERR_DESTROYED')
    const sender = this.#senders.get(track)?.get(stream)
    if (!sender) throw new PeerError('Cannot remove track that was never added.', 'ERR_TRACK_NOT_ADDED')
    this.#senders.get(track)!.delete(stream)
    try {
      this._pc!.removeTrack(sender)
    } catch (error) {
      this.destroy(new PeerError('could not remove a track', 'ERR_REMOVE_TRACK', { cause: error }))
      return
    }
    this.#needsNegotiation()
  }

  removeStream(stream: MediaStream): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot removeStream after peer is destroyed', 'ERR_DESTROYED')
    stream.getTracks().forEach((track) => this.removeTrack(track, stream))
  }

  /** Starts a negotiation: the initiator offers; the other side asks the initiator to. */
  negotiate(): void {
    if (this.destroying) return
    if (this.destroyed) throw new PeerError('cannot negotiate after peer is destroyed', 'ERR_DESTROYED')
    if (this.#negotiating) this.#queued = true
    else if (this.initiator) setTimeout(() => this.#offer(), 0) // Chromium has crashed on createOffer in the constructor's task
    else this.emit('signal', { type: 'renegotiate', renegotiate: true })
    this.#negotiating = true
  }

  /** Closes the link; `error` (then `close`) is emitted in a microtask, so events already under way still arrive. */
  destroy(error?: Error): void {
    if (this.destroyed || this.destroying) return
    this.destroying = true
    queueMicrotask(() => {
      this.destroyed = true
      this.destroying = false
      this.#connected = false
      clearInterval(this.#closingCheck)
      const channel = this._channel
      if (channel) {
        try {
          channel.close()
        } catch {
          // Already closed.
        }
        channel.onmessage = channel.onopen = channel.onclose = channel.onerror = null
      }
      const pc = this._pc
      if (pc) {
        try {
          pc.close()
        } catch {
          // Already closed.
        }
        pc.oniceconnectionstatechange = pc.onconnectionstatechange = pc.onsignalingstatechange = null
        pc.onicecandidate = null
        pc.ontrack = null
        pc.ondatachannel = null
      }
      this._pc = null
      this._channel = null
      this._remoteStreams = []
      this.#senders.clear()
      if (error) this.emit('error', error)
      this.emit('close')
    })
  }

  #useChannel(channel: RTCDataChannel): void {
    this._channel = channel
    this.channelName = channel.label
    channel.binaryType = 'arraybuffer'
    channel.onmessage = (event: MessageEvent) => {
      if (this.destroyed) return
      const data: unknown = event.data
      // Bytes, whatever the sender used: simple-peer's stream turns text into bytes too, and y-webrtc decodes bytes.
      this.emit('data', typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data)
    }
    // Connected once the data channel is open (which needs ICE and DTLS up).
    channel.onopen = () => {
      if (this.#connected || this.destroyed) return
      this.#connected = true
      this.emit('connect')
    }
    const closed = (): void => {
      if (!this.destroyed) this.destroy()
    }
    channel.onclose = closed
    channel.onerror = (event: Event) => {
      const cause = (event as RTCErrorEvent).error
      this.destroy(new PeerError(`data channel error: ${cause?.message ?? 'unknown'}`, 'ERR_DATA_CHANNEL', { cause }))
    }
    let closing = false
    this.#closingCheck = setInterval(() => {
      const stuck = this._channel?.readyState === 'closing'
      if (stuck && closing) closed()
      closing = stuck
    }, CLOSING_CHECK_MS)
  }

  #onIceState(): void {
    const pc = this._pc
    if (this.destroyed || !pc) return
    const state = pc.iceConnectionState
    if (state === 'failed') this.destroy(new PeerError('Ice connection failed.', 'ERR_ICE_CONNECTION_FAILURE'))
    if (state === 'closed') this.destroy(new PeerError('Ice connection closed.', 'ERR_ICE_CONNECTION_CLOSED'))
  }

  #onSignalingState(): void {
    const pc = this._pc
    if (this.destroyed || !pc) return
    if (pc.signalingState !== 'stable') return
    this.#negotiating = false
    if (this.#queued) {
      this.#queued = false
      this.#needsNegotiation()
    }
  }

  /** Batches the negotiations asked for in one task; the non-initiator's first one is the initiator's offer. */
  #needsNegotiation(): void {
    if (this.#batched) return
    this.#batched = true
    queueMicrotask(() => {
      this.#batched = false
      if (this.initiator || !this.#firstNegotiation) this.negotiate()
      this.#firstNegotiation = false
    })
  }

  #addCandidate(candidate: RTCIceCandidateInit): void {
    // A candidate the browser cannot use (an mDNS name, a dropped m-line) is not worth the link.
    this._pc?.addIceCandidate(candidate).catch(() => undefined)
  }

  #offer(): void {
    const pc = this._pc
    if (this.destroyed || !pc) return
    pc.createOffer()
      .then((offer) => pc.setLocalDescription(offer).then(() => this.#sendDescription(offer)))
      .catch((error: unknown) => this.destroy(new PeerError('could not make an offer', 'ERR_CREATE_OFFER', { cause: error })))
  }

  #answer(): void {
    const pc = this._pc
    if (this.destroyed || !pc) return
    pc.createAnswer()
      .then((answer) => pc.setLocalDescription(answer).then(() => this.#sendDescription(answer)))
      .then(() => {
        if (!this.initiator && !this.destroyed) this.#requestMissingTransceivers()
      })
      .catch((error: unknown) => this.destroy(new PeerError('could not make an answer', 'ERR_CREATE_ANSWER', { cause: error })))
  }

  #sendDescription(made: RTCSessionDescriptionInit): void {
    if (this.destroyed) return
    const description = this._pc?.localDescription ?? made
    this.emit('signal', { type: description.type, sdp: description.sdp })
  }

  /** Tracks this side added that no m-line carries yet: the initiator is asked for a transceiver of their kind. */
  #requestMissingTransceivers(): void {
    this._pc?.getTransceivers?.().forEach((transceiver) => {
      const track = transceiver.sender.track
      if (transceiver.mid || !track || this.#requested.has(transceiver)) return
      this.#requested.add(transceiver)
      this.addTransceiver(track.kind)
    })
  }

  #onTrack(event: RTCTrackEvent): void {
    if (this.destroyed) return
    event.streams.forEach((stream) => {
      this.emit('track', event.track, stream)
      if (this._remoteStreams.some((known) => known.id === stream.id)) return // one `stream` event per stream, however many tracks
      this._remoteStreams.push(stream)
      queueMicrotask(() => this.emit('stream', stream)) // after the stream's other tracks of this event are added
    })
  }
}
