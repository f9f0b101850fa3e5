// Sealing for team portals (src/net/portalSeal.ts): both ends derive the same request key, nobody else
// can, and a sealed record is bound to its slot.
import { describe, expect, it } from 'vitest'
import { createSealKeys, deriveRequestKey, isSealPublicKey, openJson, sealJson } from '../../src/net/portalSeal'

describe('portal sealing', () => {
  it('the customer and a rep derive the same request key; what one seals the other opens', async () => {
    const portal = await createSealKeys()
    const customer = await createSealKeys()
    expect(isSealPublicKey(portal.publicKey)).toBe(true)
    const atCustomer = await deriveRequestKey(customer.privateKey, portal.publicKey, 'portal1', 'req1')
    const atRep = await deriveRequestKey(portal.privateKey, customer.publicKey, 'portal1', 'req1')
    if (!atCustomer || !atRep) throw new Error('no key')
    const sealed = await sealJson(atCustomer, { name: 'Carla', problem: 'printer' }, 'slot-a')
    expect(sealed.ct).not.toContain('Carla')
    expect(await openJson(atRep, sealed, 'slot-a')).toEqual({ name: 'Carla', problem: 'printer' })
    const answer = await sealJson(atRep, { k: 'claim' }, 'slot-b')
    expect(await openJson(atCustomer, answer, 'slot-b')).toEqual({ k: 'claim' })
  })

  it('another portal, another request id or a third party cannot open it; a moved ciphertext does not open', async () => {
    const portal = await createSealKeys()
    const customer = await createSealKeys()
    const stranger = await createSealKeys()
    const key = await deriveRequestKey(customer.privateKey, portal.publicKey, 'portal1', 'req1')
    if (!key) throw new Error('no key')
    const sealed = await sealJson(key, { secret: 'x' }, 'slot-a')
    const others = await Promise.all([
      deriveRequestKey(stranger.privateKey, portal.publicKey, 'portal1', 'req1'), // another customer
      deriveRequestKey(portal.privateKey, customer.publicKey, 'portal1', 'req2'), // another request
      deriveRequestKey(portal.privateKey, customer.publicKey, 'portal2', 'req1'), // another portal
      deriveRequestKey(stranger.privateKey, customer.publicKey, 'portal1', 'req1'), // someone with only the public keys
    ])
    for (const other of others) {
      if (!other) throw new Error('no key')
      expect(await openJson(other, sealed, 'slot-a')).toBeUndefined()
    }
    const rep = await deriveRequestKey(portal.privateKey, customer.publicKey, 'portal1', 'req1')
    if (!rep) throw new Error('no key')
    expect(await openJson(rep, sealed, 'slot-b')).toBeUndefined()
    expect(await openJson(rep, { ...sealed, ct: sealed.ct.slice(0, -2) + (sealed.ct.endsWith('AA') ? 'BB' : 'AA') }, 'slot-a')).toBeUndefined()
  })

  it('junk keys and junk records give undefined, never a throw', async () => {
    const portal = await createSealKeys()
    expect(await deriveRequestKey('junk', portal.publicKey, 'p', 'r')).toBeUndefined()
    expect(await deriveRequestKey(portal.privateKey, 'A'.repeat(87), 'p', 'r')).toBeUndefined() // not a curve point
    expect(await deriveRequestKey(portal.privateKey, 'short', 'p', 'r')).toBeUndefined()
    const key = await deriveRequestKey(portal.privateKey, (await createSealKeys()).publicKey, 'p', 'r')
    if (!key) throw new Error('no key')
    expect(await openJson(key, { iv: 'bad!', ct: 'x' }, 'a')).toBeUndefined()
    expect(await openJson(key, { iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' }, 'a')).toBeUndefined()
  })
})
