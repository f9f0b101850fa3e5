/**
 * Just enough of the WebRTC API for simple-peer (inside y-webrtc) to create and exchange an offer in Node.
 * No media or data flows; the point is to drive y-webrtc's real signaling code through the relay.
 */

/** A session description as simple-peer passes it around. */
export interface Description {
  type: string
  sdp: string
}

/** The SDP every fake peer connection offers. */
export const FAKE_OFFER_SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=asiste-test-offer\r\n'

/** Builds a `wrtc` object for simple-peer; `onRemoteDescription` sees every description a peer is given. */
export function makeFakeWrtc(onRemoteDescription: (description: Description) => void): object {
  class RTCSessionDescription implements Description {
    type: string
    sdp: string
    constructor(init: Description) {
      this.type = init.type
      this.sdp = init.sdp
    }
  }
  class RTCIceCandidate {
    constructor(readonly init: unknown) {}
  }
  class RTCPeerConnection {
    localDescription: Description | null = null
    remoteDescription: Description | null = null
    signalingState = 'stable'
    iceConnectionState = 'new'
    iceGatheringState = 'new'
    connectionState = 'new'
    createDataChannel(label: string) {
      return { label, readyState: 'connecting', bufferedAmount: 0, binaryType: 'blob', send() {}, close() {} }
    }
    createOffer(): Promise<Description> {
      return Promise.resolve({ type: 'offer', sdp: FAKE_OFFER_SDP })
    }
    createAnswer(): Promise<Description> {
      return Promise.resolve({ type: 'answer', sdp: FAKE_OFFER_SDP })
    }
    setLocalDescription(description: Description): Promise<void> {
      this.localDescription = description
      return Promise.resolve()
    }
    setRemoteDescription(description: Description): Promise<void> {
      this.remoteDescription = description
      onRemoteDescription(description)
      return Promise.resolve()
    }
    addIceCandidate(): Promise<void> {
      return Promise.resolve()
    }
    close() {}
  }
  return { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate }
}
