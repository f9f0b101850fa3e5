/**
 * Memory a rep's page holds when a hostile peer opens 10 file channels at
 * once and streams never-ending file messages into each (issue 18 measured
 * 250 MiB held by 4 channels, with no cap on how many). In-memory WebRTC
 * fakes (tests/net/fakeWebrtc.ts) carry the frames to a real chunking
 * `wrtc`; the figure is the growth of Node's ArrayBuffer memory after a
 * garbage collection (run with NODE_OPTIONS=--expose-gc for a clean figure).
 */
import type { BenchResult } from './benchResult'
import { makeChunkingWrtc, SIDE_CHANNEL_PREFIX, type WrtcImplementation } from '../src/net/chunkingWrtc'
import { FRAME_MESSAGE_TYPE, FrameFlag, MAX_FRAME_BYTES } from '../src/net/wireFrames'
import { MAX_SIDE_MESSAGE_BYTES, SideChannelSlots } from '../src/net/sideChannelSlots'
import { FakePeerConnection, fakeWrtc, type FakeDataChannel } from '../tests/net/fakeWebrtc'

const OFFERS = 10 // what the budget names
const BYTES_PER_CHANNEL = 64 * 1024 * 1024 // the old per-message cap each channel could be made to buffer

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

function arrayBufferBytes(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().arrayBuffers
}

export async function run(): Promise<BenchResult[]> {
  const rep = new (makeChunkingWrtc(fakeWrtc() as unknown as WrtcImplementation, { sideSlots: new SideChannelSlots() }).RTCPeerConnection)()
  const hostile = new FakePeerConnection()
  hostile.createDataChannel('sync')
  await hostile.setLocalDescription(await hostile.createOffer())
  await rep.setRemoteDescription(hostile.localDescription as RTCSessionDescriptionInit)
  await rep.setLocalDescription(await rep.createAnswer())
  await hostile.setRemoteDescription(rep.localDescription as unknown as { type: 'answer'; sdp: string })
  await settle()
  const before = arrayBufferBytes()
  const frame = new Uint8Array(MAX_FRAME_BYTES)
  frame[0] = FRAME_MESSAGE_TYPE
  frame[1] = FrameFlag.more // never the last frame: the receiver must keep reassembling
  let sent = 0
  const channels: FakeDataChannel[] = []
  for (let i = 0; i < OFFERS; i++) channels.push(hostile.createDataChannel(`${SIDE_CHANNEL_PREFIX}flood${i}`))
  await settle()
  for (let offset = 0; offset < BYTES_PER_CHANNEL; offset += MAX_FRAME_BYTES) {
    const open = channels.filter((channel) => channel.readyState === 'open')
    if (open.length === 0) break
    for (const channel of open) {
      channel.send(frame.slice())
      sent += frame.byteLength
    }
    await settle()
  }
  await settle()
  const held = arrayBufferBytes() - before
  return [
    {
      name: 'memory held with 10 hostile file offers',
      unit: 'MiB',
      value: held / 1024 / 1024,
      values: { offers: OFFERS, sentMiB: sent / 1024 / 1024, boundMiB: (new SideChannelSlots().perPeer * MAX_SIDE_MESSAGE_BYTES) / 1024 / 1024 },
      baseline: { name: 'before (4 channels, measured in the issue)', value: 250 },
      ratio: held / 1024 / 1024 / 250,
      note: 'bound = channels admitted per peer × largest message a file channel reassembles',
    },
  ]
}
