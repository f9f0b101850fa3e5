/**
 * The `wrtc` implementation handed to simple-peer through y-webrtc's
 * `peerOpts.wrtc`, so Yjs messages of any size cross a data channel whose
 * max-message-size is 256 KiB (DESIGN.md §2). Its RTCPeerConnection behaves
 * exactly like the base one except that every data channel, created or
 * received, is a ChunkedChannel.
 *
 * Stock y-webrtc peers stay compatible: every message that fits y-webrtc's
 * own limit travels unframed, exactly as y-webrtc sends it, and the frames of
 * a bigger message carry a message type a stock peer ignores (wireFrames.ts).
 * Only Asiste peers (or peers that implement docs/SCHEMA.md's framing) can
 * receive messages over that limit.
 */
import { ChunkedChannel, MAX_RAW_BYTES, type InboundGate } from './chunkedChannel'
import { PEER_UPDATE_BUDGET, PeerRateLimiter, type RateBudget } from './peerRateLimit'
import { MAX_SIDE_MESSAGE_BYTES, pageSideChannelSlots, type SideChannelSlots } from './sideChannelSlots'

/** Data channels whose label starts with this are Asiste's own (files), not simple-peer's. */
export const SIDE_CHANNEL_PREFIX = 'asiste-side:'
/** Event a peer connection dispatches, with `channel`, when a side channel arrives. */
export const SIDE_CHANNEL_EVENT = 'asiste-sidechannel'

/** The constructors simple-peer's `wrtc` option expects. */
export interface WrtcImplementation {
  RTCPeerConnection: typeof RTCPeerConnection
  RTCSessionDescription: typeof RTCSessionDescription
  RTCIceCandidate: typeof RTCIceCandidate
}

/** The per-peer rate limit on document channels (side channels carry files and are not limited). */
export interface ChannelLimits {
  budget?: RateBudget
  /**
   * Called when a peer overdraws its budget: it is ignored until `until` (on the `now` clock); the
   * caller should then ask for a fresh sync, which recovers any genuine update ignored meanwhile.
   */
  onThrottle?: (until: number) => void
  /** The clock, ms (tests pass a fake one). */
  now?: () => number
  /** Whether a message within budget is fit to deliver (malformed ones are ignored). */
  accept?: (message: Uint8Array) => boolean
  /** The budget of the peer on `pc`, shared by its connections (peerGuard.ts); a fresh one per connection when absent. */
  limiterFor?: (pc: object) => PeerRateLimiter | undefined
  /** Caps on incoming side channels (file transfers), per peer and in total; the page's own by default. */
  sideSlots?: SideChannelSlots
  /**
   * A filter for one document channel's messages within budget, made when the channel is (so it can
   * keep per-link state): returns the message to deliver (possibly rewritten) or undefined to take it
   * away from y-webrtc (an Asiste link message, presence written for another client).
   */
  inbound?: (pc: object) => ((message: Uint8Array) => Uint8Array | undefined) | undefined
}

/** A gate for one document channel: ignores a flooding peer for a while, and messages `limits.accept` refuses. */
function rateGate(limits: ChannelLimits, pc: object): InboundGate {
  const budget = limits.budget ?? PEER_UPDATE_BUDGET
  const now = limits.now ?? (() => performance.now())
  const own = new PeerRateLimiter(budget, now())
  let peers: PeerRateLimiter | undefined
  const inbound = limits.inbound?.(pc)
  return (message) => {
    // Looked up per message: the peer behind `pc` is known only once y-webrtc has registered the link.
    peers ??= limits.limiterFor?.(pc)
    const limiter = peers ?? own
    const admission = limiter.admit(message.byteLength, now())
    if (admission === 'throttle') limits.onThrottle?.(limiter.penaltyUntil)
    if (admission !== 'deliver') return false
    const delivered = inbound ? inbound(message) : message
    if (!delivered || !(limits.accept?.(delivered) ?? true)) return false
    return delivered === message ? true : delivered
  }
}

/** How long a refused side channel may stay open for its `busy` answer to leave. */
const REFUSED_CLOSE_MS = 5_000

