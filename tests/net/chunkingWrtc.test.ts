import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ChunkedChannel, MAX_FRAME_BYTES } from '../../src/net/chunkedChannel'
import { makeChunkingWrtc, type WrtcImplementation } from '../../src/net/chunkingWrtc'
import { FakePeerConnection, SimplePeerClass, fakeWrtc, type SimplePeer } from './fakeWebrtc'

const Peer = SimplePeerClass

// The fakes cover what simple-peer touches, not the whole DOM types.
const fakeBase = fakeWrtc() as unknown as WrtcImplementation

const peers: SimplePeer[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy()
})

/** Two simple-peer instances over the in-memory fakes, resolved once both report `connect`. */
async function connectedPeers(wrtc: unknown, wrtcB: unknown = wrtc): Promise<[SimplePeer, SimplePeer]> {
  const a = new Peer({ initiator: true, wrtc })
  const b = new Peer({ wrtc: wrtcB })
  peers.push(a, b)
  a.on('signal', (signal) => b.signal(signal))
  b.on('signal', (signal) => a.signal(signal))
  await Promise.all([once(a, 'connect'), once(b, 'connect')])
  return [a, b]
}

function bigDoc(): Y.Doc {
  const doc = new Y.Doc()
  const entries = doc.getMap<string>('entries')
  doc.transact(() => {
    for (let i = 0; i < 10_001; i++) entries.set(`entry-${String(i).padStart(6, '0')}`, `message ${i} `.repeat(8))
  })
  return doc
}

/** A y-protocols sync payload: varint length, then the bytes. */
function encodeLength(bytes: Uint8Array): Uint8Array {
  const length: number[] = []
  let n = bytes.byteLength
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  length.push(n)
  return Uint8Array.of(...length, ...bytes)
}

