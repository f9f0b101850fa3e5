import { describe, expect, test } from 'vitest'
import { makeChallenge, proveSessionKey, signCredentialRequest, verifyCredentialRequest, verifyPeerProof } from '../../src/net/peerProof'
import { createDeviceSigningKeys, createSessionAuthority, importSigningKey, importVerifyingKey } from '../../src/net/sessionAuthority'
import { parseCredentialRequest, type CredentialRequest } from '../../src/doc/credentialRequests'

async function authority() {
  const record = await createSessionAuthority()
  return { signer: (await importSigningKey(record.privateKey))!, verifier: (await importVerifyingKey(record.publicKey))! }
}

describe('a link proves the session key before screen, files or credentials go over it', () => {
  const rep = { peerId: 'peer-rep', fingerprint: 'sha-256 AA:01' }
  const customer = { peerId: 'peer-customer', fingerprint: 'sha-256 CC:02' }
  const link = { prover: rep, verifier: customer }

  test("a rep's answer verifies for that challenge and that link only", async () => {
    const { signer, verifier } = await authority()
    const challenge = makeChallenge()
    const proof = await proveSessionKey(signer, 's1', challenge, link)
    expect(await verifyPeerProof(verifier, 's1', challenge, link, proof)).toBe(true)
    expect(await verifyPeerProof(verifier, 's1', makeChallenge(), link, proof)).toBe(false) // replayed on a new challenge
    expect(await verifyPeerProof(verifier, 's1', challenge, { ...link, prover: { ...rep, peerId: 'peer-mallory' } }, proof)).toBe(false) // relayed for another peer
    expect(await verifyPeerProof(verifier, 's1', challenge, { ...link, verifier: { ...customer, peerId: 'peer-other' } }, proof)).toBe(false) // shown to another customer page
    expect(await verifyPeerProof(verifier, 's2', challenge, link, proof)).toBe(false)
  })

  test('a proof a peer got from the real rep over its own connection fails on the connection it shares with the customer', async () => {
    const { signer, verifier } = await authority()
    const challenge = makeChallenge() // the customer's challenge to Mallory, which Mallory relays to the rep
    // Mallory even takes the customer's and the rep's peer ids; the certificates are still each connection's own.
    const malloryToRep = { prover: rep, verifier: { peerId: customer.peerId, fingerprint: 'sha-256 MM:03' } }
    const relayed = await proveSessionKey(signer, 's1', challenge, malloryToRep)
    const customerToMallory = { prover: { peerId: rep.peerId, fingerprint: 'sha-256 MM:03' }, verifier: customer }
    expect(await verifyPeerProof(verifier, 's1', challenge, customerToMallory, relayed)).toBe(false)
  })

  test('a peer holding only the join link (or its own key) cannot answer', async () => {
    const { verifier } = await authority()
    const mallory = await createDeviceSigningKeys()
    const challenge = makeChallenge()
    expect(await verifyPeerProof(verifier, 's1', challenge, link, await proveSessionKey(mallory.privateKey, 's1', challenge, link))).toBe(false)
    expect(await verifyPeerProof(verifier, 's1', challenge, link, 42)).toBe(false)
    expect(await verifyPeerProof(verifier, 's1', 'short', link, 'AAAA')).toBe(false)
  })
})

describe('a credentials request counts only when a rep of the session made it', () => {
  const request: CredentialRequest = { id: 'req1', repId: 'rep-1', repName: 'Rafa', at: 1, state: 'pending', publicKey: { x: 'xxxx', y: 'yyyy' } }

  test("the rep's signed request verifies, also after the customer's answer is added; a swapped key or an unsigned one does not", async () => {
    const { signer, verifier } = await authority()
    const signed = { ...request, signature: await signCredentialRequest(signer, 's1', request) }
    const stored = parseCredentialRequest('req1', JSON.parse(JSON.stringify({ ...signed, id: undefined })))!
    expect(await verifyCredentialRequest(verifier, 's1', stored)).toBe(true)
    expect(await verifyCredentialRequest(verifier, 's1', { ...stored, state: 'provided', sealed: { epk: { x: 'a', y: 'b' }, iv: 'c', ct: 'd' } })).toBe(true)
    expect(await verifyCredentialRequest(verifier, 's1', { ...stored, publicKey: { x: 'evil', y: 'yyyy' } })).toBe(false)
    expect(await verifyCredentialRequest(verifier, 's1', request)).toBe(false)
  })

  test("a request written by a non-rep peer, signed with its own key, does not verify", async () => {
    const { verifier } = await authority()
    const mallory = await createDeviceSigningKeys()
    const forged = { ...request, signature: await signCredentialRequest(mallory.privateKey, 's1', request) }
    expect(await verifyCredentialRequest(verifier, 's1', forged)).toBe(false)
  })
})
