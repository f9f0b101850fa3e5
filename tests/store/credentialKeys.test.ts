import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { deleteCredentialKey, loadCredentialKeys, saveCredentialKey } from '../../src/store/credentialKeys'

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const

describe('credential keys (IndexedDB)', () => {
  it('a kept key comes back as a usable, still non-extractable CryptoKey, for its session only, until deleted', async () => {
    const pair = await crypto.subtle.generateKey(CURVE, false, ['deriveBits'])
    await saveCredentialKey('s1', 'req-1', pair.privateKey)
    const back = (await loadCredentialKeys('s1')).get('req-1')
    expect(back?.extractable).toBe(false)
    const other = await crypto.subtle.generateKey(CURVE, true, ['deriveKey'])
    // Still derives the same secret as the original: the stored object is the key, not a copy of its bytes.
    const derive = (key: CryptoKey) => crypto.subtle.deriveBits({ name: 'ECDH', public: other.publicKey }, key, 256)
    expect(new Uint8Array(await derive(back!))).toEqual(new Uint8Array(await derive(pair.privateKey)))
    expect((await loadCredentialKeys('s2')).size).toBe(0)
    await deleteCredentialKey('req-1')
    expect((await loadCredentialKeys('s1')).size).toBe(0)
  })

  it('refuses an extractable key: its bytes could be read back out of IndexedDB', async () => {
    const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveKey'])
    await expect(saveCredentialKey('s1', 'req-2', pair.privateKey)).rejects.toThrow(/non-extractable/)
    expect((await loadCredentialKeys('s1')).has('req-2')).toBe(false)
  })
})
