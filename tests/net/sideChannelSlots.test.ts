import { describe, expect, it } from 'vitest'
import { ChunkedChannel } from '../../src/net/chunkedChannel'
import { SIDE_CHANNEL_EVENT, SIDE_CHANNEL_PREFIX, makeChunkingWrtc, type WrtcImplementation } from '../../src/net/chunkingWrtc'
import { sendFile } from '../../src/net/fileSender'
import { MAX_SIDE_MESSAGE_BYTES, SideChannelSlots } from '../../src/net/sideChannelSlots'
import type { FailReason, TransferPhase } from '../../src/net/fileChannel'
import { fakeWrtc } from './fakeWebrtc'

const fakeBase = fakeWrtc() as unknown as WrtcImplementation

/** A connected pair: `hostile` opens channels to `rep`, whose page has `slots`. */
async function link(slots: SideChannelSlots): Promise<{ hostile: RTCPeerConnection; rep: RTCPeerConnection; heard: ChunkedChannel[] }> {
  const hostile = new (makeChunkingWrtc(fakeBase).RTCPeerConnection)()
  const rep = new (makeChunkingWrtc(fakeBase, { sideSlots: slots }).RTCPeerConnection)()
  const heard: ChunkedChannel[] = []
  rep.addEventListener(SIDE_CHANNEL_EVENT, (event) => heard.push((event as Event & { channel: ChunkedChannel }).channel))
  hostile.createDataChannel('sync')
  await hostile.setLocalDescription(await hostile.createOffer())
  await rep.setRemoteDescription(hostile.localDescription!)
  await rep.setLocalDescription(await rep.createAnswer())
  await hostile.setRemoteDescription(rep.localDescription!)
  return { hostile, rep, heard }
}

/** Offers a small file over a new side channel; resolves with how the sender ended. */
function offer(from: RTCPeerConnection, id: string): Promise<[TransferPhase, FailReason | undefined]> {
  const channel = from.createDataChannel(`${SIDE_CHANNEL_PREFIX}${id}`) as unknown as ChunkedChannel
  return new Promise((resolve) => {
    sendFile(channel, { id, name: `${id}.bin`, size: 4, mime: '' }, new Blob([new Uint8Array(4)]), {
      progress: () => undefined,
      phase: (phase, reason) => {
        if (phase === 'failed' || phase === 'declined' || phase === 'done') resolve([phase, reason])
      },
    })
  })
}

describe('incoming file channels are bounded', () => {
  it('a peer opening ten transfers at once gets four through; the rest are told "busy" before any offer is read', async () => {
    const { hostile, heard } = await link(new SideChannelSlots(4, 16))
    const ended = Array.from({ length: 10 }, (_, i) => offer(hostile, `f${i}`))
    const refused = await Promise.all(ended.slice(4))
    expect(heard).toHaveLength(4)
    expect(refused.every(([phase, reason]) => phase === 'failed' && reason === 'busy')).toBe(true)
  })

  it('the page-wide cap holds across peers', async () => {
    const slots = new SideChannelSlots(4, 6)
    const first = await link(slots)
    const second = await link(slots)
    for (let i = 0; i < 4; i++) void offer(first.hostile, `a${i}`)
    const busy: string[] = []
    for (let i = 0; i < 4; i++) void offer(second.hostile, `b${i}`).then(([, reason]) => busy.push(reason ?? ''))
    await expect.poll(() => busy).toEqual(['busy', 'busy'])
    expect(first.heard.length + second.heard.length).toBe(6)
  })

  it('a closed transfer frees its slot', async () => {
    const { hostile, heard } = await link(new SideChannelSlots(1, 16))
    void offer(hostile, 'one')
    await expect.poll(() => heard.length).toBe(1)
    heard[0]?.close()
    void offer(hostile, 'two')
    await expect.poll(() => heard.length).toBe(2)
  })

  it('a file channel refuses to buffer a message over its cap (was 64 MiB per channel)', async () => {
    const { hostile, heard } = await link(new SideChannelSlots(4, 16))
    const channel = hostile.createDataChannel(`${SIDE_CHANNEL_PREFIX}big`) as unknown as ChunkedChannel
    await expect.poll(() => heard.length).toBe(1)
    const errors: unknown[] = []
    heard[0]?.addEventListener('error', (event) => errors.push(event))
    await new Promise<void>((resolve) => (channel.readyState === 'open' ? resolve() : channel.addEventListener('open', () => resolve())))
    channel.send(new Uint8Array(MAX_SIDE_MESSAGE_BYTES + 1))
    await expect.poll(() => errors.length).toBe(1)
  })
})
