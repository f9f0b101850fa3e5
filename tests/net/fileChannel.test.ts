// The file-transfer protocol over a pair of chunked channels (in-memory fake data channels).
import { describe, expect, it } from 'vitest'
import { ChunkedChannel } from '../../src/net/chunkedChannel'
import { FILE_CHUNK_BYTES, MAX_FILE_NAME_CHARS, sha256Hex, type FailReason, type TransferPhase } from '../../src/net/fileChannel'
import { receiveFile, type ReceivedFile } from '../../src/net/fileReceiver'
import { sendFile } from '../../src/net/fileSender'
import { FakeDataChannel, openPair } from './fakeWebrtc'

function pair(): { a: ChunkedChannel; b: ChunkedChannel; rawA: FakeDataChannel } {
  const rawA = new FakeDataChannel('asiste-side:t')
  const rawB = new FakeDataChannel('asiste-side:t')
  const a = new ChunkedChannel(rawA)
  const b = new ChunkedChannel(rawB)
  openPair(rawA, rawB)
  return { a, b, rawA }
}

function side() {
  const phases: TransferPhase[] = []
  const progress: number[] = []
  let reason: FailReason | undefined
  let settle: (phase: TransferPhase) => void = () => {}
  const ended = new Promise<TransferPhase>((resolve) => (settle = resolve))
  const hooks = {
    progress: (bytes: number) => progress.push(bytes),
    phase: (phase: TransferPhase, why?: FailReason) => {
      phases.push(phase)
      reason = why ?? reason
      if (['done', 'declined', 'cancelled', 'failed'].includes(phase)) settle(phase)
    },
  }
  return { phases, progress, hooks, ended, reason: () => reason }
}

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i++) out[i] = (i * 31 + 7) & 0xff
  return out
}

/** Resolves once `condition` holds (checked on every macrotask: the fakes deliver on microtasks). */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => (condition() ? resolve() : void setTimeout(check, 0))
    check()
  })
}

