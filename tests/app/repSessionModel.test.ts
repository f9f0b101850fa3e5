// @vitest-environment happy-dom
// The rep's session model, driven with two in-memory peers (a rep and a
// customer on one fake network) and no browser: it owns the session's state
// (transcript, attendees, unread count, draft) and its actions, with or
// without a view mounted, until it is disposed.
import 'fake-indexeddb/auto'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import { createRepSession, type OpenContext, type RepSession } from '../../src/app/session/repSession'
import { createRepSessionModel, type RepSessionModel } from '../../src/app/session/repSessionModel'
import { createCustomerSession } from '../../src/app/customer/customerSession'
import { readTranscript } from '../../src/doc/transcript'
import type { RepProfile } from '../../src/store/profile'
import { rememberPortalSalt } from '../../src/net/config'
import { makeFakeHub, until } from './fakeHub'
import * as Y from 'yjs'
import { addScript } from '../../src/doc/scripts'
import type { OpenTeam } from '../../src/app/console/teamConnection'

const team = { teamId: 'team-1', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', name: 'Support' }
const profile = { repId: 'rep-Ana', name: 'Ana', teams: [team], deviceKeys: {} as CryptoKeyPair } satisfies RepProfile

// Node serves no /config.json: the deployment's portal salt a page would have loaded.
beforeAll(() => rememberPortalSalt('test-portal-salt-0123456789'))

let cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
  localStorage.clear()
})

/** A rep with an open session and its model, and a customer page on the same fake network. */
async function twoPeers(seen = true, closeFails = false) {
  const rooms = new Map()
  const context: OpenContext = { profile, team, hub: makeFakeHub(rooms), onCustomerJoined: () => undefined }
  const session: RepSession = await createRepSession(context)
  let isSeen = seen
  let closed = 0
  const model: RepSessionModel = createRepSessionModel(session, {
    profile: () => profile,
    team: () => undefined,
    origin: 'https://asiste.test',
    isSeen: () => isSeen,
    close: async () => {
      closed++
      if (closeFails) throw new Error('the database is busy')
    },
  })
  cleanups.push(() => session.close(), () => model.dispose())
  const customer = createRoot((dispose) => {
    cleanups.push(dispose)
    return createCustomerSession(makeFakeHub(rooms), session.sessionId, session.customerKey)
  })
  cleanups.push(() => customer.close()) // its receipt timers must not outlive the test's document

  await until(() => customer.phase() === 'intake')
  await customer.start({ name: 'Carla', request: 'The printer is offline', system: {} })
  await until(() => model.intake() !== undefined)
  return { session, model, customer, setSeen: (next: boolean) => (isSeen = next), closed: () => closed }
}

const texts = (model: RepSessionModel) => model.entries().filter((entry) => entry.kind === 'chat').map((entry) => entry.text)

describe('RepSessionModel', () => {
  it('shows the customer who joined and their messages, and sends the rep’s to the customer', async () => {
    const { model, customer } = await twoPeers()
    expect(model.attendees().map((attendee) => [attendee.name, attendee.role])).toEqual([
      ['Carla', 'customer'],
      ['Ana', 'rep'],
    ])
    customer.send('hello?')
    await until(() => texts(model).includes('hello?'))
    model.send('Hi Carla, I am here')
    await until(() => readTranscript(customer.doc).some((entry) => entry.text === 'Hi Carla, I am here'))
    expect(texts(model)).toEqual(['hello?', 'Hi Carla, I am here'])
  })

  it('keeps rep-only messages out of the customer’s document', async () => {
    const { model, customer } = await twoPeers()
    model.setAudience('reps')
    model.send('between us reps')
    model.setAudience('all')
    model.send('for everyone')
    await until(() => readTranscript(customer.doc).some((entry) => entry.text === 'for everyone'))
    expect(readTranscript(customer.doc).map((entry) => entry.text)).not.toContain('between us reps')
    expect(texts(model)).toEqual(['between us reps', 'for everyone'])
  })

  it('counts what arrives while the rep looks elsewhere, with no view mounted', async () => {
    const { model, customer, setSeen } = await twoPeers(false)
    customer.send('one')
    customer.send('two')
    await until(() => model.activity.unread() === 2)
    setSeen(true)
    model.activity.markRead()
    customer.send('three')
    await until(() => texts(model).includes('three'))
    expect(model.activity.unread()).toBe(0)
  })

  it('keeps the draft in the model (a view that unmounts loses nothing)', async () => {
    const { model } = await twoPeers()
    model.view.setDraft('half a sentence')
    expect(model.view.draft()).toBe('half a sentence')
  })

  it('ending closes the customer’s chat; closing is the owner’s call', async () => {
    const { model, customer, closed } = await twoPeers()
    model.end('resolved', 'printer back online')
    await until(() => readTranscript(customer.doc).some((entry) => entry.event === 'ended'))
    expect(model.ended()).toBe(true)
    await model.close()
    expect(closed()).toBe(1)
  })

  it('stops following its documents once disposed', async () => {
    const { model, customer } = await twoPeers()
    model.dispose()
    const before = texts(model).length
    customer.send('after dispose')
    await until(() => readTranscript(customer.doc).some((entry) => entry.text === 'after dispose'))
    expect(texts(model)).toHaveLength(before)
  })

  it('an action that fails says why instead of failing silently', async () => {
    const { model } = await twoPeers(true, true)
    expect(model.problem()).toBeUndefined()
    await model.close()
    expect(model.problem()).toBe('the database is busy')
  })

  it('reads the team’s script library only once a picker asks: nothing until then, then the library, kept current', async () => {
    const context: OpenContext = { profile, team, hub: makeFakeHub(new Map()), onCustomerJoined: () => undefined }
    const session = await createRepSession(context)
    const teamDoc = new Y.Doc()
    addScript(teamDoc, { kind: 'message', title: 'Greeting', text: 'Hello!', category: '' })
    const model = createRepSessionModel(session, { profile: () => profile, team: () => ({ doc: teamDoc }) as unknown as OpenTeam, origin: 'https://asiste.test', isSeen: () => true, close: async () => undefined })
    cleanups.push(() => session.close(), () => model.dispose())
    expect(model.scripts()).toBeUndefined() // the first read fetches the library's code
    await until(() => model.scripts() !== undefined)
    expect(model.scripts()?.map((script) => script.title)).toEqual(['Greeting'])
    addScript(teamDoc, { kind: 'url', title: 'Docs', text: 'https://example.com', category: '' })
    expect(model.scripts()?.map((script) => script.title)).toEqual(['Greeting', 'Docs'])
  })
})
