import { describe, expect, it } from 'vitest'
import { ChunkedChannel, HIGH_WATER_BYTES, MAX_MESSAGE_BYTES, type ChannelErrorEvent } from '../../src/net/chunkedChannel'
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

/** A raw fake pair, wrapped at both ends, resolved once both are open. */
async function twoChannels() {
  const rawA = new FakeDataChannel('t')
  const rawB = new FakeDataChannel('t')
  const a = new ChunkedChannel(rawA)
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

  it('never puts a frame over 64 KiB on the wire', async () => {
    const { rawA, a, b } = await twoChannels()
    const arriving = receive(b, 1)
    a.send(patterned(3 * MiB + 17, 6))
    await arriving
    expect(rawA.sentSizes.length).toBeGreaterThan(48)
    expect(Math.max(...rawA.sentSizes)).toBeLessThanOrEqual(64 * KiB)
  })

  it('keeps the real send buffer under the high-water mark and counts queued bytes in bufferedAmount', async () => {
    const { rawA, a, b } = await twoChannels()
    a.bufferedAmountLowThreshold = 64 * KiB
    const arriving = receive(b, 1)
    a.send(patterned(10 * MiB, 7))
    expect(a.bufferedAmount).toBeGreaterThan(10 * MiB)
    await once(a, 'bufferedamountlow')
    expect(a.bufferedAmount).toBeLessThanOrEqual(64 * KiB)
    await arriving
    expect(HIGH_WATER_BYTES).toBeLessThanOrEqual(1 * MiB)
    expect(rawA.peakBufferedAmount).toBeGreaterThan(HIGH_WATER_BYTES / 2)
    expect(rawA.peakBufferedAmount).toBeLessThanOrEqual(HIGH_WATER_BYTES)
  })

  it('sends a message that fits one frame as one frame', async () => {
    const { rawA, a, b } = await twoChannels()
    const arriving = receive(b, 1)
    a.send(patterned(1000, 8))
    const [data] = await arriving
    expect(bytesOf(data).equals(patterned(1000, 8))).toBe(true)
    expect(rawA.sentSizes).toEqual([1001])
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
    ['an unknown header', new Uint8Array([7, 1, 2]).buffer],
    ['an empty frame', new ArrayBuffer(0)],
    ['a string frame', 'hello'],
  ])('closes with an error, rather than throwing, on %s', async (_name, frame) => {
    const rawA = new FakeDataChannel('t')
    const rawB = new FakeDataChannel('t')
    const b = new ChunkedChannel(rawB)
    openPair(rawA, rawB)
    await once(b, 'open')
    let messages = 0
    b.onmessage = () => messages++
    const failed = once(b, 'error')
    const closed = once(b, 'close')
    rawA.send(frame)
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
    more[0] = 1 // "more follows"
    const framesUnderCap = Math.floor(MAX_MESSAGE_BYTES / (more.byteLength - 1))
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
    rawB.dispatchEvent(new MessageEvent('message', { data: new Uint8Array([1, 10, 11]).buffer }))
    b.close()
    rawB.dispatchEvent(new MessageEvent('message', { data: new Uint8Array([0, 12]).buffer }))
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
