import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { entriesMap } from '../../src/doc/transcript'
import { receiptsMap } from '../../src/doc/receipts'
import { createDeviceSigningKeys, createSessionAuthority, importSigningKey, signReceipt } from '../../src/net/sessionAuthority'
import { trackSignedRepReceipt } from '../../src/app/session/signedRepReceipts'
import { createVerifiedRepReceipts } from '../../src/app/customer/verifiedRepReceipts'
import { customerDeliveryState } from '../../src/app/customer/customerDelivery'

const SESSION = 'session-1'
const first = '0mio00000.0001.a'
const mine = '0mio00000.0002.c' // the customer's message
const huge = 'zzzzzzzzz.zzzz.z' // a peer's forged entry at the largest id

beforeEach(() => {
  vi.stubGlobal('document', { visibilityState: 'visible', hasFocus: () => true, addEventListener: () => undefined, removeEventListener: () => undefined })
  vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined })
})
afterEach(() => vi.unstubAllGlobals())

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
const waitUntil = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await tick()
  expect(check()).toBe(true)
}

describe("reps' receipts in the customer doc are signed with the session authority", () => {
  test("the rep's signed receipt marks the customer's message seen; a link holder's unsigned or self-signed one does not", async () => {
    const authority = await createSessionAuthority()
    const signer = (await importSigningKey(authority.privateKey))!
    const customerDoc = new Y.Doc()
    const repDoc = new Y.Doc()
    for (const doc of [customerDoc, repDoc]) for (const id of [first, mine]) entriesMap(doc).set(id, { kind: 'chat' })
    entriesMap(customerDoc).set(huge, { kind: 'chat' }) // only in the customer doc: the record never took it
    const believed = createVerifiedRepReceipts(customerDoc, SESSION, authority.publicKey)

    // A peer holding the link: an unsigned rep receipt, then one signed with its own key.
    receiptsMap(customerDoc).set('rep-forged', { role: 'rep', delivered: mine, seen: mine })
    const device = await createDeviceSigningKeys()
    const selfSigned = { participantId: 'rep-self', role: 'rep' as const, delivered: mine, seen: mine }
    receiptsMap(customerDoc).set('rep-self', { role: 'rep', delivered: mine, seen: mine, signature: await signReceipt(device.privateKey, SESSION, selfSigned) })
    await believed.settled()
    expect(believed.receipts()).toEqual([])
    expect(customerDeliveryState(mine, believed.receipts())).toBe('outbox')

    // The genuine rep, on screen: its receipt is signed and counts.
    const stop = trackSignedRepReceipt(customerDoc, repDoc, SESSION, 'rep-1', () => Promise.resolve(signer), () => true)
    await waitUntil(() => believed.receipts().length === 1)
    await believed.settled()
    expect(believed.receipts()[0]).toMatchObject({ participantId: 'rep-1', delivered: mine, seen: mine })
    expect(customerDeliveryState(mine, believed.receipts())).toBe('seen')
    expect(customerDeliveryState(huge, believed.receipts())).toBe('outbox') // the rep never signs the peer's forged id

    // The peer copies the rep's signature onto a later id: it no longer verifies, so the mark is gone, not moved.
    const genuine = receiptsMap(customerDoc).get('rep-1') as Record<string, string>
    receiptsMap(customerDoc).set('rep-1', { ...genuine, seen: huge })
    await believed.settled()
    expect(customerDeliveryState(huge, believed.receipts())).toBe('outbox')
    stop()
    believed.stop()
  })

  test('a rep of a session made before signatures writes the unsigned receipt, which a link without a session key takes', async () => {
    const customerDoc = new Y.Doc()
    const repDoc = new Y.Doc()
    for (const doc of [customerDoc, repDoc]) entriesMap(doc).set(mine, { kind: 'chat' })
    const stop = trackSignedRepReceipt(customerDoc, repDoc, SESSION, 'rep-1', () => Promise.resolve(undefined), () => false)
    const believed = createVerifiedRepReceipts(customerDoc, SESSION, undefined)
    await waitUntil(() => believed.receipts().length === 1)
    expect(customerDeliveryState(mine, believed.receipts())).toBe('delivered')
    stop()
    believed.stop()
  })

  test("the customer's message counts once the record took it (it reaches the rep doc after the customer doc)", async () => {
    const authority = await createSessionAuthority()
    const signer = (await importSigningKey(authority.privateKey))!
    const customerDoc = new Y.Doc()
    const repDoc = new Y.Doc()
    entriesMap(customerDoc).set(mine, { kind: 'chat' })
    const believed = createVerifiedRepReceipts(customerDoc, SESSION, authority.publicKey)
    const stop = trackSignedRepReceipt(customerDoc, repDoc, SESSION, 'rep-1', () => Promise.resolve(signer), () => false)
    await tick()
    expect(receiptsMap(customerDoc).size).toBe(0)
    entriesMap(repDoc).set(mine, { kind: 'chat' })
    await waitUntil(() => believed.receipts().length === 1)
    expect(customerDeliveryState(mine, believed.receipts())).toBe('delivered')
    stop()
    believed.stop()
  })
})
