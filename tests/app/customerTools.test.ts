// The customer's screen, files and credentials are made on first use, their chunk fetched then (issue 20, bundles).
import { describe, expect, it, vi } from 'vitest'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createCustomerTools, firstUse, type ToolsChunk } from '../../src/app/customer/customerTools'
import type { CaughtChannel, FileTransfers } from '../../src/app/tools/fileTransfer'
import type { CustomerScreen } from '../../src/app/tools/screenShare'
import type { CustomerCredentials } from '../../src/app/tools/credentials'
import type { ProvenPeers } from '../../src/app/tools/provenPeers'
import type { DocConnection } from '../../src/net/connectDoc'
import { sideChannelOpenedFirst } from './sideChannelFirst'
import { requestScreen } from '../../src/doc/screenRequests'
import { putCredentialRequest } from '../../src/doc/credentialRequests'

/** A chunk whose makers count their calls and hand back recording models. */
function fakeChunk() {
  const made = { proven: 0, screen: 0, files: 0, credentials: 0 }
  const sent: string[] = []
  const caught: CaughtChannel[][] = []
  const screen: CustomerScreen = { pending: () => undefined, sharing: () => true, accept: async () => undefined, decline: () => sent.push('screen:decline'), stop: () => undefined }
  const files: FileTransfers = { list: () => [], send: (file) => (sent.push(`file:${file.name}`), 'sent'), accept: () => undefined, decline: () => undefined, cancel: () => undefined, save: () => undefined }
  const credentials: CustomerCredentials = { pending: () => undefined, send: async (values) => void sent.push(`credentials:${values.user}`), decline: () => undefined }
  const chunk: ToolsChunk = {
    makeProvenPeers: () => (made.proven++, {} as ProvenPeers),
    makeScreen: () => (made.screen++, screen),
    makeFileTransfers: (_deps, _proven, early) => (made.files++, caught.push([...early]), files),
    makeCredentials: () => (made.credentials++, credentials),
  }
  const fetch = vi.fn(() => Promise.resolve(chunk))
  return { chunk, fetch, made, sent, caught }
}

function tools(doc: Y.Doc, fetch: () => Promise<ToolsChunk>, connection?: DocConnection) {
  return createRoot((dispose) => {
    const [identity] = createSignal({ customerId: 'c1', name: 'Carla' })
    return { tools: createCustomerTools({ doc, connection: () => connection, identity, sessionId: 's1', authority: undefined }, fetch), dispose }
  })
}

const file = (name: string, size = 3): File => new File([new Uint8Array(size)], name)

describe('first use', () => {
  it('concurrent first uses share one making; later uses get the same model', async () => {
    const make = vi.fn(async () => ({ id: Math.random() }))
    const model = createRoot(() => firstUse(make))
    expect(model.current()).toBeUndefined()
    const [a, b] = await Promise.all([model.use(), model.use()])
    expect(a).toBe(b)
    expect(await model.use()).toBe(a)
    expect(model.current()).toBe(a)
    expect(make).toHaveBeenCalledTimes(1)
  })

  it('a making that failed (chunk not fetched) is tried again by the next use', async () => {
    const make = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('made')
    const model = createRoot(() => firstUse(make))
    await expect(model.use()).rejects.toThrow('offline')
    expect(await model.use()).toBe('made')
    expect(make).toHaveBeenCalledTimes(2)
  })
})

describe('the customer’s tools', () => {
  it('a page with no request and no file fetches nothing and shows nothing', () => {
    const { fetch } = fakeChunk()
    const { tools: made, dispose } = tools(new Y.Doc(), fetch)
    expect(fetch).not.toHaveBeenCalled()
    expect([made.screen.pending(), made.screen.sharing(), made.files.list(), made.credentials.pending()]).toEqual([undefined, false, [], undefined])
    dispose()
  })

  it('a screen request in the doc (also one from before a reload) makes the screen model, once', async () => {
    const doc = new Y.Doc()
    requestScreen(doc, 'r1', { repId: 'rep-1', repName: 'Ana' })
    const { fetch, made } = fakeChunk()
    const { tools: page, dispose } = tools(doc, fetch)
    requestScreen(doc, 'r2', { repId: 'rep-1', repName: 'Ana' })
    await vi.waitFor(() => expect(page.screen.sharing()).toBe(true))
    expect(made).toMatchObject({ screen: 1, proven: 1, files: 0, credentials: 0 })
    dispose()
  })

  it('a credentials request arriving later makes the credentials model; the customer’s answer reaches it', async () => {
    const doc = new Y.Doc()
    const { fetch, made, sent } = fakeChunk()
    const { tools: page, dispose } = tools(doc, fetch)
    expect(made.credentials).toBe(0)
    putCredentialRequest(doc, { id: 'q1', repId: 'rep-1', repName: 'Ana', at: 1, state: 'pending', publicKey: { x: 'x', y: 'y' } })
    await page.credentials.send({ user: 'carla', password: 'pw' })
    expect(made.credentials).toBe(1)
    expect(sent).toEqual(['credentials:carla'])
    dispose()
  })

  it('files sent while the chunk loads all reach one transfers model, in order; a too-long name is refused at once', async () => {
    const { fetch, made, sent } = fakeChunk()
    const { tools: page, dispose } = tools(new Y.Doc(), fetch)
    expect(page.files.send(file('x'.repeat(300)))).toBe('nameTooLong')
    expect(fetch).not.toHaveBeenCalled()
    const results = await Promise.all([page.files.send(file('a.txt')), page.files.send(file('b.txt'))])
    expect(results).toEqual(['sent', 'sent'])
    expect(page.files.send(file('c.txt'))).toBe('sent') // made: answered at once
    expect(made.files).toBe(1)
    expect(sent).toEqual(['file:a.txt', 'file:b.txt', 'file:c.txt'])
    dispose()
  })

  it('a side channel a rep opens first makes the transfers, which take it with the messages it brought meanwhile', async () => {
    const chunk = fakeChunk()
    await sideChannelOpenedFirst(chunk, (connection) => tools(new Y.Doc(), chunk.fetch, connection))
  })
})
