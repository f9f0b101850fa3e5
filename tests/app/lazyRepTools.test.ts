// A rep's screen and credential tools are created on first use: a press, or a request already in the customer doc.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import type { RepSession } from '../../src/app/session/repSession'
import { requestsMap } from '../../src/doc/screenRequests'
import { credentialsMap } from '../../src/doc/credentialRequests'

const made = vi.hoisted(() => ({ screen: 0, credentials: 0, screenRequests: [] as unknown[], credentialRequests: [] as unknown[] }))

vi.mock('../../src/app/tools/screenShare', () => ({
  createRepScreen: () => {
    made.screen++
    return { stream: () => undefined, state: () => 'pending', request: (rep: unknown) => made.screenRequests.push(rep) }
  },
}))
vi.mock('../../src/app/tools/credentials', () => ({
  createRepCredentials: () => {
    made.credentials++
    return { revealed: () => undefined, pending: () => true, request: async (rep: unknown) => void made.credentialRequests.push(rep), dismiss: () => undefined }
  },
}))

const { createLazyRepCredentials, createLazyRepScreen } = await import('../../src/app/session/lazyRepTools')

function sessionWith(customerDoc: Y.Doc): RepSession {
  return { customerDoc } as unknown as RepSession // the lazy tools read only the customer doc; the real ones get the whole session
}

afterEach(() => {
  made.screen = 0
  made.credentials = 0
  made.screenRequests = []
  made.credentialRequests = []
})

const ana = { repId: 'rep-1', name: 'Ana' }

describe('rep tools created on first use', () => {
  it('a session with no requests creates neither tool until the rep asks; the press then acts', async () => {
    const doc = new Y.Doc()
    await createRoot(async (dispose) => {
      const screen = createLazyRepScreen(sessionWith(doc))
      const credentials = createLazyRepCredentials(sessionWith(doc))
      await Promise.resolve()
      expect(screen.state()).toBeUndefined()
      expect(credentials.pending()).toBe(false)
      expect(made).toMatchObject({ screen: 0, credentials: 0 })
      screen.request(ana)
      await credentials.request(ana)
      await vi.waitFor(() => expect(made.screenRequests).toEqual([ana]), { timeout: 10_000 })
      expect(made.credentialRequests).toEqual([ana])
      expect(made).toMatchObject({ screen: 1, credentials: 1 })
      expect(screen.state()).toBe('pending')
      expect(credentials.pending()).toBe(true)
      dispose()
    })
  })

  it('a request already in the customer doc (a team mate, or before a reload) creates the tool without a press', async () => {
    const doc = new Y.Doc()
    requestsMap(doc).set('r1', { any: 'record' })
    credentialsMap(doc).set('c1', { any: 'record' })
    await createRoot(async (dispose) => {
      createLazyRepScreen(sessionWith(doc))
      createLazyRepCredentials(sessionWith(doc))
      await vi.waitFor(() => expect(made).toMatchObject({ screen: 1, credentials: 1 }), { timeout: 10_000 })
      dispose()
    })
  })
})
