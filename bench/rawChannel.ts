/**
 * The physical limits the transport rows compare against, measured on a raw
 * RTCDataChannel between two fresh contexts of the same browser, SDP
 * exchanged through Node:
 *
 * - latency: pings sent one at a time (each echoed before the next), one-way =
 *   receiver's clock − sender's timestamp (both pages' clocks come from one
 *   browser on one machine);
 * - transfer: the time a fresh connection takes to carry N bytes, sent the way
 *   Asiste's chunked channel sends them (64 KiB messages, at most a high-water
 *   mark of bytes buffered), until the receiver has them all.
 */
import type { Page } from '@playwright/test'
import type { Harness, Person } from './browser'

const RAW_PINGS = 200
const RAW_WARMUP = 20 // untimed first pings: SCTP warm-up and JIT

declare global {
  interface Window {
    benchPc?: RTCPeerConnection
    benchChannel?: RTCDataChannel
    /** Receiver side: called with each incoming message. */
    benchOnMessage?: (event: MessageEvent<ArrayBuffer | string>, channel: RTCDataChannel) => void
  }
}

/** Waits until `pc` gathered its candidates (no trickle: one SDP each way). */
async function gathered(page: Page): Promise<RTCSessionDescriptionInit> {
  return page.evaluate(async () => {
    const pc = window.benchPc!
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') resolve()
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve())
    })
    return pc.localDescription!.toJSON() as RTCSessionDescriptionInit
  })
}

/** Two fresh contexts joined by one ordered data channel (`a` opened it; `b` hands each message to `window.benchOnMessage`). */
async function rawPair(harness: Harness): Promise<{ a: Person; b: Person }> {
  const [a, b] = [await harness.newPerson(), await harness.newPerson()]
  // A real page of the app's origin (a secure context on loopback), so both ends run where the app runs.
  await Promise.all([a.page.goto('/config.json'), b.page.goto('/config.json')])
  await a.page.evaluate(async () => {
    const pc = new RTCPeerConnection()
    const channel = pc.createDataChannel('bench', { ordered: true })
    channel.binaryType = 'arraybuffer'
    Object.assign(window, { benchPc: pc, benchChannel: channel })
    await pc.setLocalDescription(await pc.createOffer())
  })
  const offer = await gathered(a.page)
  await b.page.evaluate(async (remote) => {
    const pc = new RTCPeerConnection()
    window.benchPc = pc
    pc.addEventListener('datachannel', ({ channel }) => {
      channel.binaryType = 'arraybuffer'
      window.benchChannel = channel
      channel.addEventListener('message', (event: MessageEvent<ArrayBuffer | string>) => window.benchOnMessage?.(event, channel))
    })
    await pc.setRemoteDescription(remote)
    await pc.setLocalDescription(await pc.createAnswer())
  }, offer)
  const answer = await gathered(b.page)
  await a.page.evaluate(async (remote) => {
    const channel = window.benchChannel!
    await window.benchPc!.setRemoteDescription(remote)
    if (channel.readyState !== 'open') await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
  }, answer)
  return { a, b }
}

/** Raw RTCDataChannel one-way latency between two fresh contexts, pinged one message at a time. */
export async function rawDataChannel(harness: Harness): Promise<{ oneWay: number[]; halfRtt: number[] }> {
  const { a, b } = await rawPair(harness)
  await b.page.evaluate(() => {
    const received: number[] = []
    Object.assign(window, { benchReceived: received })
    window.benchOnMessage = (event, channel) => {
      const now = performance.timeOrigin + performance.now()
      received.push(now - Number(String(event.data).split(' ')[1]))
      channel.send(event.data as string) // echo: the sender waits for it before the next ping
    }
  })
  const halfRtt = await a.page.evaluate(async (pings) => {
    const channel = window.benchChannel!
    const halves: number[] = []
    for (let i = 0; i < pings; i++) {
      const sentAt = performance.timeOrigin + performance.now()
      const echoed = new Promise((resolve) => channel.addEventListener('message', resolve, { once: true }))
      channel.send(`${i} ${sentAt}`)
      await echoed
      halves.push((performance.timeOrigin + performance.now() - sentAt) / 2)
    }
    return halves
  }, RAW_PINGS + RAW_WARMUP)
  const oneWay = await b.page.evaluate(() => (window as unknown as { benchReceived: number[] }).benchReceived)
  await Promise.all([a.context.close(), b.context.close()])
  return { oneWay: oneWay.slice(RAW_WARMUP), halfRtt: halfRtt.slice(RAW_WARMUP) }
}

/** One transfer's time, and the longest wait between two of the receiver's 500 kB marks (a stalled connection). */
export interface RawTransfer {
  ms: number
  longestGapMs: number
}

/**
 * Time for a fresh connection to carry `bytes` in `messageBytes` messages, the sender keeping at most
 * `highWaterBytes` buffered: from the first send to the receiver's "all here" back at the sender.
 */
export async function rawTransfer(harness: Harness, bytes: number, messageBytes: number, highWaterBytes: number): Promise<RawTransfer> {
  const { a, b } = await rawPair(harness)
  await b.page.evaluate((expected) => {
    const marks: number[] = []
    Object.assign(window, { benchMarks: marks })
    let received = 0
    window.benchOnMessage = (event, channel) => {
      const before = received
      received += (event.data as ArrayBuffer).byteLength
      if (Math.floor(before / 500_000) !== Math.floor(received / 500_000)) marks.push(performance.now())
      if (received >= expected) channel.send('done')
    }
  }, bytes)
  const ms = await a.page.evaluate(
    async ([bytes, messageBytes, highWater]) => {
      const channel = window.benchChannel!
      const done = new Promise((resolve) => channel.addEventListener('message', resolve, { once: true }))
      channel.bufferedAmountLowThreshold = highWater / 2
      const message = new Uint8Array(messageBytes)
      const started = performance.now()
      for (let sent = 0; sent < bytes; ) {
        while (channel.bufferedAmount + messageBytes > highWater) await new Promise((resolve) => channel.addEventListener('bufferedamountlow', resolve, { once: true }))
        const size = Math.min(messageBytes, bytes - sent)
        channel.send(size === messageBytes ? message : message.subarray(0, size))
        sent += size
      }
      await done
      return performance.now() - started
    },
    [bytes, messageBytes, highWaterBytes] as const,
  )
  const marks = await b.page.evaluate(() => (window as unknown as { benchMarks: number[] }).benchMarks)
  let longestGapMs = 0
  for (let i = 1; i < marks.length; i++) longestGapMs = Math.max(longestGapMs, marks[i]! - marks[i - 1]!)
  await Promise.all([a.context.close(), b.context.close()])
  return { ms, longestGapMs }
}
