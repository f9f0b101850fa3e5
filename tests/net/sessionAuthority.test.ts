import { describe, expect, test } from 'vitest'
import { createDeviceSigningKeys, createSessionAuthority, fromBase64url, importSigningKey, importVerifyingKey, signEntry, toBase64url, verifyEntry } from '../../src/net/sessionAuthority'
import { canonicalEntryBytes } from '../../src/doc/signatures'
import type { Entry } from '../../src/doc/entry'

const entry: Entry = { id: '00lp3mzk0.0000.abc', kind: 'chat', audience: 'all', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'rep', text: 'héllo "quoted" \u0000', at: 1_700_000_000_000 }

describe('session authority keys', () => {
  test('an entry signed with the authority verifies against the public key from the link, and nothing else does', async () => {
    const authority = await createSessionAuthority()
    const signer = await importSigningKey(authority.privateKey)
    const verifier = await importVerifyingKey(authority.publicKey)
    const signature = await signEntry(signer!, 'session-1', entry)
    expect(await verifyEntry(verifier!, 'session-1', entry, signature)).toBe(true)
    expect(await verifyEntry(verifier!, 'session-2', entry, signature)).toBe(false)
    expect(await verifyEntry(verifier!, 'session-1', { ...entry, text: 'héllo' }, signature)).toBe(false)
    expect(await verifyEntry(verifier!, 'session-1', { ...entry, authorRole: 'system' }, signature)).toBe(false)
    expect(await verifyEntry(verifier!, 'session-1', { ...entry, eventKey: 'x' }, signature)).toBe(false)
    expect(await verifyEntry(verifier!, 'session-1', entry, 'AAAA')).toBe(false)
    expect(await verifyEntry(verifier!, 'session-1', entry, '!!')).toBe(false)
  })

  test("a device key (the customer's) cannot pass for the authority", async () => {
    const authority = await createSessionAuthority()
    const device = await createDeviceSigningKeys()
    const forged = await signEntry(device.privateKey, 'session-1', entry)
    expect(await verifyEntry((await importVerifyingKey(authority.publicKey))!, 'session-1', entry, forged)).toBe(false)
    expect(await verifyEntry((await importVerifyingKey(device.publicKey))!, 'session-1', entry, forged)).toBe(true)
  })

  test('Ed25519 keys are 32 bytes (43 base64url chars), signatures 64 bytes and deterministic', async () => {
    const authority = await createSessionAuthority()
    expect(fromBase64url(authority.publicKey)?.length).toBe(32)
    const signer = (await importSigningKey(authority.privateKey))!
    const [a, b] = [await signEntry(signer, 's', entry), await signEntry(signer, 's', entry)]
    expect(fromBase64url(a)?.length).toBe(64)
    expect(a).toBe(b)
  })

  test('garbage keys import as undefined instead of throwing', async () => {
    expect(await importVerifyingKey('A'.repeat(43))).toBeDefined() // 32 bytes: any value is a point encoding to try
    expect(await importVerifyingKey('short')).toBeUndefined()
    expect(await importVerifyingKey('a+b/')).toBeUndefined()
    expect(await importSigningKey('A'.repeat(64))).toBeUndefined()
  })

  test('the canonical bytes are the documented JSON array', () => {
    const text = new TextDecoder().decode(canonicalEntryBytes('session-1', entry))
    expect(text).toBe('["asiste/entry/v1","session-1","00lp3mzk0.0000.abc","chat","all","rep-1","Rafa","rep","héllo \\"quoted\\" \\u0000",1700000000000,null,null,null]')
  })

  test('base64url round-trips any bytes', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(fromBase64url(toBase64url(bytes))).toEqual(bytes)
    expect(toBase64url(bytes)).not.toMatch(/[+/=]/)
  })
})
