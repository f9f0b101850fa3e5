// The file-transfer protocol over a pair of chunked channels (in-memory fake data channels).
import { describe, expect, it } from 'vitest'
import { ChunkedChannel } from '../../src/net/chunkedChannel'
import { MAX_FILE_NAME_CHARS, receiveFile, sendFile, sha256Hex, type FailReason, type TransferPhase } from '../../src/net/fileChannel'
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

  it('a dropped connection fails both sides with a clear reason', async () => {
    const { a, b, rawA } = pair()
    const file = new Blob([bytes(4 * 1024 * 1024)])
    const sender = side()
    const receiver = side()
    receiveFile(b, 100 * 1024 * 1024, (incoming) => incoming.accept(), { ...receiver.hooks, done: () => {} })
    sendFile(a, { id: 'f2', name: 'b.bin', size: file.size, mime: '' }, file, sender.hooks)
    await new Promise<void>((resolve) => {
      const check = (): void => (receiver.progress.length > 0 ? resolve() : void setTimeout(check, 1))
      check()
    })
    rawA.close() // the link goes away mid-transfer
    expect(await receiver.ended).toBe('failed')
    expect(receiver.reason()).toBe('connection')
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
