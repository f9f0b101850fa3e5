// The rep's credential requests outlive the controller that made them: the private key waits in
// IndexedDB (fake-indexeddb here), so a controller created after a reload opens the answer once.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { createCustomerCredentials, createRepCredentials, type RepCredentials } from '../../src/app/tools/credentials'
import { putCredentialRequest, readCredentialRequests, type CredentialRequest } from '../../src/doc/credentialRequests'
import { writeSessionAuthority } from '../../src/doc/session'
import { createSessionAuthority, importVerifyingKey } from '../../src/net/sessionAuthority'
import { verifyCredentialRequest } from '../../src/net/peerProof'
import { loadCredentialKeys } from '../../src/store/credentialKeys'
import type { CustomerIdentity } from '../../src/store/profile'
import { fakeRoom } from './fakeFileLinks'

const ANA = { repId: 'rep-1', name: 'Ana Rep' }

/** Resolves once `condition` holds (checked on every macrotask: IndexedDB and WebCrypto answer on their own turns). */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => (condition() ? resolve() : void setTimeout(check, 0))
    check()
  })
}

async function untilAsync(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 0))
}

async function setup(sessionId: string) {
  const room = await fakeRoom({ id: ANA.repId, name: ANA.name, role: 'rep' }, { id: 'c1', name: 'Carla', role: 'customer' })
  const customerDoc = new Y.Doc()
  const repDoc = new Y.Doc()
  const authority = await createSessionAuthority()
  writeSessionAuthority(repDoc, authority)
  const session = { sessionId, customerDoc, repDoc, customer: () => ({ connection: room.a.connection }) }
  const repController = (): { credentials: RepCredentials; dispose: () => void } =>
    createRoot((dispose) => ({ credentials: createRepCredentials(session), dispose }))
  // The customer's page checks requests against the session key its join link carries.
  const verifying = await importVerifyingKey(authority.publicKey)
  const verify = async (request: CredentialRequest) => verifying !== undefined && (await verifyCredentialRequest(verifying, sessionId, request))
  const customer = createRoot(() => {
    const [identity] = createSignal<CustomerIdentity | undefined>({ customerId: 'c1', name: 'Carla' })
    return createCustomerCredentials(customerDoc, identity, verify)
  })
  return { customerDoc, repController, customer }
}

describe('rep credentials across reloads', () => {
  it('an answer that arrives after the rep’s page reloaded is opened once, then its ciphertext and key are gone', async () => {
    const { customerDoc, repController, customer } = await setup('s-reload')
    const before = repController()
    await before.credentials.request(ANA)
    before.dispose() // the page goes away before the customer answers

    await until(() => customer.pending() !== undefined)
    await customer.send({ user: 'carla', password: 'secret-42' })
    const after = repController() // the reloaded page's controller, created with the session
    await until(() => after.credentials.revealed() !== undefined)
    expect(after.credentials.revealed()).toEqual({ user: 'carla', password: 'secret-42' })
    await until(() => readCredentialRequests(customerDoc)[0]?.sealed === undefined)
    // Shown once: neither the ciphertext nor the key is left for a later page to open.
    await untilAsync(async () => (await loadCredentialKeys('s-reload')).size === 0)
    after.dispose()
  })

  it('the kept key is non-extractable, belongs to its session only, and is deleted when the customer declines', async () => {
    const { repController, customer } = await setup('s-decline')
    const rep = repController()
    await rep.credentials.request(ANA)
    const kept = await loadCredentialKeys('s-decline')
    expect(kept.size).toBe(1)
    expect([...kept.values()][0]?.extractable).toBe(false)
    expect((await loadCredentialKeys('another-session')).size).toBe(0)
    expect(rep.credentials.pending()).toBe(true)

    await until(() => customer.pending() !== undefined)
    customer.decline()
    await until(() => !rep.credentials.pending())
    await untilAsync(async () => (await loadCredentialKeys('s-decline')).size === 0)
    expect(rep.credentials.revealed()).toBeUndefined()
    rep.dispose()
  })
})

describe('only a rep of the session can ask for credentials', () => {
  it('a request a peer with only the join link writes, unsigned or with its own key swapped in, is never shown', async () => {
    const { customerDoc, repController, customer } = await setup('s-forged')
    const point = { x: 'AAAA', y: 'BBBB' }
    putCredentialRequest(customerDoc, { id: 'forged-1', repId: ANA.repId, repName: ANA.name, at: Date.now(), state: 'pending', publicKey: point })
    const rep = repController()
    await rep.credentials.request(ANA)
    await until(() => customer.pending() !== undefined)
    const genuine = customer.pending()
    expect(genuine?.id).not.toBe('forged-1')
    // The attacker swaps its own key into the genuine, signed request: the signature no longer verifies.
    if (!genuine) throw new Error('no genuine request')
    putCredentialRequest(customerDoc, { ...genuine, publicKey: point })
    await until(() => customer.pending() === undefined)
    expect(customer.pending()).toBeUndefined()
    rep.dispose()
  })
})
