// The file-transfer controllers of both sides, created in reactive roots of their own with no
// view mounted (as a session model creates them), over in-memory peer connections.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEffect, createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createCustomerFileTransfers, createRepFileTransfers, type FileTransfers, type Transfer } from '../../src/app/tools/fileTransfer'
import { INCOMING_RESUME_GRACE_MS } from '../../src/app/tools/transferLinks'
import { readTranscript } from '../../src/doc/transcript'
import type { CustomerIdentity } from '../../src/store/profile'
import { fakeProvenPeers, fakeRoom } from './fakeFileLinks'
import type { ProvenPeers } from '../../src/app/tools/provenPeers'
import type { ProofStatus } from '../../src/net/linkProofs'

const REP = { id: 'rep-1', name: 'Ana Rep', role: 'rep' } as const
const CUSTOMER = { id: 'cust-1', name: 'Carla', role: 'customer' } as const

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i++) out[i] = (i * 13 + 5) & 0xff
  return out
}

/** Resolves once `condition` holds on the transfers' list (checked on every macrotask). */
function until(transfers: FileTransfers, condition: (list: Transfer[]) => boolean): Promise<Transfer[]> {
  return new Promise((resolve) => {
    const check = (): void => (condition(transfers.list()) ? resolve(transfers.list()) : void setTimeout(check, 0))
    check()
  })
}

async function sides(proven: ProvenPeers = fakeProvenPeers()) {
  const room = await fakeRoom(REP, CUSTOMER)
  const repDoc = new Y.Doc()
  const customerDoc = new Y.Doc()
  const disposers: (() => void)[] = []
  const rep = createRoot((dispose) => {
    disposers.push(dispose)
    const link = { connection: room.a.connection }
    return createRepFileTransfers({ customer: () => link, repDoc }, () => ({ repId: REP.id, name: REP.name }))
  })
  const customer = createRoot((dispose) => {
    disposers.push(dispose)
    const [identity] = createSignal<CustomerIdentity | undefined>({ customerId: CUSTOMER.id, name: CUSTOMER.name })
    return createCustomerFileTransfers(customerDoc, () => room.b.connection, identity, proven)
  })
  return { room, rep, customer, repDoc, customerDoc, dispose: () => disposers.forEach((dispose) => dispose()) }
}

