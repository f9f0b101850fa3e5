import { afterEach, describe, expect, test, vi } from 'vitest'
import type * as Y from 'yjs'
import { relayDocs } from '../../src/app/session/relayDocs'
import { createDeviceSigningKeys, createSessionAuthority, importVerifyingKey, signEntry, signReceipt, verifyEntry } from '../../src/net/sessionAuthority'
import { deliveryState, markReceipt, putSignedReceipt, readReceipts } from '../../src/doc/receipts'
import { initRepDoc, writeSessionAuthority } from '../../src/doc/session'
import { writeIntake } from '../../src/doc/intake'
import { appendEntry, readEntry, readTranscript } from '../../src/doc/transcript'
import { putSignatures, readSignature, signaturesMap } from '../../src/doc/signatures'
import { readCustomerBinding } from '../../src/doc/customerBinding'
import { chat, fromHostilePeer, makeDoc, repChat } from '../doc/fixtures'

const SESSION = 'session-1'

afterEach(() => vi.restoreAllMocks())

async function session() {
  const customerDoc = makeDoc(10)
  const repDoc = makeDoc(20)
  const authority = await createSessionAuthority()
  initRepDoc(repDoc, { sessionId: SESSION, createdAt: Date.now() - 60_000, portal: 'link', customerKey: 'k'.repeat(43) })
  writeSessionAuthority(repDoc, authority)
  const device = await createDeviceSigningKeys()
  writeIntake(customerDoc, { customerId: 'cust-1', customerName: 'Carla', request: 'printer', system: {}, publicKey: device.publicKey })
  const say = async (doc: Y.Doc, text: string, overrides = {}): Promise<string> => {
    const id = appendEntry(doc, chat({ text, at: Date.now(), ...overrides }))
    putSignatures(doc, [[id, await signEntry(device.privateKey, SESSION, readEntry(doc, id)!)]], 'test')
    return id
  }
  let joined = 0
  const relay = relayDocs(customerDoc, repDoc, () => joined++)
  return { customerDoc, repDoc, authority, device, say, relay, joined: () => joined }
}

