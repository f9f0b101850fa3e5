// The customer's screen-sharing state when the page that shared is gone (reloaded or closed), and who gets the screen.
import { describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import type { DocConnection } from '../../src/net/connectDoc'
import type { PeerLink } from '../../src/net/presence'
import type { ProvenPeers } from '../../src/app/tools/provenPeers'
import type { PeerRefusal, ProofStatus } from '../../src/net/linkProofs'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createCustomerScreen } from '../../src/app/tools/screenShare'
import { fakeProvenPeers } from './fakeFileLinks'
import { latestScreenRequest, requestScreen, setScreenState } from '../../src/doc/screenRequests'
import { entriesMap, readTranscript } from '../../src/doc/transcript'
import type { CustomerIdentity } from '../../src/store/profile'
import { createSessionAuthority, importSigningKey, importVerifyingKey, signScreenRequest, verifyScreenRequest } from '../../src/net/sessionAuthority'
import { initRepDoc, writeSessionAuthority } from '../../src/doc/session'
import type { Tampering } from '../../src/doc/tamper'
import { watchScreenRequests } from '../../src/app/session/screenRequestWatch'
import { until } from './fakeHub'

const CARLA: CustomerIdentity = { customerId: 'c1', name: 'Carla' }

function sharingDoc(): Y.Doc {
  const doc = new Y.Doc()
  requestScreen(doc, 'req-1', { repId: 'rep-1', repName: 'Ana Rep' })
  const request = latestScreenRequest(doc)!
  setScreenState(doc, request, 'sharing') // written by the page before it reloaded
  return doc
}

describe('customer screen after a reload', () => {
  it('a request still marked as sharing when the page starts is ended once, with its note', () => {
    const doc = sharingDoc()
    for (let page = 0; page < 2; page++) {
      // Effects of a root run once its setup returns, as on a real page start.
      const { screen, dispose } = createRoot((dispose) => {
        const [identity] = createSignal<CustomerIdentity | undefined>(CARLA)
        return { screen: createCustomerScreen(doc, () => undefined, identity, fakeProvenPeers()), dispose }
      })
      expect(screen.sharing()).toBe(false)
      dispose()
    }
    expect(latestScreenRequest(doc)?.state).toBe('stopped')
    expect(readTranscript(doc).map((entry) => entry.event)).toEqual(['screenStopped'])
    expect(entriesMap(doc).size, 'one note written, not one per page').toBe(1)
  })

  it('waits for the identity (loaded after the document) before ending the share in the customer’s name', () => {
    const doc = sharingDoc()
    const { setIdentity, dispose } = createRoot((dispose) => {
      const [identity, setIdentity] = createSignal<CustomerIdentity | undefined>(undefined)
      createCustomerScreen(doc, () => undefined, identity, fakeProvenPeers())
      return { setIdentity, dispose }
    })
    expect(latestScreenRequest(doc)?.state).toBe('sharing')
    setIdentity(CARLA)
    expect(latestScreenRequest(doc)?.state).toBe('stopped')
    expect(readTranscript(doc)[0]).toMatchObject({ event: 'screenStopped', authorId: 'c1', text: 'Carla' })
    dispose()
  })
})

