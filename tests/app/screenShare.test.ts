// The customer's screen-sharing state when the page that shared is gone (reloaded or closed).
import { describe, expect, it } from 'vitest'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createCustomerScreen } from '../../src/app/tools/screenShare'
import { fakeProvenPeers } from './fakeFileLinks'
import { latestScreenRequest, requestScreen, setScreenState } from '../../src/doc/screenRequests'
import { entriesMap, readTranscript } from '../../src/doc/transcript'
import type { CustomerIdentity } from '../../src/store/profile'

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
