// The peer y-webrtc drives in the browser build (src/net/linkPeer.ts, in place of simple-peer): it must
// speak simple-peer's signals, so a stock y-webrtc peer connects to it either way round, and behave as
// y-webrtc and Asiste's guards expect of simple-peer (events, `connected`, `_pc`, destroy order).
import { describe, expect, it, vi } from 'vitest'
import LinkPeer, { type PeerSignal } from '../../src/net/linkPeer'
import { makeChunkingWrtc, type WrtcImplementation } from '../../src/net/chunkingWrtc'
import { FakeDataChannel, FakePeerConnection, fakeWrtc, SimplePeerClass, type SimplePeer } from './fakeWebrtc'

type AnyPeer = LinkPeer | SimplePeer

/** Relays every signal of each peer to the other, as y-webrtc's signaling would (through JSON, as on the wire). */
function wire(a: AnyPeer, b: AnyPeer, seen: { from: 'a' | 'b'; signal: PeerSignal }[] = []): void {
  a.on('signal', (signal: PeerSignal) => {
    seen.push({ from: 'a', signal })
    b.signal(JSON.parse(JSON.stringify(signal)))
  })
  b.on('signal', (signal: PeerSignal) => {
    seen.push({ from: 'b', signal })
    a.signal(JSON.parse(JSON.stringify(signal)))
  })
}

function nextEvent<T = unknown>(peer: AnyPeer, name: string): Promise<T> {
  return new Promise((resolve) => peer.once(name, (value: T) => resolve(value)))
}

const wrtc = fakeWrtc() as unknown as WrtcImplementation

describe('LinkPeer', () => {
  it('connects to a stock simple-peer either way round and carries bytes both ways', async () => {
    for (const linkStarts of [true, false]) {
      const link = new LinkPeer({ initiator: linkStarts, wrtc })
      const stock = new SimplePeerClass({ initiator: !linkStarts, wrtc })
      const seen: { from: 'a' | 'b'; signal: PeerSignal }[] = []
      wire(link, stock, seen)
      await Promise.all([nextEvent(link, 'connect'), nextEvent(stock, 'connect')])
      expect(link.connected).toBe(true)
      // Only the initiator offers; the answer comes back in simple-peer's shape.
      const offers = seen.filter(({ signal }) => signal.type === 'offer')
      expect(offers.map(({ from }) => from)).toEqual([linkStarts ? 'a' : 'b'])
      expect(seen.find(({ signal }) => signal.type === 'answer')?.signal).toEqual({ type: 'answer', sdp: expect.any(String) })
      const atStock = nextEvent<Uint8Array>(stock, 'data')
      link.send(new Uint8Array([1, 2, 3]))
      expect([...(await atStock)]).toEqual([1, 2, 3])
      const atLink = nextEvent<Uint8Array>(link, 'data')
      stock.send(new Uint8Array([4, 5]))
      const received = await atLink
      expect(received).toBeInstanceOf(Uint8Array)
      expect([...received]).toEqual([4, 5])
      link.destroy()
      stock.destroy()
    }
  })

  it('works over the chunking wrtc the app hands y-webrtc (messages over the 256 KiB cap arrive whole)', async () => {
    const chunking = makeChunkingWrtc(wrtc)
    const a = new LinkPeer({ initiator: true, wrtc: chunking })
    const b = new LinkPeer({ wrtc: chunking })
    wire(a, b)
    await Promise.all([nextEvent(a, 'connect'), nextEvent(b, 'connect')])
    const big = new Uint8Array(600_000).map((_, index) => index % 251)
    const arrived = nextEvent<Uint8Array>(b, 'data')
    a.send(big)
    const got = await arrived
    expect(got.byteLength).toBe(big.byteLength)
    expect(got[599_999]).toBe(big[599_999])
  })

  it('holds candidates that arrive before the description and adds them after it', async () => {
    const added: unknown[] = []
    class Recording extends FakePeerConnection {
      override async addIceCandidate(candidate?: RTCIceCandidateInit): Promise<void> {
        expect(this.remoteDescription).not.toBeNull()
        added.push(candidate)
      }
    }
    const answerer = new LinkPeer({ wrtc: { RTCPeerConnection: Recording as unknown as typeof RTCPeerConnection } })
    const offerer = new LinkPeer({ initiator: true, wrtc })
    const candidate = { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMLineIndex: 0, sdpMid: '0' }
    answerer.signal({ type: 'candidate', candidate })
    expect(added).toEqual([])
    const offer = await nextEvent<PeerSignal>(offerer, 'signal')
    const answer = nextEvent<PeerSignal>(answerer, 'signal')
    answerer.signal(JSON.stringify(offer)) // a JSON string is read too, as simple-peer reads it
    expect((await answer).type).toBe('answer')
    expect(added).toEqual([candidate])
  })

  it('emits each local candidate in simple-peer\'s shape', () => {
    const peer = new LinkPeer({ initiator: true, wrtc })
    const signals: PeerSignal[] = []
    peer.on('signal', (signal: PeerSignal) => signals.push(signal))
    const pc = peer._pc as unknown as FakePeerConnection
    const candidate = { candidate: 'candidate:2 1 udp 2 127.0.0.1 10 typ host', sdpMLineIndex: 0, sdpMid: '0', usernameFragment: 'x' }
    pc.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate }))
    pc.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: null })) // end of candidates: nothing to send
    expect(signals).toEqual([{ type: 'candidate', candidate: { candidate: candidate.candidate, sdpMLineIndex: 0, sdpMid: '0' } }])
  })

  it('runs a listener added with prependListener before earlier ones (the peer guard sees each message first)', async () => {
    const a = new LinkPeer({ initiator: true, wrtc })
    const b = new LinkPeer({ wrtc })
    wire(a, b)
    await nextEvent(b, 'connect')
    const order: string[] = []
    b.on('data', () => order.push('y-webrtc'))
    b.prependListener('data', () => order.push('guard'))
    const arrived = nextEvent(b, 'data')
    a.send(new Uint8Array([9]))
    await arrived
    expect(order).toEqual(['guard', 'y-webrtc'])
  })

  it('asks the initiator to renegotiate when the other side adds media, and the initiator offers again', async () => {
    const added: string[] = []
    class WithMedia extends FakePeerConnection {
      addTrack(track: { kind: string }): object {
        added.push(track.kind)
        return { track }
      }
      getTransceivers(): [] {
        return []
      }
    }
    const media = { RTCPeerConnection: WithMedia as unknown as typeof RTCPeerConnection }
    const initiator = new LinkPeer({ initiator: true, wrtc: media })
    const other = new LinkPeer({ wrtc: media })
    const seen: { from: 'a' | 'b'; signal: PeerSignal }[] = []
    wire(initiator, other, seen)
    await Promise.all([nextEvent(initiator, 'connect'), nextEvent(other, 'connect')])
    expect(seen.filter(({ signal }) => signal.renegotiate)).toEqual([]) // the first negotiation is the initiator's alone
    const track = { kind: 'video' }
    const stream = { id: 's1', getTracks: () => [track] } as unknown as MediaStream
    const offeredAgain = new Promise<void>((resolve) => initiator.on('signal', (signal: PeerSignal) => signal.type === 'offer' && resolve()))
    other.addStream(stream)
    await offeredAgain
    expect(added).toEqual(['video'])
    expect(seen.filter(({ signal }) => signal.renegotiate)).toEqual([{ from: 'b', signal: { type: 'renegotiate', renegotiate: true } }])
    expect(() => other.addTrack(track as unknown as MediaStreamTrack, stream)).toThrow(/already been added/)
  })

  it('reports a remote stream once however many tracks it brings, and keeps it for late listeners', async () => {
    const peer = new LinkPeer({ wrtc })
    const pc = peer._pc as unknown as FakePeerConnection
    const stream = { id: 'screen' }
    const streams: unknown[] = []
    peer.on('stream', (value: unknown) => streams.push(value))
    pc.dispatchEvent(Object.assign(new Event('track'), { track: { kind: 'video' }, streams: [stream] }))
    pc.dispatchEvent(Object.assign(new Event('track'), { track: { kind: 'audio' }, streams: [stream] }))
    await Promise.resolve()
    expect(streams).toEqual([stream])
    expect(peer._remoteStreams).toEqual([stream])
  })

  it('destroys on a bad signal: error, then close, once, after the current task; it then refuses to send', async () => {
    const peer = new LinkPeer({ initiator: true, wrtc })
    const events: string[] = []
    peer.on('error', (error: Error & { code?: string }) => events.push(`error ${error.code}`))
    peer.on('close', () => events.push('close'))
    peer.signal({ nonsense: true })
    peer.destroy() // a second call is a no-op
    expect(events).toEqual([])
    expect(peer.destroying).toBe(true)
    await Promise.resolve()
    expect(events).toEqual(['error ERR_SIGNALING', 'close'])
    expect(peer._pc).toBeNull()
    expect(peer.connected).toBe(false)
    expect(() => peer.send('late')).toThrow(/destroyed/)
    expect(() => peer.signal({ type: 'offer', sdp: 'x' })).toThrow(/destroyed/)
  })

  it('closes when the remote closes the data channel', async () => {
    const a = new LinkPeer({ initiator: true, wrtc })
    const b = new SimplePeerClass({ wrtc })
    wire(a, b)
    await nextEvent(a, 'connect')
    const closed = nextEvent(a, 'close')
    b.destroy()
    await closed
    expect(a.destroyed).toBe(true)
  })
})