describe('file channel', () => {
  it('a 3 MB file arrives whole, with progress on both sides and a matching SHA-256', async () => {
    const { a, b } = pair()
    const file = new Blob([bytes(3 * 1024 * 1024)])
    const sender = side()
    const receiver = side()
    let received: Blob | undefined
    receiveFile(b, 10 * 1024 * 1024, (incoming) => incoming.accept(), { ...receiver.hooks, done: (blob) => (received = blob) })
    sendFile(a, { id: 'f1', name: 'a.bin', size: file.size, mime: '' }, file, sender.hooks)
    expect(await receiver.ended).toBe('done')
    expect(await sender.ended).toBe('done')
    expect(receiver.progress.some((value) => value > 0 && value < file.size)).toBe(true)
    expect(received && (await sha256Hex(received))).toBe(await sha256Hex(file))
  })

  it('a transfer cut mid-way waits, then resumes over a new channel from the bytes received and verifies', async () => {
    const first = pair()
    const SIZE = 4 * 1024 * 1024
    const file = new Blob([bytes(SIZE)])
    const sender = side()
    const receiver = side()
    let received: Blob | undefined
    let partial: ReceivedFile | undefined
    const receiverHooks = {
      ...receiver.hooks,
      // The link goes away as the second chunk arrives.
      progress: (count: number) => {
        receiver.hooks.progress(count)
        if (count === 2 * FILE_CHUNK_BYTES) first.rawA.close()
      },
      done: (blob: Blob) => (received = blob),
    }
    receiveFile(first.b, 100 * 1024 * 1024, (incoming, handle) => {
      partial = handle
      incoming.accept()
    }, receiverHooks)
    const outgoing = sendFile(first.a, { id: 'f2', name: 'b.bin', size: file.size, mime: '' }, file, sender.hooks)
    await until(() => sender.phases.includes('interrupted') && receiver.phases.includes('interrupted'))
    const held = receiver.progress.at(-1) ?? 0
    expect(held % FILE_CHUNK_BYTES, 'only whole chunks count').toBe(0)
    expect(held).toBeGreaterThan(0)
    expect(held).toBeLessThan(SIZE)
    expect(outgoing.interrupted()).toBe(true)

    // The same peer is back: a new channel whose first message resumes transfer f2.
    const second = pair()
    receiveFile(second.b, 100 * 1024 * 1024, () => expect.fail('a resume is not a new offer'), side().hooks as never, (id) => (id === 'f2' ? partial : undefined))
    outgoing.resume(second.a)
    expect(await receiver.ended).toBe('done')
    expect(await sender.ended).toBe('done')
    expect(received && (await sha256Hex(received))).toBe(await sha256Hex(file))
    const resent = second.rawA.sentSizes.reduce((sum, size) => sum + size, 0)
    expect(resent, 'only the missing bytes travel again').toBeLessThan(SIZE - held + 64 * 1024)
  })

  it('a drop before the receiver accepted fails both sides: there is nothing to resume', async () => {
    const { a, b, rawA } = pair()
    const sender = side()
    const receiver = side()
    receiveFile(b, 1_000, () => rawA.close(), { ...receiver.hooks, done: () => {} })
    sendFile(a, { id: 'f6', name: 'c.bin', size: 10, mime: '' }, new Blob([bytes(10)]), sender.hooks)
    expect(await receiver.ended).toBe('failed')
    expect(receiver.reason()).toBe('connection')
    expect(await sender.ended).toBe('failed')
    expect(sender.reason()).toBe('connection')
  })

  it('a resume the receiver knows nothing of (its page reloaded) fails the sender with a dropped connection', async () => {
    const first = pair()
    const file = new Blob([bytes(2 * 1024 * 1024)])
    const sender = side()
    const receiver = side()
    receiveFile(first.b, 100 * 1024 * 1024, (incoming) => incoming.accept(), { ...receiver.hooks, done: () => {} })
    const outgoing = sendFile(first.a, { id: 'f7', name: 'd.bin', size: file.size, mime: '' }, file, sender.hooks)
    await until(() => receiver.progress.length >= 1)
    first.rawA.close()
    await until(() => outgoing.interrupted())
    const second = pair()
    receiveFile(second.b, 100 * 1024 * 1024, () => expect.fail('not an offer'), side().hooks as never)
    outgoing.resume(second.a)
    expect(await sender.ended).toBe('failed')
    expect(sender.reason()).toBe('connection')
  })

  it('an offer above the cap is refused without asking the user', async () => {
    const { a, b } = pair()
    const sender = side()
    const receiver = side()
    let asked = false
    receiveFile(b, 1_000, () => (asked = true), { ...receiver.hooks, done: () => {} })
    sendFile(a, { id: 'f3', name: 'big.bin', size: 5_000, mime: '' }, new Blob([bytes(5_000)]), sender.hooks)
    expect(await receiver.ended).toBe('failed')
    expect(receiver.reason()).toBe('tooLarge')
    expect(await sender.ended).toBe('declined')
    expect(asked).toBe(false)
  })

  it('an offer whose file name is over the limit is refused, never cut, without asking the user', async () => {
    const { a, b } = pair()
    const sender = side()
    const receiver = side()
    let asked = false
    receiveFile(b, 1_000, () => (asked = true), { ...receiver.hooks, done: () => {} })
    sendFile(a, { id: 'f4', name: `${'n'.repeat(MAX_FILE_NAME_CHARS)}.txt`, size: 10, mime: '' }, new Blob([bytes(10)]), sender.hooks)
    expect(await receiver.ended).toBe('failed')
    expect(receiver.reason()).toBe('protocol')
    expect(await sender.ended).toBe('declined')
    expect(asked).toBe(false)
  })

  it('an offer whose name is exactly at the limit is offered whole', async () => {
    const { a, b } = pair()
    const name = 'n'.repeat(MAX_FILE_NAME_CHARS)
    const offered = new Promise<string>((resolve) => receiveFile(b, 1_000, (incoming) => resolve(incoming.offer.name), { ...side().hooks, done: () => {} }))
    sendFile(a, { id: 'f5', name, size: 10, mime: '' }, new Blob([bytes(10)]), side().hooks)
    expect(await offered).toBe(name)
  })
})
