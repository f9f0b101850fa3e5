import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  PORTAL_CODE_ALPHABET,
  PORTAL_CODE_LENGTH,
  derivePortalRoom,
  formatPortalCode,
  generatePortalCode,
  normalizePortalCode,
} from '../../src/net/portalRoom'
import { isValidKey, roomName } from '../../src/net/roomKeys'

const codeArbitrary = fc
  .array(fc.constantFrom(...PORTAL_CODE_ALPHABET), { minLength: PORTAL_CODE_LENGTH, maxLength: PORTAL_CODE_LENGTH })
  .map((symbols) => symbols.join(''))

describe('session codes', () => {
  it('the alphabet has no symbol that reads or writes like another (0/O, 1/I/L) and no U', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', 'U']) expect(PORTAL_CODE_ALPHABET).not.toContain(ambiguous)
    expect(new Set(PORTAL_CODE_ALPHABET).size).toBe(PORTAL_CODE_ALPHABET.length)
  })

  it('a new code is 6 symbols of the alphabet, and codes differ', () => {
    const codes = Array.from({ length: 200 }, () => generatePortalCode())
    for (const code of codes) {
      expect(code).toHaveLength(PORTAL_CODE_LENGTH)
      for (const symbol of code) expect(PORTAL_CODE_ALPHABET).toContain(symbol)
    }
    expect(new Set(codes).size).toBeGreaterThan(195)
  })

  it('random bytes past the last whole multiple of the alphabet are skipped, so no symbol is favoured', () => {
    // 240 = 8 × 30: bytes 240..255 would map to the first 16 symbols twice as often.
    let calls = 0
    const bytes = (length: number): Uint8Array => {
      const first = calls++ === 0
      return Uint8Array.from({ length }, (_, i) => (first && i < 6 ? 250 : i))
    }
    expect(generatePortalCode(bytes)).toBe(PORTAL_CODE_ALPHABET.slice(6, 12))
  })

  it('typed codes are read case-insensitively, ignoring spaces, dashes and dots', () => {
    for (const typed of ['k7p4qx', 'K7P-4QX', ' k7p 4qx ', 'K7P–4QX', 'k.7.p-4 q x', 'K7P\t4QX']) expect(normalizePortalCode(typed)).toBe('K7P4QX')
  })

  it('what cannot be a code is refused: wrong length or a symbol outside the alphabet', () => {
    for (const typed of ['', 'K7P4Q', 'K7P4QXX', 'K0P4QX', 'KOP4QX', 'K1P4QX', 'KLP4QX', 'K7P4Q!', 'K7P4QÉ']) expect(normalizePortalCode(typed)).toBeUndefined()
  })

  it('a shown code reads back as itself, whatever its case', () => {
    fc.assert(
      fc.property(codeArbitrary, (code) => {
        expect(formatPortalCode(code)).toMatch(/^.{3}-.{3}$/)
        expect(normalizePortalCode(formatPortalCode(code))).toBe(code)
        expect(normalizePortalCode(formatPortalCode(code).toLowerCase())).toBe(code)
      }),
    )
  })
})

describe('portal rooms', () => {
  it('the room is derived from the code alone: both sides get the same id and key', async () => {
    expect(await derivePortalRoom('K7P4QX')).toEqual(await derivePortalRoom('K7P4QX'))
  })

  it('the room id and key are 128-bit base64url values unlike the code, and different codes give different rooms', async () => {
    const a = await derivePortalRoom('K7P4QX')
    const b = await derivePortalRoom('K7P4QY')
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(isValidKey(a.key)).toBe(true)
    expect(a.id).not.toBe(a.key)
    expect(`${a.id}${a.key}`).not.toContain('K7P4QX')
    expect(b.id).not.toBe(a.id)
    expect(b.key).not.toBe(a.key)
    // What the signaling server sees is a hash of these, not the code.
    expect(await roomName('portal', a.id, a.key)).not.toContain('K7P4QX')
  })

  it('the derivation costs PBKDF2 iterations: a cheaper derivation gives another room', async () => {
    expect(await derivePortalRoom('K7P4QX', 1_000)).not.toEqual(await derivePortalRoom('K7P4QX'))
  })
})