describe('LinkPeer against a hostile remote', () => {
  it('hands y-webrtc bytes even when the remote sends text (simple-peer does too)', async () => {
    const a = new LinkPeer({ initiator: true, wrtc })
    const b = new LinkPeer({ wrtc })
    wire(a, b)
    await Promise.all([nextEvent(a, 'connect'), nextEvent(b, 'connect')])
    const arrived = nextEvent<unknown>(b, 'data')
    ;(a._channel as RTCDataChannel).send('\x03')
    const got = await arrived
    expect(got).toBeInstanceOf(Uint8Array)
    expect([...(got as Uint8Array)]).toEqual([3])
  })

  it('closes a second document channel the remote opens instead of taking it for its own', async () => {
    const a = new LinkPeer({ initiator: true, wrtc })
    const b = new LinkPeer({ wrtc })
    wire(a, b)
    await Promise.all([nextEvent(a, 'connect'), nextEvent(b, 'connect')])
    const first = b._channel
    const bPc = b._pc as unknown as FakePeerConnection
    const closeCalls = vi.spyOn(FakeDataChannel.prototype, 'close')
    const extra = (a._pc as unknown as FakePeerConnection).createDataChannel('another')
    const theirs = bPc.rawChannels.find((channel) => channel.label === 'another')!
    expect(closeCalls.mock.contexts).toContain(theirs)
    closeCalls.mockRestore()
    expect(b._channel).toBe(first)
    const received: number[][] = []
    b.on('data', (data: Uint8Array) => received.push([...data]))
    await vi.waitFor(() => expect(extra.readyState).toBe('open'))
    extra.send(new Uint8Array([6])) // what comes over the refused channel never reaches y-webrtc
    a.send(new Uint8Array([7]))
    await vi.waitFor(() => expect(received).toEqual([[7]]))
  })
})