describe('customer screen goes only to proven reps', () => {
  /** A customer room with Rafa (a real rep) and Mallory (claims to be one), each over a link of its own. */
  function room() {
    const awareness = new Awareness(new Y.Doc())
    const states = awareness.getStates()
    const listeners = new Set<() => void>()
    const added: string[] = []
    const link = (peerId: string): PeerLink => ({ destroyed: false, addStream: () => void added.push(peerId), removeStream: () => undefined, on: () => undefined, off: () => undefined })
    states.set(101, { user: { id: 'rafa', name: 'Rafa Rep', role: 'customer' }, peerId: 'p-rafa' }) // relabelled: proof counts, not presence
    states.set(102, { user: { id: 'mallory', name: 'Boss Rep', role: 'rep' }, peerId: 'p-mallory' })
    const links = new Map([['p-rafa', link('p-rafa')], ['p-mallory', link('p-mallory')]])
    const connection = {
      awareness,
      peerLinks: () => links,
      onChange(listener: () => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    } as unknown as DocConnection
    return { connection, added }
  }

  it('sends the stream over proven links only, later ones too once they prove, and reports a rep claim that failed', async () => {
    const stream = { getTracks: () => [], getVideoTracks: () => [] } as unknown as MediaStream
    vi.stubGlobal('navigator', { mediaDevices: { getDisplayMedia: () => Promise.resolve(stream) } })
    const doc = new Y.Doc()
    requestScreen(doc, 'r1', { repId: 'rafa', repName: 'Rafa Rep' })
    const { connection, added } = room()
    const status = new Map<string, ProofStatus>([['p-rafa', 'pending'], ['p-mallory', 'pending']])
    const changes = new Set<() => void>()
    const reports: PeerRefusal[] = []
    const proven: ProvenPeers = {
      status: (peerId) => status.get(peerId) ?? 'failed',
      settled: () => Promise.resolve(false),
      onChange(listener) {
        changes.add(listener)
        return () => changes.delete(listener)
      },
      report: (refusal) => void reports.push(refusal),
    }
    const { screen, dispose } = createRoot((dispose) => {
      const [identity] = createSignal<CustomerIdentity | undefined>(CARLA)
      return { screen: createCustomerScreen(doc, () => connection, identity, proven), dispose }
    })
    await screen.accept()
    expect(screen.sharing()).toBe(true)
    expect(added).toEqual([]) // nobody proved yet
    status.set('p-rafa', 'proven')
    status.set('p-mallory', 'failed')
    changes.forEach((listener) => listener())
    expect(added).toEqual(['p-rafa'])
    expect(reports).toEqual([{ what: 'screen', peerId: 'p-mallory', claimedName: 'Boss Rep' }])
    dispose()
    vi.unstubAllGlobals()
  })
})

describe('screen requests are the reps’', () => {
  it('the customer is asked only for a request the session authority signed; one a link holder writes (unsigned, its own key, or re-signed fields) never shows, and the rep’s view flags it', async () => {
    const authority = await createSessionAuthority()
    const mallory = await createSessionAuthority()
    const signer = (await importSigningKey(authority.privateKey))!
    const verifier = (await importVerifyingKey(authority.publicKey))!
    const doc = new Y.Doc()
    const repDoc = new Y.Doc()
    initRepDoc(repDoc, { sessionId: 'session-1', createdAt: 1_000, portal: 'link', customerKey: 'k'.repeat(43) })
    writeSessionAuthority(repDoc, authority)
    const { screen, dispose } = createRoot((dispose) => {
      const [identity] = createSignal<CustomerIdentity | undefined>(CARLA)
      return { screen: createCustomerScreen(doc, () => undefined, identity, fakeProvenPeers(), (request) => verifyScreenRequest(verifier, 'session-1', request)), dispose }
    })
    let flagged: Tampering[] = []
    const stop = watchScreenRequests(doc, repDoc, (list) => (flagged = list))

    // A link holder: unsigned, then signed with its own key, then the genuine signature on other fields.
    requestScreen(doc, 'forged-1', { repId: 'rep-1', repName: 'Ana Rep' }, 2_000)
    const own = { id: 'forged-2', repId: 'rep-1', repName: 'Ana Rep', at: 3_000 }
    requestScreen(doc, own.id, own, own.at, await signScreenRequest((await importSigningKey(mallory.privateKey))!, 'session-1', own))
    const genuine = { id: 'real-1', repId: 'rep-1', repName: 'Ana Rep', at: 1_500 }
    const signature = await signScreenRequest(signer, 'session-1', genuine)
    requestScreen(doc, 'forged-3', { repId: 'rep-1', repName: 'Ana Rep' }, 4_000, signature)
    await until(() => flagged.length === 3)
    expect(screen.pending()).toBeUndefined()
    expect(flagged.map((item) => [item.kind, item.claimedName])).toEqual([
      ['screenRequest', 'Ana Rep'],
      ['screenRequest', 'Ana Rep'],
      ['screenRequest', 'Ana Rep'],
    ])

    // The rep's genuine request (older than the forgeries) is the one shown.
    requestScreen(doc, genuine.id, genuine, genuine.at, signature)
    await until(() => screen.pending()?.id === 'real-1')
    expect(flagged).toHaveLength(3)
    stop()
    dispose()
  })
})
