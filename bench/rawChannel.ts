/**
 * The physical limit the latency rows compare against: one-way latency of a
 * raw RTCDataChannel between two fresh contexts of the same browser, SDP
 * exchanged through Node, pings sent one at a time (each echoed before the
 * next), one-way = receiver's clock − sender's timestamp (both pages' clocks
 * come from one browser on one machine).
 */
import type { Harness } from './browser'

const RAW_PINGS = 200
const RAW_WARMUP = 20 // untimed first pings: SCTP warm-up and JIT

/** Raw RTCDataChannel one-way latency between two fresh contexts, pinged one message at a time. */
export async function rawDataChannel(harness: Harness): Promise<{ oneWay: number[]; halfRtt: number[] }> {
  const [a, b] = [await harness.newPerson(), await harness.newPerson()]
  // A real page of the app's origin (a secure context on loopback), so both ends run where the app runs.
  await Promise.all([a.page.goto('/config.json'), b.page.goto('/config.json')])
  const offer = await a.page.evaluate(async () => {
    const pc = new RTCPeerConnection()
    const channel = pc.createDataChannel('bench', { ordered: true })
    Object.assign(window, { benchPc: pc, benchChannel: channel })
    await pc.setLocalDescription(await pc.createOffer())
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') resolve()
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve())
    })
    return pc.localDescription!.toJSON() as RTCSessionDescriptionInit
  })
  const answer = await b.page.evaluate(async (remote) => {
    const pc = new RTCPeerConnection()
    const received: number[] = []
    Object.assign(window, { benchPc: pc, benchReceived: received })
    pc.addEventListener('datachannel', ({ channel }) => {
      channel.addEventListener('message', (event: MessageEvent<string>) => {
        const now = performance.timeOrigin + performance.now()
        received.push(now - Number(event.data.split(' ')[1]))
        channel.send(event.data) // echo: the sender waits for it before the next ping
      })
    })
    await pc.setRemoteDescription(remote)
    await pc.setLocalDescription(await pc.createAnswer())
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') resolve()
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve())
    })
    return pc.localDescription!.toJSON() as RTCSessionDescriptionInit
  }, offer)
  const halfRtt = await a.page.evaluate(
    async ([remote, pings]) => {
      const { benchPc: pc, benchChannel: channel } = window as unknown as { benchPc: RTCPeerConnection; benchChannel: RTCDataChannel }
      await pc.setRemoteDescription(remote)
      if (channel.readyState !== 'open') await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
      const halves: number[] = []
      for (let i = 0; i < pings; i++) {
        const sentAt = performance.timeOrigin + performance.now()
        const echoed = new Promise((resolve) => channel.addEventListener('message', resolve, { once: true }))
        channel.send(`${i} ${sentAt}`)
        await echoed
        halves.push((performance.timeOrigin + performance.now() - sentAt) / 2)
      }
      return halves
    },
    [answer, RAW_PINGS + RAW_WARMUP] as const,
  )
  const oneWay = await b.page.evaluate(() => (window as unknown as { benchReceived: number[] }).benchReceived)
  await Promise.all([a.context.close(), b.context.close()])
  return { oneWay: oneWay.slice(RAW_WARMUP), halfRtt: halfRtt.slice(RAW_WARMUP) }
}