describe('makeChunkingWrtc', () => {
  it('gives created and received data channels as ChunkedChannels, to handlers and listeners alike', async () => {
    const { RTCPeerConnection } = makeChunkingWrtc(fakeBase)
    const offerer = new RTCPeerConnection()
    const answerer = new RTCPeerConnection()
    expect(offerer).toBeInstanceOf(FakePeerConnection)
    const created = offerer.createDataChannel('sync')
    const seen: unknown[] = []
    answerer.ondatachannel = (event) => seen.push(event.channel)
    answerer.addEventListener('datachannel', (event) => seen.push(event.channel))
    await offerer.setLocalDescription(await offerer.createOffer())
    await answerer.setRemoteDescription(offerer.localDescription!)
    await answerer.setLocalDescription(await answerer.createAnswer())
    await offerer.setRemoteDescription(answerer.localDescription!)
    expect(created).toBeInstanceOf(ChunkedChannel)
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBeInstanceOf(ChunkedChannel)
    expect(seen[1]).toBe(seen[0])
  })

  it("frames smaller messages for a remote whose max-message-size is below 256 KiB", async () => {
    const { RTCPeerConnection } = makeChunkingWrtc(fakeBase)
    const offerer = new RTCPeerConnection()
    const answerer = new RTCPeerConnection()
    Object.defineProperty(offerer, 'sctp', { value: { maxMessageSize: 65_536 } })
    const channel = offerer.createDataChannel('sync')
    const opened = new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
    const bothArrived = new Promise<void>((resolve) => {
      answerer.addEventListener('datachannel', ({ channel: received }) => {
        let count = 0
        received.addEventListener('message', () => ++count === 2 && resolve())
      })
    })
    await offerer.setLocalDescription(await offerer.createOffer())
    await answerer.setRemoteDescription(offerer.localDescription!)
    await answerer.setLocalDescription(await answerer.createAnswer())
    await offerer.setRemoteDescription(answerer.localDescription!)
    await opened
    channel.send(new Uint8Array(100 * 1024).fill(7))
    channel.send(new Uint8Array(60 * 1024).fill(7))
    await bothArrived
    const raw = (offerer as unknown as FakePeerConnection).rawChannels[0]
    const payload = MAX_FRAME_BYTES - 2
    const frames = Math.ceil((100 * 1024) / payload)
    expect(raw?.sentSizes).toEqual([...Array<number>(frames - 1).fill(MAX_FRAME_BYTES), 100 * 1024 - (frames - 1) * payload + 2, 60 * 1024])
  })

  it('refuses an unordered or unreliable channel, which framing cannot survive', () => {
    const pc = new (makeChunkingWrtc(fakeBase).RTCPeerConnection)()
    expect(() => pc.createDataChannel('x', { ordered: false })).toThrow(TypeError)
    expect(() => pc.createDataChannel('x', { maxRetransmits: 0 })).toThrow(TypeError)
  })

  it('runs each document channel through its own inbound filter: messages it takes away never reach simple-peer, rewritten ones arrive rewritten', async () => {
    const made: object[] = []
    const seen: number[][] = []
    const inbound = (pc: object) => {
      made.push(pc)
      return (message: Uint8Array): Uint8Array | undefined => {
        seen.push([...message])
        if (message[0] === 66) return undefined // a link message: for the page, not for y-webrtc
        return message[0] === 1 ? Uint8Array.of(1, 0) : message
      }
    }
    const [a, b] = await connectedPeers(makeChunkingWrtc(fakeBase, { inbound }))
    expect(made).toHaveLength(2) // one filter per channel (per link end)
    const atB = once(b, 'data')
    a.send(Uint8Array.of(66, 1, 2))
    a.send(Uint8Array.of(1, 9, 9, 9))
    const [first] = (await atB) as [Buffer]
    expect([...first]).toEqual([1, 0])
    expect(seen).toEqual([[66, 1, 2], [1, 9, 9, 9]])
  })

  it('lets simple-peer carry a 1 MB message both ways', async () => {
    const [a, b] = await connectedPeers(makeChunkingWrtc(fakeBase))
    const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 31) & 0xff)
    const atB = once(b, 'data')
    a.send(big)
    const [fromA] = (await atB) as [Buffer]
    expect(Buffer.compare(fromA, big)).toBe(0)
    const atA = once(a, 'data')
    b.send(big.subarray(1))
    const [fromB] = (await atA) as [Buffer]
    expect(Buffer.compare(fromB, big.subarray(1))).toBe(0)
  })

  it('syncs a document over 1 MB to a late peer through simple-peer', async () => {
    const [a, b] = await connectedPeers(makeChunkingWrtc(fakeBase))
    const source = bigDoc()
    const update = Y.encodeStateAsUpdate(source)
    expect(update.byteLength).toBeGreaterThan(1_000_000)
    const late = new Y.Doc()
    const arrived = once(b, 'data')
    a.send(update)
    const [data] = (await arrived) as [Buffer]
    Y.applyUpdate(late, data)
    expect(late.getMap('entries').size).toBe(10_001)
    expect(late.getMap('entries').toJSON()).toEqual(source.getMap('entries').toJSON())
  })

  it('talks to a stock peer: small messages arrive byte-identical both ways, its empty answers are ignored', async () => {
    const [asiste, stock] = await connectedPeers(makeChunkingWrtc(fakeBase), fakeWrtc())
    const doc = new Y.Doc()
    doc.getMap('entries').set('a', 'hello')
    const syncStep2 = Uint8Array.of(0, 1, ...encodeLength(Y.encodeStateAsUpdate(doc)))
    const atStock = once(stock, 'data')
    asiste.send(syncStep2)
    const [fromAsiste] = (await atStock) as [Buffer]
    expect(Buffer.compare(fromAsiste, syncStep2)).toBe(0)
    const received: Buffer[] = []
    asiste.on('data', (data: Buffer) => received.push(data))
    let closed = false
    asiste.on('close', () => (closed = true))
    const next = once(asiste, 'data')
    stock.send(new Uint8Array(0)) // what stock y-webrtc answers to a frame it cannot read
    stock.send(Uint8Array.of(3))
    await next
    expect(received.map((data) => [...data])).toEqual([[3]])
    expect(closed).toBe(false)
  })

  it('sends a stock peer a message over 256 KiB only as frames of type 65, which y-webrtc does not read', async () => {
    const [asiste, stock] = await connectedPeers(makeChunkingWrtc(fakeBase), fakeWrtc())
    const frames: Buffer[] = []
    const all = new Promise<void>((resolve) => {
      stock.on('data', (data: Buffer) => {
        frames.push(data)
        if (frames.length === count) resolve()
      })
    })
    const count = Math.ceil((256 * 1024 + 1) / (MAX_FRAME_BYTES - 2))
    asiste.send(new Uint8Array(256 * 1024 + 1))
    await all
    expect(frames.map((frame) => frame[0])).toEqual(Array<number>(count).fill(65))
    expect(Math.max(...frames.map((frame) => frame.byteLength))).toBeLessThanOrEqual(MAX_FRAME_BYTES)
  })

  it('without the wrapper, simple-peer cannot send a 300 KiB message (the bug being fixed)', async () => {
    const [a] = await connectedPeers(fakeWrtc())
    expect(() => a.send(new Uint8Array(300 * 1024))).toThrow(TypeError)
  })
})