describe('file transfer controllers', () => {
  afterEach(() => vi.useRealTimers())

  it('the rep’s transfers hear an offer with no view mounted, and the accepted file arrives verified', async () => {
    const { rep, customer, customerDoc, dispose } = await sides()
    expect(customer.send(new File([bytes(300_000)], 'log.bin'))).toBe('sent')
    const [offer] = await until(rep, (list) => list.some((item) => item.phase === 'offered'))
    expect(offer).toMatchObject({ direction: 'in', name: 'log.bin', size: 300_000, peer: 'Carla' })
    rep.accept(offer!.key)
    await until(rep, (list) => list[0]?.phase === 'done')
    await until(customer, (list) => list[0]?.phase === 'done')
    expect(readTranscript(customerDoc).map((entry) => entry.event)).toContain('fileSent')
    dispose()
  })

  it('the sender notes its offer before any channel opens, and the incoming row carries the user id that note names as author', async () => {
    const { rep, customer, customerDoc, dispose } = await sides()
    expect(customer.send(new File([bytes(2048)], 'photo (1).png'))).toBe('sent')
    // Synchronously: the note is in the doc before the offer can reach anyone.
    const [note] = readTranscript(customerDoc)
    const [outgoing] = customer.list()
    expect(note).toMatchObject({ event: 'fileOffered', eventKey: `file:${outgoing!.id}:fileOffered`, text: 'photo (1).png (2 kB)', authorId: CUSTOMER.id, authorName: 'Carla' })
    expect(outgoing).toMatchObject({ direction: 'out', peerUserId: REP.id })
    const [incoming] = await until(rep, (list) => list.some((item) => item.phase === 'offered'))
    expect(incoming).toMatchObject({ id: outgoing!.id, direction: 'in', peerUserId: CUSTOMER.id })
    rep.decline(incoming!.key)
    await until(customer, (list) => list[0]?.phase === 'declined')
    expect(readTranscript(customerDoc).map((entry) => entry.event)).toEqual(['fileOffered', 'fileDeclined'])
    dispose()
  })

  it('a transfer cut by a dropped link waits on both sides and resumes when the same peer reconnects', async () => {
    const { room, rep, customer, repDoc, dispose } = await sides()
    const SIZE = 6 * 1024 * 1024
    expect(rep.send(new File([bytes(SIZE)], 'big.bin'))).toBe('sent')
    const [offer] = await until(customer, (list) => list.some((item) => item.phase === 'offered'))
    // The peer connection closes, as a dead link's does, as soon as the first bytes are in.
    createRoot((disposeWatch) =>
      createEffect(() => {
        if ((customer.list()[0]?.bytes ?? 0) === 0) return
        room.drop()
        disposeWatch()
      }),
    )
    customer.accept(offer!.key)
    await until(customer, (list) => list[0]?.phase === 'interrupted')
    await until(rep, (list) => list[0]?.phase === 'interrupted')
    const held = customer.list()[0]!.bytes
    expect(held).toBeLessThan(SIZE)

    await room.reconnect()
    await until(customer, (list) => list[0]?.phase === 'done')
    await until(rep, (list) => list[0]?.phase === 'done')
    expect(customer.list()[0]!.bytes).toBe(SIZE)
    expect(readTranscript(repDoc).map((entry) => entry.event)).toEqual(['fileOffered', 'fileSent']) // never noted as failed
    dispose()
  })

  it('a transfer whose receiving page restarted (same user, new peer id) fails instead of waiting forever', async () => {
    const { room, rep, customer, repDoc, dispose } = await sides()
    expect(rep.send(new File([bytes(6 * 1024 * 1024)], 'big.bin'))).toBe('sent')
    const [offer] = await until(customer, (list) => list.some((item) => item.phase === 'offered'))
    createRoot((disposeWatch) =>
      createEffect(() => {
        if ((customer.list()[0]?.bytes ?? 0) === 0) return
        room.drop()
        disposeWatch()
      }),
    )
    customer.accept(offer!.key)
    await until(rep, (list) => list[0]?.phase === 'interrupted')

    await room.reconnect({ peerId: 'peer-b-reloaded' }) // Carla's page reloaded: her half of the file is gone
    const [row] = await until(rep, (list) => list[0]?.phase === 'failed')
    expect(row?.reason).toBe('connection')
    expect(readTranscript(repDoc).map((entry) => entry.event)).toEqual(['fileOffered', 'fileFailed'])
    dispose()
  })

  it('a receiver whose sender is back but never resumes (it cancelled while the link was down) stops waiting', async () => {
    // The resume polls run on a fake clock; everything else (channels, hashing, `until`) on real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] })
    const { room, rep, customer, dispose } = await sides()
    expect(rep.send(new File([bytes(6 * 1024 * 1024)], 'big.bin'))).toBe('sent')
    const [offer] = await until(customer, (list) => list.some((item) => item.phase === 'offered'))
    createRoot((disposeWatch) =>
      createEffect(() => {
        if ((customer.list()[0]?.bytes ?? 0) === 0) return
        room.drop()
        disposeWatch()
      }),
    )
    customer.accept(offer!.key)
    await until(rep, (list) => list[0]?.phase === 'interrupted')
    await until(customer, (list) => list[0]?.phase === 'interrupted')
    rep.cancel(rep.list()[0]!.key) // the customer cannot hear it: no link
    expect(rep.list()[0]?.phase).toBe('cancelled')

    await room.reconnect()
    vi.advanceTimersByTime(INCOMING_RESUME_GRACE_MS - 1_000)
    expect(customer.list()[0]?.phase, 'still within the grace').toBe('interrupted')
    vi.advanceTimersByTime(2_000)
    expect(customer.list()[0]).toMatchObject({ phase: 'failed', reason: 'connection' })
    dispose()
  })

  it('the customer’s page sends no file to a peer that claims to be a rep without proving the session key, takes none from it, and reports both', async () => {
    const proven = fakeProvenPeers(() => 'failed')
    const { rep, customer, dispose } = await sides(proven)
    expect(customer.send(new File([bytes(10)], 'secret.txt'))).toBe('noPeer')
    expect(rep.send(new File([bytes(10)], 'malware.exe'))).toBe('sent')
    await until(rep, (list) => list[0]?.phase === 'declined')
    expect(customer.list()).toEqual([]) // never offered to the customer
    expect(rep.list().filter((item) => item.direction === 'in')).toEqual([])
    expect(proven.reports).toEqual([
      { what: 'fileOut', peerId: 'peer-a', claimedName: 'Ana Rep' },
      { what: 'fileIn', peerId: 'peer-a', claimedName: 'Ana Rep' },
    ])
    dispose()
  })

  it('a rep whose link is still proving gets the file once it has proved, and its offer waits for the proof', async () => {
    let status: ProofStatus = 'pending'
    let prove: (ok: boolean) => void = () => undefined
    const proof = new Promise<boolean>((resolve) => (prove = resolve))
    const proven: ProvenPeers = { status: () => status, settled: () => proof, onChange: () => () => undefined, report: () => undefined }
    const { rep, customer, dispose } = await sides(proven)
    expect(customer.send(new File([bytes(1000)], 'log.bin'))).toBe('sent')
    expect(rep.send(new File([bytes(2000)], 'fix.bin'))).toBe('sent')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(rep.list()).toEqual([expect.objectContaining({ direction: 'out', name: 'fix.bin', phase: 'waiting' })]) // nothing offered yet either way
    expect(customer.list()).toEqual([])
    status = 'proven'
    prove(true)
    const [incoming] = await until(rep, (list) => list.some((item) => item.direction === 'in' && item.phase === 'offered'))
    expect(rep.list().find((item) => item.direction === 'in')).toMatchObject({ name: 'log.bin', size: 1000 })
    const offer = await until(customer, (list) => list.some((item) => item.phase === 'offered'))
    expect(offer.find((item) => item.direction === 'in')).toMatchObject({ name: 'fix.bin', size: 2000 }) // the held offer, replayed
    expect(incoming).toBeDefined()
    dispose()
  })
})
