import { describe, expect, it } from 'vitest'
import {
  ARCHIVE_KDF_ITERATIONS,
  ArchivePassphraseError,
  ENCRYPTED_ARCHIVE_FORMAT,
  buildArchive,
  encryptArchive,
  openArchive,
} from '../../src/app/history/sessionArchive'

/** Fewer iterations than an export uses, to keep the suite quick; still within what Import accepts. */
const TEST_ITERATIONS = 100_000
const UPDATE = Uint8Array.from([1, 2, 3, 250, 251])
const PLAIN = buildArchive([{ name: 'asiste:rep:Ab3_xY9-kLmN', update: UPDATE }], 1_764_680_400_000)

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (cause: unknown) => cause)
}

describe('archive encryption', () => {
  it('round-trips with the passphrase, at the iterations an export uses', async () => {
    const encrypted = await encryptArchive(PLAIN, 'correct horse battery staple')
    const file = JSON.parse(encrypted) as { format: string; kdf: { iterations: number } }
    expect(file.format).toBe(ENCRYPTED_ARCHIVE_FORMAT)
    expect(file.kdf.iterations).toBe(ARCHIVE_KDF_ITERATIONS)
    expect(ARCHIVE_KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    expect(await openArchive(encrypted, 'correct horse battery staple')).toEqual([{ name: 'asiste:rep:Ab3_xY9-kLmN', update: UPDATE }])
  })

  it('leaves nothing of the archive readable in the file', async () => {
    const encrypted = await encryptArchive(PLAIN, 'pw', TEST_ITERATIONS)
    expect(encrypted).not.toContain('asiste:rep')
    expect(encrypted).not.toContain(JSON.parse(PLAIN).docs[0].update)
  })

  it('asks for the passphrase, and says when it is wrong', async () => {
    const encrypted = await encryptArchive(PLAIN, 'right', TEST_ITERATIONS)
    const missing = await rejection(openArchive(encrypted))
    expect(missing).toBeInstanceOf(ArchivePassphraseError)
    expect((missing as ArchivePassphraseError).reason).toBe('needed')
    const wrong = await rejection(openArchive(encrypted, 'wrong'))
    expect((wrong as ArchivePassphraseError).reason).toBe('wrong')
  })

  it('refuses an altered ciphertext as it refuses a wrong passphrase (the AES-GCM tag)', async () => {
    const file = JSON.parse(await encryptArchive(PLAIN, 'pw', TEST_ITERATIONS)) as { ciphertext: string }
    const bytes = Buffer.from(file.ciphertext, 'base64')
    bytes[0] = (bytes[0] ?? 0) ^ 1
    const altered = JSON.stringify({ ...file, ciphertext: bytes.toString('base64') })
    expect(((await rejection(openArchive(altered, 'pw'))) as ArchivePassphraseError).reason).toBe('wrong')
  })

  it('uses a fresh salt and iv per export', async () => {
    const a = JSON.parse(await encryptArchive(PLAIN, 'pw', TEST_ITERATIONS)) as { kdf: { salt: string }; cipher: { iv: string } }
    const b = JSON.parse(await encryptArchive(PLAIN, 'pw', TEST_ITERATIONS)) as { kdf: { salt: string }; cipher: { iv: string } }
    expect(a.kdf.salt).not.toBe(b.kdf.salt)
    expect(a.cipher.iv).not.toBe(b.cipher.iv)
  })

  it('opens with the same passphrase typed composed or decomposed (NFC)', async () => {
    const encrypted = await encryptArchive(PLAIN, 'cami\u00f1o', TEST_ITERATIONS)
    expect(await openArchive(encrypted, 'camin\u0303o')).toHaveLength(1)
  })

  it.each([
    ['too few iterations', { iterations: 1_000 }],
    ['a runaway iteration count', { iterations: 1e12 }],
    ['another hash', { hash: 'SHA-1' }],
  ])('refuses a file with %s as not an archive, without deriving anything', async (_name, kdf) => {
    const file = JSON.parse(await encryptArchive(PLAIN, 'pw', TEST_ITERATIONS)) as { kdf: object }
    const hostile = JSON.stringify({ ...file, kdf: { ...file.kdf, ...kdf } })
    expect(await rejection(openArchive(hostile, 'pw'))).toBeInstanceOf(TypeError)
  })

  it('still opens plain archives, with or without a passphrase typed', async () => {
    expect(await openArchive(PLAIN)).toHaveLength(1)
    expect(await openArchive(PLAIN, 'ignored')).toHaveLength(1)
  })
})