describe('relayDocs with real signatures', () => {
  test("binds the first intake's key and mirrors what that key signed, with its signature", async () => {
    const { customerDoc, repDoc, device, say, relay, joined } = await session()
    expect(readCustomerBinding(repDoc)?.publicKey).toBe(device.publicKey)
    expect(joined()).toBe(1)
    const id = await say(customerDoc, 'my printer is on fire')
    await relay.settled()
    expect(readEntry(repDoc, id)?.text).toBe('my printer is on fire')
    expect(readSignature(repDoc, id)).toBe(readSignature(customerDoc, id))
    relay()
  })

  test("only a receipt the bound customer's device key signed reaches the record; a forged seen receipt (unsigned or another key) does not", async () => {
    const { customerDoc, repDoc, device, relay } = await session()
    const first = appendEntry(repDoc, repChat({ text: 'first', at: Date.now() }))
    const second = appendEntry(repDoc, repChat({ text: 'second', at: Date.now() + 1 }))
    await relay.settled()
    const mallory = await createDeviceSigningKeys()
    // A link holder marks the rep's later message seen: unsigned, then signed with its own key.
    const forged = { participantId: 'cust-1', role: 'customer' as const, delivered: second, seen: second }
    fromHostilePeer(customerDoc, (peer) => markReceipt(peer, forged))
    await relay.settled()
    fromHostilePeer(customerDoc, (peer) => putSignedReceipt(peer, { ...forged, signature: '' }))
    const withMalloryKey = await signReceipt(mallory.privateKey, SESSION, forged)
    fromHostilePeer(customerDoc, (peer) => putSignedReceipt(peer, { ...forged, signature: withMalloryKey }))
    await relay.settled()
    expect(deliveryState(second, 'rep-1', readReceipts(repDoc))).toBe('outbox')
    // The customer's own signed receipt counts.
    const genuine = { participantId: 'cust-1', role: 'customer' as const, delivered: second, seen: first }
    putSignedReceipt(customerDoc, { ...genuine, signature: await signReceipt(device.privateKey, SESSION, genuine) })
    await relay.settled()
    expect(deliveryState(first, 'rep-1', readReceipts(repDoc))).toBe('seen')
    expect(deliveryState(second, 'rep-1', readReceipts(repDoc))).toBe('delivered')
    relay()
  })

  test("a hostile peer's entries — its own key, the rep's id, no signature — never reach the record", async () => {
    const { customerDoc, repDoc, relay } = await session()
    const mallory = await createDeviceSigningKeys()
    const ids: string[] = []
    fromHostilePeer(customerDoc, (peer) => {
      ids.push(appendEntry(peer, chat({ text: 'unsigned', at: Date.now() })))
      ids.push(appendEntry(peer, chat({ text: 'signed by mallory', at: Date.now() })))
      ids.push(appendEntry(peer, chat({ authorId: 'rep-1', authorName: 'Rafa', text: 'I am Rafa', at: Date.now() })))
    })
    const signed = await Promise.all(ids.slice(1).map(async (id) => [id, await signEntry(mallory.privateKey, SESSION, readEntry(customerDoc, id)!)] as const))
    fromHostilePeer(customerDoc, (peer) => signed.forEach(([id, signature]) => signaturesMap(peer).set(id, signature)))
    await relay.settled()
    expect(readTranscript(repDoc)).toEqual([])
    relay()
  })

  test('publishes reps\' entries signed by the session authority; a swapped signature is put right', async () => {
    const { customerDoc, repDoc, authority, relay } = await session()
    const id = appendEntry(repDoc, repChat({ text: 'Hi, I am Rafa', at: Date.now() }))
    await relay.settled()
    const verifier = (await importVerifyingKey(authority.publicKey))!
    const signature = readSignature(customerDoc, id)!
    expect(await verifyEntry(verifier, SESSION, readEntry(customerDoc, id)!, signature)).toBe(true)
    fromHostilePeer(customerDoc, (peer) => signaturesMap(peer).set(id, 'A'.repeat(86)))
    await relay.settled()
    await relay.settled()
    expect(readSignature(customerDoc, id)).toBe(signature)
    relay()
  })

  test("a rep's new entry is signed at once, not after the step ahead of it (a receipt being verified) is done", async () => {
    const { customerDoc, repDoc, authority, device, relay } = await session()
    const first = appendEntry(repDoc, repChat({ text: 'first', at: Date.now() }))
    await relay.settled()
    // The customer's receipt of `first` is verified on the relay's queue; hold that verification.
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const verify = crypto.subtle.verify.bind(crypto.subtle)
    vi.spyOn(crypto.subtle, 'verify').mockImplementation(async (...args) => {
      await held
      return verify(...args)
    })
    const receipt = { participantId: 'cust-1', role: 'customer' as const, delivered: first }
    const receiptSignature = await signReceipt(device.privateKey, SESSION, receipt)
    const sign = vi.spyOn(crypto.subtle, 'sign')
    putSignedReceipt(customerDoc, { ...receipt, signature: receiptSignature })
    const second = appendEntry(repDoc, repChat({ text: 'second', at: Date.now() + 1 }))
    await vi.waitFor(() => expect(sign).toHaveBeenCalledTimes(1))
    expect(readEntry(customerDoc, second)).toBeUndefined() // its publish step still waits in the queue
    release()
    await relay.settled()
    const verifier = (await importVerifyingKey(authority.publicKey))!
    expect(await verifyEntry(verifier, SESSION, readEntry(customerDoc, second)!, readSignature(customerDoc, second)!)).toBe(true)
    expect(sign).toHaveBeenCalledTimes(1) // the step used the signature already made
    relay()
  })

  test("a team mate's relay that starts before the authority has synced signs what it published once the key arrives", async () => {
    const customerDoc = makeDoc(10)
    const repDoc = makeDoc(20)
    initRepDoc(repDoc, { sessionId: SESSION, createdAt: Date.now() - 60_000, portal: 'link', customerKey: 'k'.repeat(43) })
    const relay = relayDocs(customerDoc, repDoc, () => {})
    const id = appendEntry(repDoc, repChat({ text: 'Hi, I am Rafa', at: Date.now() }))
    await relay.settled()
    expect(readEntry(customerDoc, id)?.text).toBe('Hi, I am Rafa')
    expect(readSignature(customerDoc, id)).toBeUndefined()
    const authority = await createSessionAuthority()
    writeSessionAuthority(repDoc, authority)
    await relay.settled()
    const verifier = (await importVerifyingKey(authority.publicKey))!
    expect(await verifyEntry(verifier, SESSION, readEntry(customerDoc, id)!, readSignature(customerDoc, id)!)).toBe(true)
    relay()
  })
})
