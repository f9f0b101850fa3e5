/**
 * The `wrtc` implementation handed to simple-peer through y-webrtc's
 * `peerOpts.wrtc`, so Yjs messages of any size cross a data channel whose
 * max-message-size is 256 KiB (DESIGN.md §2). Its RTCPeerConnection behaves
 * exactly like the base one except that every data channel, created or
 * received, is a ChunkedChannel.
 *
 * BOTH PEERS MUST USE IT: the framing is a wire format, and a peer without the
 * wrapper sees one-byte headers and split messages (the wrapper closes the
 * channel on frames it cannot parse). Every Asiste peer installs it; do not
 * connect Asiste to stock y-webrtc clients.
 */
import { ChunkedChannel } from './chunkedChannel'

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

/** Returns a `peerOpts.wrtc` whose data channels carry messages of any size; `base` defaults to the browser's WebRTC. */
export function makeChunkingWrtc(base: WrtcImplementation = browserWrtc()): WrtcImplementation {
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
        const wrapped = Object.defineProperty(new Event(side ? SIDE_CHANNEL_EVENT : 'datachannel'), 'channel', {
          value: new ChunkedChannel(event.channel),
          enumerable: true,
        })
        this.dispatchEvent(wrapped)
      })
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      if (init?.ordered === false || init?.maxRetransmits != null || init?.maxPacketLifeTime != null) {
        throw new TypeError('chunked data channels must be ordered and reliable')
      }
      return asDataChannel(new ChunkedChannel(super.createDataChannel(label, init)))
    }
  }
  return {
    RTCPeerConnection: ChunkingPeerConnection,
    RTCSessionDescription: base.RTCSessionDescription,
    RTCIceCandidate: base.RTCIceCandidate,
  }
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
