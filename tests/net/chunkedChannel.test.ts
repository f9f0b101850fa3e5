import { describe, expect, it } from 'vitest'
import { ChunkedChannel, GROW_AFTER_MS, HIGH_WATER_BYTES, MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, MAX_RAW_BYTES, START_WINDOW_BYTES, type ChannelErrorEvent } from '../../src/net/chunkedChannel'
import { FRAME_MESSAGE_TYPE, FrameFlag } from '../../src/net/wireFrames'
import { FakeDataChannel, SCTP_MAX_MESSAGE_BYTES, openPair } from './fakeWebrtc'

const KiB = 1024
const MiB = 1024 * KiB

/** Deterministic bytes (xorshift32), so a misplaced frame shows up as a mismatch. */
function patterned(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  let x = seed || 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    bytes[i] = x & 0xff
  }
  return bytes
}

function once(target: EventTarget, type: string): Promise<Event> {
  return new Promise((resolve) => target.addEventListener(type, resolve, { once: true }))
}

/** A clock that moves `stepMs` each time it is read (the send window times its wake-ups on it). */
function steppingClock(stepMs: number): () => number {
  let clock = 0
  return () => (clock += stepMs)
}

/** A raw fake pair, wrapped at both ends, resolved once both are open; `a` may get its own raw end and clock. */
async function twoChannels(options: { rawA?: FakeDataChannel; now?: () => number } = {}) {
  const rawA = options.rawA ?? new FakeDataChannel('t')
  const rawB = new FakeDataChannel('t')
  const a = new ChunkedChannel(rawA, undefined, undefined, undefined, options.now)
  const b = new ChunkedChannel(rawB)
  openPair(rawA, rawB)
  await Promise.all([once(a, 'open'), once(b, 'open')])
  return { rawA, rawB, a, b }
}

/** Resolves with the next `count` messages' data, via the `onmessage` property simple-peer uses. */
function receive(channel: ChunkedChannel, count: number): Promise<unknown[]> {
  const got: unknown[] = []
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      got.push(event.data)
      if (got.length === count) resolve(got)
    }
  })
}

function bytesOf(data: unknown): Buffer {
  if (!(data instanceof ArrayBuffer)) throw new Error(`expected an ArrayBuffer, got ${typeof data}`)
  return Buffer.from(data)
}

