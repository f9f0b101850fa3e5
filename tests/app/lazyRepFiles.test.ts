// A rep's file transfers are made on first use: a file the rep sends, or a side channel the customer opens
// (held with what it brings until the transfers take it), their chunk fetched then (issue 20, bundles).
import { describe, expect, it, vi } from 'vitest'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createLazyRepFiles, type FilesChunk } from '../../src/app/session/lazyRepFiles'
import * as realChunk from '../../src/app/tools/fileTransfer'
import { createCustomerFileTransfers, type CaughtChannel, type FileTransfers, type Transfer } from '../../src/app/tools/fileTransfer'
import type { DocConnection } from '../../src/net/connectDoc'
import { sideChannelOpenedFirst } from './sideChannelFirst'
import type { CustomerIdentity } from '../../src/store/profile'
import { fakeProvenPeers, fakeRoom } from './fakeFileLinks'

const REP = { id: 'rep-1', name: 'Ana Rep', role: 'rep' } as const
const CUSTOMER = { id: 'cust-1', name: 'Carla', role: 'customer' } as const
const profile = () => ({ repId: REP.id, name: REP.name })

/** A chunk whose maker counts its calls, keeps the channels it was handed, and records what is sent. */
function fakeChunk() {
  const made = { files: 0 }
  const sent: string[] = []
  const caught: CaughtChannel[][] = []
  const files: FileTransfers = { list: () => [], send: (file) => (sent.push(file.name), 'sent'), accept: () => undefined, decline: () => undefined, cancel: () => undefined, save: () => undefined }
  const chunk: FilesChunk = { createRepFileTransfers: (_session, _profile, _max, early) => (made.files++, caught.push([...(early ?? [])]), files) }
  return { chunk, fetch: vi.fn(() => Promise.resolve(chunk)), made, sent, caught }
}

function lazyFiles(fetch: () => Promise<FilesChunk>, connection?: DocConnection) {
  return createRoot((dispose) => {
    const link = connection && { connection }
    return { files: createLazyRepFiles({ customer: () => link, repDoc: new Y.Doc() } as never, profile, fetch), dispose }
  })
}

const file = (name: string, size = 3): File => new File([new Uint8Array(size)], name)

/** Resolves once `condition` holds on the transfers' list (checked on every macrotask). */
function until(transfers: FileTransfers, condition: (list: Transfer[]) => boolean): Promise<Transfer[]> {
  return new Promise((resolve) => {
    const check = (): void => (condition(transfers.list()) ? resolve(transfers.list()) : void setTimeout(check, 0))
    check()
  })
}

describe('a rep’s file transfers made on first use', () => {
  it('a session where nobody sends a file fetches nothing and lists nothing', () => {
    const { fetch } = fakeChunk()
    const pc = new EventTarget()
    const connection = { peerLinks: () => new Map([['peer-1', { _pc: pc }]]), onChange: () => () => undefined } as unknown as DocConnection
    const { files, dispose } = lazyFiles(fetch, connection)
    expect(fetch).not.toHaveBeenCalled()
    expect(files.list()).toEqual([])
    dispose()
  })

  it('files the rep sends while the chunk loads all reach one transfers model, in order; a too-long name is refused at once', async () => {
    const { fetch, made, sent } = fakeChunk()
    const { files, dispose } = lazyFiles(fetch)
    expect(files.send(file('x'.repeat(300)))).toBe('nameTooLong')
    expect(fetch).not.toHaveBeenCalled()
    expect(await Promise.all([files.send(file('a.txt')), files.send(file('b.txt'))])).toEqual(['sent', 'sent'])
    expect(files.send(file('c.txt'))).toBe('sent') // made: answered at once
    expect(made.files).toBe(1)
    expect(sent).toEqual(['a.txt', 'b.txt', 'c.txt'])
    dispose()
  })

  it('a chunk that failed to load (offline) is fetched again by the next send', async () => {
    const { chunk, sent } = fakeChunk()
    const fetch = vi.fn<() => Promise<FilesChunk>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(chunk)
    const { files, dispose } = lazyFiles(fetch)
    await expect(files.send(file('a.txt'))).rejects.toThrow('offline')
    expect(await files.send(file('a.txt'))).toBe('sent')
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(sent).toEqual(['a.txt'])
    dispose()
  })

  it('a side channel the customer opens first makes the transfers, which take it with the messages it brought meanwhile', async () => {
    const chunk = fakeChunk()
    await sideChannelOpenedFirst(chunk, (connection) => lazyFiles(chunk.fetch, connection))
  })

  it('a customer’s offer that arrives while the chunk is slow is shown once it is in, and the accepted file arrives', async () => {
    const room = await fakeRoom(REP, CUSTOMER)
    let release!: () => void
    const slow = new Promise<void>((resolve) => (release = resolve))
    const fetch = vi.fn(async (): Promise<FilesChunk> => (await slow, realChunk))
    const { files: rep, dispose: disposeRep } = lazyFiles(fetch, room.a.connection)
    const customer = createRoot(() => {
      const [identity] = createSignal<CustomerIdentity | undefined>({ customerId: CUSTOMER.id, name: CUSTOMER.name })
      return createCustomerFileTransfers(new Y.Doc(), () => room.b.connection, identity, fakeProvenPeers())
    })
    expect(customer.send(file('log.bin', 200_000))).toBe('sent')
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 20)) // the offer reaches the rep's page before its chunk
    expect(rep.list()).toEqual([])
    release()
    const [offer] = await until(rep, (list) => list.some((item) => item.phase === 'offered'))
    expect(offer).toMatchObject({ direction: 'in', name: 'log.bin', size: 200_000, peer: 'Carla' })
    rep.accept(offer!.key)
    await until(rep, (list) => list[0]?.phase === 'done')
    await until(customer, (list) => list[0]?.phase === 'done')
    disposeRep()
  })
})
