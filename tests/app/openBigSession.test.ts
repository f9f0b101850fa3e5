// @vitest-environment happy-dom
// Reopening a stored session (issue 20, big session open): the rep doc — the record the view shows — is
// loaded first; the customer doc loads after the session has painted, and the customer room is joined
// only once it has, so the relay starts from the stored copy.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openRepSession, type OpenContext } from '../../src/app/session/repSession'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import type { RepProfile } from '../../src/store/profile'
import { initCustomerDoc, initRepDoc } from '../../src/doc/session'
import { appendEntry, entriesMap } from '../../src/doc/transcript'
import { chat } from '../doc/fixtures'
import { makeFakeHub } from './fakeHub'

const team = { teamId: 'team-1', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', name: 'Support' }
const profile = { repId: 'rep-Ana', name: 'Ana', teams: [team], deviceKeys: {} as CryptoKeyPair } satisfies RepProfile
const T0 = 1_764_680_400_000

/** Stores both documents of a session with `count` customer messages in each. */
async function storeSession(sessionId: string, count: number): Promise<void> {
  for (const kind of ['rep', 'customer'] as const) {
    const doc = new Y.Doc()
    const store = await persistDoc(doc, docDatabaseName(kind, sessionId))
    if (kind === 'rep') initRepDoc(doc, { sessionId, createdAt: T0, portal: 'link', customerKey: 'q3Jx8w2Lr0-Zk_5yVt9bN1' })
    else initCustomerDoc(doc, { sessionId, createdAt: T0, portal: 'link' })
    for (let i = 0; i < count; i++) appendEntry(doc, chat({ text: `message ${i}`, at: T0 + i }))
    await store.close()
    doc.destroy()
  }
}

describe('reopening a stored session', () => {
  it('returns with the record loaded and the customer doc still empty; loads it and joins the customer room after', async () => {
    await storeSession('Big-sess-1', 50)
    const hub = makeFakeHub()
    const context: OpenContext = { profile, team, hub, onCustomerJoined: () => undefined }
    const session = await openRepSession(context, 'Big-sess-1')
    expect(entriesMap(session.repDoc).size).toBe(50)
    expect(entriesMap(session.customerDoc).size).toBe(0)
    expect(hub.occupants('customer')).toBe(0)
    expect(session.customer()).toBeUndefined()

    await expect.poll(() => session.customer() !== undefined).toBe(true)
    expect(entriesMap(session.customerDoc).size).toBe(50)
    expect(hub.occupants('customer')).toBe(1)
    await session.close()
    expect(hub.occupants('customer')).toBe(0)
  })

  it('closing before the customer doc has loaded waits for it and leaves no room joined', async () => {
    await storeSession('Big-sess-2', 5)
    const hub = makeFakeHub()
    const session = await openRepSession({ profile, team, hub, onCustomerJoined: () => undefined }, 'Big-sess-2')
    await session.close()
    expect(hub.occupants('customer')).toBe(0)
    expect(hub.occupants('rep')).toBe(0)
  })
})