describe('ChunkedChannel', () => {
  it('delivers 1 MB and 10 MB messages intact and in order, with small ones interleaved', async () => {
    const { a, b } = await twoChannels()
    const sent = [patterned(3, 1), patterned(1 * MiB, 2), patterned(5, 3), patterned(10 * MiB, 4), patterned(7, 5)]
    const arriving = receive(b, sent.length + 1)
    for (const message of sent) a.send(message)
    a.send('done')
    const got = await arriving
    sent.forEach((message, i) => expect(bytesOf(got[i]).equals(message), `message ${i}`).toBe(true))
    expect(got[sent.length]).toBe('done')
  })

  it('never puts a frame over MAX_FRAME_BYTES (16 KiB, half the smallest send window) on the wire', async () => {
    const { rawA, a, b } = await twoChannels()
    const arriving = receive(b, 1)
    a.send(patterned(3 * MiB + 17, 6))
    await arriving
    expect(MAX_FRAME_BYTES).toBeLessThanOrEqual(START_WINDOW_BYTES / 2)
    expect(rawA.sentSizes.length).toBeGreaterThan((3 * MiB) / MAX_FRAME_BYTES)
    expect(Math.max(...rawA.sentSizes)).toBeLessThanOrEqual(MAX_FRAME_BYTES)
  })

  it('keeps the send window small while half of it leaves the buffer within GROW_AFTER_MS, and counts queued bytes in bufferedAmount', async () => {
    const { rawA, a, b } = await twoChannels({ now: steppingClock(GROW_AFTER_MS) }) // each wake-up just within
    a.bufferedAmountLowThreshold = 64 * KiB
    const arriving = receive(b, 1)
    a.send(patterned(10 * MiB, 7))
    expect(a.bufferedAmount).toBeGreaterThan(10 * MiB)
    await once(a, 'bufferedamountlow')
    expect(a.bufferedAmount).toBeLessThanOrEqual(64 * KiB)
    await arriving
    expect(a.sendWindow).toBe(START_WINDOW_BYTES)
    expect(rawA.peakBufferedAmount).toBeGreaterThan(START_WINDOW_BYTES / 2)
    expect(rawA.peakBufferedAmount).toBeLessThanOrEqual(START_WINDOW_BYTES)
  })

  it('doubles the send window, up to the high-water mark, while the link is slow to drain', async () => {
    const { rawA, a, b } = await twoChannels({ now: steppingClock(GROW_AFTER_MS + 1) }) // each wake-up a drain slower than GROW_AFTER_MS
    const windows = new Set<number>()
    rawA.addEventListener('bufferedamountlow', () => windows.add(a.sendWindow))
    const arriving = receive(b, 1)
    const message = patterned(10 * MiB, 9)
    a.send(message)
    const [data] = await arriving
    expect(bytesOf(data).equals(message)).toBe(true)
    expect([...windows].sort((x, y) => x - y)).toEqual([64, 128, 256, 512, 1024].map((k) => k * KiB)) // from 32 KiB, doubled at each slow drain
    expect(a.sendWindow).toBe(HIGH_WATER_BYTES)
    expect(HIGH_WATER_BYTES).toBeLessThanOrEqual(1 * MiB)
    expect(rawA.peakBufferedAmount).toBeGreaterThan(HIGH_WATER_BYTES / 2)
    expect(rawA.peakBufferedAmount).toBeLessThanOrEqual(HIGH_WATER_BYTES)
  })

  it('keeps the send window when the buffer is found empty: the page was late to refill, not the link slow', async () => {
    /** A page too busy to answer `bufferedamountlow` until the buffer has emptied. */
    class BusyPageChannel extends FakeDataChannel {
      override dispatchEvent(event: Event): boolean {
        if (event.type !== 'bufferedamountlow') return super.dispatchEvent(event)
        setTimeout(() => super.dispatchEvent(event), 0)
        return true
      }
    }
    const { rawA, a, b } = await twoChannels({ rawA: new BusyPageChannel('t'), now: steppingClock(GROW_AFTER_MS + 1) })
    const arriving = receive(b, 1)
    const message = patterned(2 * MiB, 10)
    a.send(message)
    const [data] = await arriving
    expect(bytesOf(data).equals(message)).toBe(true)
    expect(a.sendWindow).toBe(START_WINDOW_BYTES)
    expect(rawA.peakBufferedAmount).toBeLessThanOrEqual(START_WINDOW_BYTES)
  })

  it('reports bufferedamountlow once a send empties the queue with the buffer already under the threshold', async () => {
    /** A channel whose buffer drains only when the test says, firing bufferedamountlow on a crossing as browsers do. */
    class ManualChannel extends EventTarget {
      readonly label = 't'
      readyState: RTCDataChannelState = 'open'
      bufferedAmount = 0
      bufferedAmountLowThreshold = 0
      binaryType: BinaryType = 'arraybuffer'
      send(data: Uint8Array): void {
        this.bufferedAmount += data.byteLength
      }
      close(): void {}
      drainTo(bytes: number): void {
        const before = this.bufferedAmount
        this.bufferedAmount = bytes
        if (before > this.bufferedAmountLowThreshold && bytes <= this.bufferedAmountLowThreshold) this.dispatchEvent(new Event('bufferedamountlow'))
      }
    }
    const raw = new ManualChannel()
    const a = new ChunkedChannel(raw, undefined, undefined, undefined, () => 0)
    a.bufferedAmountLowThreshold = 40 * KiB // over the window: crossed between two wake-ups below
    let lows = 0
    a.onbufferedamountlow = () => lows++
    const message = patterned(300 * KiB, 11)
    const lastFrame = message.byteLength - Math.floor(message.byteLength / (MAX_FRAME_BYTES - 2)) * (MAX_FRAME_BYTES - 2) + 2
    a.send(message)
    while (a.bufferedAmount - raw.bufferedAmount > lastFrame) raw.drainTo(0) // each wake-up sends two frames
    expect(a.bufferedAmount - raw.bufferedAmount).toBe(lastFrame)
    expect(lows).toBe(0)
    // The buffer drains, not to half the window (no wake-up), and what is left falls under the outer threshold
    // unseen; then a small send takes the last frame along and empties the queue.
    raw.drainTo(START_WINDOW_BYTES - lastFrame - 100)
    a.send(Uint8Array.of(0, 1, 2))
    expect(a.bufferedAmount).toBe(raw.bufferedAmount)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(lows).toBe(1)
    raw.drainTo(0)
    expect(lows).toBe(1) // once per crossing
  })

  it('sends unframed messages bigger than the send window, back to back and in order', async () => {
    const { a, b } = await twoChannels()
    const sent = [patterned(MAX_RAW_BYTES, 21), patterned(200 * KiB, 22), patterned(5, 23), patterned(MAX_RAW_BYTES, 24)].map((m) => m.map((byte, i) => (i === 0 ? 0 : byte)))
    const arriving = receive(b, sent.length)
    for (const message of sent) a.send(message)
    expect(MAX_RAW_BYTES).toBeGreaterThan(START_WINDOW_BYTES)
    const got = await arriving
    sent.forEach((message, i) => expect(bytesOf(got[i]).equals(message), `message ${i}`).toBe(true))
  })

  it('sends a small message unframed: the wire carries exactly its bytes', async () => {
    const { rawA, a, b } = await twoChannels()
    const arriving = receive(b, 1)
    const message = patterned(1000, 8)
    message[0] = 0 // a y-webrtc sync message
    a.send(message)
    const [data] = await arriving
    expect(bytesOf(data).equals(message)).toBe(true)
    expect(rawA.sentSizes).toEqual([1000])
  })

  it('a stock (unwrapped) peer receives messages up to MAX_RAW_BYTES byte-identical', async () => {
    const rawA = new FakeDataChannel('t')
    const stock = new FakeDataChannel('t')
    const a = new ChunkedChannel(rawA)
    openPair(rawA, stock)
    await once(a, 'open')
    stock.binaryType = 'arraybuffer'
    const sent = [Uint8Array.of(0, 0, 1, 0), patterned(MAX_RAW_BYTES, 12).map((byte, i) => (i === 0 ? 1 : byte))]
    const got: unknown[] = []
    const arrived = new Promise<void>((resolve) => {
      stock.onmessage = (event) => {
        got.push((event as MessageEvent).data)
        if (got.length === sent.length) resolve()
      }
    })
    for (const message of sent) a.send(message)
    await arrived
    sent.forEach((message, i) => expect(bytesOf(got[i]).equals(message), `message ${i}`).toBe(true))
  })

  it('frames a message one byte over MAX_RAW_BYTES, every frame starting with the frame type, and it round-trips', async () => {
    const { rawA, a, b } = await twoChannels()
    const frames: Uint8Array[] = []
    rawA.remote?.addEventListener('message', (event) => frames.push(new Uint8Array((event as MessageEvent<ArrayBuffer>).data)))
    const message = patterned(MAX_RAW_BYTES + 1, 13)
    const arriving = receive(b, 1)
    a.send(message)
    const [data] = await arriving
    expect(bytesOf(data).equals(message)).toBe(true)
    const count = Math.ceil(message.byteLength / (MAX_FRAME_BYTES - 2))
    expect(frames.length).toBe(count)
    expect(frames.every((frame) => frame[0] === FRAME_MESSAGE_TYPE)).toBe(true)
    expect(frames.map((frame) => frame[1])).toEqual([...Array<number>(count - 1).fill(1), 0])
  })

  it('frames a small message whose first byte is the frame type, so it cannot be misread', async () => {
    const { rawA, a, b } = await twoChannels()
    const arriving = receive(b, 1)
    a.send(Uint8Array.of(FRAME_MESSAGE_TYPE, 7))
    const [data] = await arriving
    expect([...new Uint8Array(bytesOf(data))]).toEqual([FRAME_MESSAGE_TYPE, 7])
    expect(rawA.sentSizes).toEqual([4])
  })

  it('ignores an empty message (stock y-webrtc\'s answer to a frame) and keeps the channel open', async () => {
    const rawA = new FakeDataChannel('t')
    const rawB = new FakeDataChannel('t')
    const b = new ChunkedChannel(rawB)
    openPair(rawA, rawB)
    await once(b, 'open')
    const errors: Error[] = []
    b.onerror = (event) => errors.push(event.error)
    const arriving = receive(b, 1)
    rawA.send(new ArrayBuffer(0))
    rawA.send(Uint8Array.of(1, 2, 3))
    expect([...new Uint8Array(bytesOf((await arriving)[0]))]).toEqual([1, 2, 3])
    expect(errors).toEqual([])
    expect(b.readyState).toBe('open')
  })

  it('delivers a zero-length message as an empty ArrayBuffer', async () => {
    const { a, b } = await twoChannels()
    const arriving = receive(b, 2)
    a.send(new Uint8Array(0))
    a.send(new ArrayBuffer(0))
    const got = await arriving
    expect(got.map((data) => bytesOf(data).byteLength)).toEqual([0, 0])
  })

  it('delivers strings as strings, including one split mid-character across frames', async () => {
    const { a, b } = await twoChannels()
    const long = 'ñ€😀'.repeat(40_000) // 360,000 UTF-8 bytes: several frames
    const arriving = receive(b, 3)
    a.send('hola')
    a.send('')
    a.send(long)
    expect(await arriving).toEqual(['hola', '', long])
  })

  it('sends array views by their own bytes, not the whole underlying buffer', async () => {
    const { a, b } = await twoChannels()
    const whole = patterned(300 * KiB, 9)
    const arriving = receive(b, 1)
    a.send(whole.subarray(10, 200 * KiB))
    const [data] = await arriving
    expect(bytesOf(data).equals(whole.subarray(10, 200 * KiB))).toBe(true)
  })

  it.each([
    ['a frame with an unknown flag', [Uint8Array.of(FRAME_MESSAGE_TYPE, 7, 1, 2).buffer]],
    ['a frame without a flag', [Uint8Array.of(FRAME_MESSAGE_TYPE).buffer]],
    ['a string', ['hello']],
    ['an unframed message after a "more follows" frame', [Uint8Array.of(FRAME_MESSAGE_TYPE, FrameFlag.more, 9).buffer, Uint8Array.of(0, 1).buffer]],
  ])('closes with an error, rather than throwing, on %s', async (_name, wire) => {
    const rawA = new FakeDataChannel('t')
    const rawB = new FakeDataChannel('t')
    const b = new ChunkedChannel(rawB)
    openPair(rawA, rawB)
    await once(b, 'open')
    let messages = 0
    b.onmessage = () => messages++
    const failed = once(b, 'error')
    const closed = once(b, 'close')
    for (const message of wire) rawA.send(message)
    rawA.send(new Uint8Array([0, 1]))
    const error = (await failed) as ChannelErrorEvent
    expect(error.error).toBeInstanceOf(Error)
    await closed
    expect(b.readyState).toBe('closed')
    expect(messages).toBe(0)
  })

  it('closes instead of reassembling a message over the size cap', async () => {
    const rawB = new FakeDataChannel('t')
    const b = new ChunkedChannel(rawB)
    const errors: Error[] = []
    b.onerror = (event) => errors.push(event.error)
    const more = new Uint8Array(64 * KiB)
    more.set([FRAME_MESSAGE_TYPE, FrameFlag.more])
    const framesUnderCap = Math.floor(MAX_MESSAGE_BYTES / (more.byteLength - 2))
    for (let i = 0; i < framesUnderCap; i++) rawB.dispatchEvent(new MessageEvent('message', { data: more.buffer }))
    expect(errors).toEqual([])
    rawB.dispatchEvent(new MessageEvent('message', { data: more.buffer }))
    expect(errors).toHaveLength(1)
    expect(rawB.readyState).toBe('closing')
  })

  it('drops a half-received message when closed, instead of delivering a fragment', () => {
    const rawB = new FakeDataChannel('t')
    const b = new ChunkedChannel(rawB)
    let messages = 0
    b.onmessage = () => messages++
    rawB.dispatchEvent(new MessageEvent('message', { data: Uint8Array.of(FRAME_MESSAGE_TYPE, FrameFlag.more, 10, 11).buffer }))
    b.close()
    rawB.dispatchEvent(new MessageEvent('message', { data: Uint8Array.of(FRAME_MESSAGE_TYPE, FrameFlag.finalBinary, 12).buffer }))
    expect(messages).toBe(0)
  })

  it('refuses to send a Blob instead of reordering it', async () => {
    const { a } = await twoChannels()
    expect(() => a.send(new Blob(['x']) as unknown as ArrayBuffer)).toThrow(TypeError)
  })

  it('reports a send failure as an error and closes, so no message is half-sent', async () => {
    const { rawA, a } = await twoChannels()
    rawA.send = () => {
      throw new DOMException('send queue is full', 'OperationError')
    }
    const failed = once(a, 'error')
    const closed = once(a, 'close')
    a.send(patterned(10, 10))
    expect(((await failed) as ChannelErrorEvent).error.name).toBe('OperationError')
    await closed
  })

  it('without the wrapper, a 300 KiB message cannot be sent (the bug this module fixes)', async () => {
    const rawA = new FakeDataChannel('t')
    const rawB = new FakeDataChannel('t')
    openPair(rawA, rawB)
    await once(rawA, 'open')
    expect(300 * KiB).toBeGreaterThan(SCTP_MAX_MESSAGE_BYTES)
    expect(() => rawA.send(patterned(300 * KiB, 11))).toThrow(TypeError)
  })
})