/** Answers a side channel over the caps with `busy` (fileChannel.ts) and closes it once that has left: the app never sees it. */
function refuseBusy(channel: ChunkedChannel): void {
  const refuse = (): void => {
    // close() right after send() can lose the answer in Chromium: close once the send buffer is empty.
    channel.bufferedAmountLowThreshold = 0
    channel.addEventListener('bufferedamountlow', () => channel.close())
    channel.send(JSON.stringify({ t: 'busy' }))
    setTimeout(() => channel.close(), REFUSED_CLOSE_MS) // a peer that stops reading keeps no channel open

  }
  if (channel.readyState === 'open') refuse()
  else channel.addEventListener('open', refuse)
}

/**
 * Returns a `peerOpts.wrtc` whose data channels carry messages of any size; `base` defaults to the
 * browser's WebRTC. Document channels are rate-limited per peer by `limits` (PEER_UPDATE_BUDGET by default).
 */
export function makeChunkingWrtc(base: WrtcImplementation = browserWrtc(), limits: ChannelLimits = {}): WrtcImplementation {
  const wrap = (raw: RTCDataChannel, side: boolean, pc: RTCPeerConnection, refused = false): ChunkedChannel => {
    // Read at each send: the remote's max-message-size is known only once its description is applied.
    const maxRaw = (): number => remoteMaxMessageBytes(pc)
    if (!side) return new ChunkedChannel(raw, rateGate(limits, pc), maxRaw)
    return new ChunkedChannel(raw, refused ? () => false : undefined, maxRaw, MAX_SIDE_MESSAGE_BYTES)
  }
  class ChunkingPeerConnection extends base.RTCPeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration)
      // Registered before anyone else can listen, so it runs first: it hides
      // the raw channel and re-dispatches the event with the wrapped one, which
      // reaches `ondatachannel` and every addEventListener('datachannel') alike.
      this.addEventListener('datachannel', (event) => {
        if (event.channel instanceof ChunkedChannel) return
        event.stopImmediatePropagation()
        // Side channels (file transfer) must not reach simple-peer, which would take them for its own.
        const side = event.channel.label.startsWith(SIDE_CHANNEL_PREFIX)
        // Refused here, before an offer is read: past the caps a peer's channels cannot make us buffer more.
        const refused = side && !(limits.sideSlots ?? pageSideChannelSlots).take(this, event.channel)
        const channel = wrap(event.channel, side, this, refused)
        if (refused) return refuseBusy(channel)
        const wrapped = Object.defineProperty(new Event(side ? SIDE_CHANNEL_EVENT : 'datachannel'), 'channel', {
          value: channel,
          enumerable: true,
        })
        this.dispatchEvent(wrapped)
      })
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      if (init?.ordered === false || init?.maxRetransmits != null || init?.maxPacketLifeTime != null) {
        throw new TypeError('chunked data channels must be ordered and reliable')
      }
      return asDataChannel(wrap(super.createDataChannel(label, init), label.startsWith(SIDE_CHANNEL_PREFIX), this))
    }
  }
  return {
    RTCPeerConnection: ChunkingPeerConnection,
    RTCSessionDescription: base.RTCSessionDescription,
    RTCIceCandidate: base.RTCIceCandidate,
  }
}

/** The largest message the remote accepts (its SCTP max-message-size; Infinity means no limit), or MAX_RAW_BYTES when unknown. */
function remoteMaxMessageBytes(pc: RTCPeerConnection): number {
  const limit = (pc as { sctp?: { maxMessageSize?: unknown } | null }).sctp?.maxMessageSize
  return typeof limit === 'number' && limit > 0 ? Math.min(limit, MAX_RAW_BYTES) : MAX_RAW_BYTES
}

/**
 * ChunkedChannel mirrors the members simple-peer touches, not the whole DOM
 * type (its error event carries an Error, not an RTCError), hence the bridge.
 */
function asDataChannel(channel: ChunkedChannel): RTCDataChannel {
  return channel as unknown as RTCDataChannel
}

function browserWrtc(): WrtcImplementation {
  if (typeof globalThis.RTCPeerConnection !== 'function') {
    throw new Error('No WebRTC in this environment: pass makeChunkingWrtc a base implementation')
  }
  return {
    RTCPeerConnection: globalThis.RTCPeerConnection,
    RTCSessionDescription: globalThis.RTCSessionDescription,
    RTCIceCandidate: globalThis.RTCIceCandidate,
  }
}
