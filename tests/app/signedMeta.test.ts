import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { initCustomerDoc, initRepDoc, metaMap, readMetaSignature, writeSessionAuthority } from '../../src/doc/session'
import { SCHEMA_VERSION } from '../../src/doc/schema'
import { createDeviceSigningKeys, createSessionAuthority, importSigningKey, signSessionMeta, toBase64url } from '../../src/net/sessionAuthority'
import { keepMetaSigned } from '../../src/app/session/signedMeta'
import { createVerifiedMeta, verifiedSessionMeta } from '../../src/app/customer/verifiedMeta'

const SESSION = 'session-1'
const facts = { sessionId: SESSION, createdAt: 1_700_000_000_000, portal: 'link' }

async function setUp() {
  const authority = await createSessionAuthority()
  const signer = (await importSigningKey(authority.privateKey))!
  const repDoc = new Y.Doc()
  const customerDoc = new Y.Doc()
  initRepDoc(repDoc, { ...facts, customerKey: 'k'.repeat(43) })
  initCustomerDoc(customerDoc, facts) // a session made before meta was signed: no signature yet
  return { authority, signer, repDoc, customerDoc }
}

describe("the customer doc's meta is signed with the session authority", () => {
  test('a rep holding the authority signs the meta of an older session; the customer page believes it', async () => {
    const { authority, signer, repDoc, customerDoc } = await setUp()
    expect(await verifiedSessionMeta(customerDoc, SESSION, authority.publicKey)).toBeUndefined() // unsigned: not believed
    const keeper = keepMetaSigned(customerDoc, repDoc, () => Promise.resolve(signer))
    await keeper.settled()
    expect(readMetaSignature(customerDoc)).toBeDefined()
    expect(await verifiedSessionMeta(customerDoc, SESSION, authority.publicKey)).toEqual({ ...facts, schemaVersion: SCHEMA_VERSION })
    expect(await verifiedSessionMeta(customerDoc, 'session-2', authority.publicKey)).toBeUndefined()
    keeper.stop()
  })

  test("a link holder's newer schemaVersion, unsigned or self-signed, is not believed, and the rep puts the record's back", async () => {
    const { authority, signer, repDoc, customerDoc } = await setUp()
    const keeper = keepMetaSigned(customerDoc, repDoc, () => Promise.resolve(signer))
    await keeper.settled()
    const believed = createVerifiedMeta(customerDoc, SESSION, authority.publicKey)
    await believed.settled()
    expect(believed.meta()?.schemaVersion).toBe(SCHEMA_VERSION)

    // A hostile copy of the customer doc, as a peer holding the link would write it (the rep is not watching it).
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(customerDoc))
    metaMap(hostile).set('schemaVersion', 99)
    expect(await verifiedSessionMeta(hostile, SESSION, authority.publicKey)).toBeUndefined()
    const device = await createDeviceSigningKeys()
    metaMap(hostile).set('signature', await signSessionMeta(device.privateKey, { ...facts, schemaVersion: 99 }))
    expect(await verifiedSessionMeta(hostile, SESSION, authority.publicKey)).toBeUndefined()

    // The same forgery reaching the rep's copy: the customer page drops it at once, the rep restores the record's.
    Y.applyUpdate(customerDoc, Y.encodeStateAsUpdate(hostile))
    await believed.settled()
    await keeper.settled()
    await believed.settled()
    expect(metaMap(customerDoc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(believed.meta()?.schemaVersion).toBe(SCHEMA_VERSION)
    keeper.stop()
    believed.stop()
  })

  test('two visible reps with a P-256 authority (a new signature each time) settle on one signature, not taking turns', async () => {
    const { repDoc, customerDoc } = await setUp()
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair
    const authority = {
      publicKey: toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))),
      privateKey: toBase64url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))),
    }
    writeSessionAuthority(repDoc, authority)
    const signer = (await importSigningKey(authority.privateKey))!
    const [a, b] = [keepMetaSigned(customerDoc, repDoc, () => Promise.resolve(signer)), keepMetaSigned(customerDoc, repDoc, () => Promise.resolve(signer))]
    let writes = 0
    metaMap(customerDoc).observe(() => writes++)
    for (let round = 0; round < 5; round++) await Promise.all([a.settled(), b.settled()])
    const settled = writes
    const signature = readMetaSignature(customerDoc)
    for (let round = 0; round < 5; round++) await Promise.all([a.settled(), b.settled()])
    expect(writes).toBe(settled)
    expect(writes).toBeLessThanOrEqual(2)
    expect(readMetaSignature(customerDoc)).toBe(signature)
    expect(await verifiedSessionMeta(customerDoc, SESSION, authority.publicKey)).toEqual({ ...facts, schemaVersion: SCHEMA_VERSION })
    a.stop()
    b.stop()
  })

  test('a link made before signatures takes the meta as written', async () => {
    const { customerDoc } = await setUp()
    expect(await verifiedSessionMeta(customerDoc, SESSION, undefined)).toEqual({ ...facts, schemaVersion: SCHEMA_VERSION })
  })
})
