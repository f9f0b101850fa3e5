import { afterEach, describe, expect, it, vi } from 'vitest'
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

const SALT = 'deployment-A-salt-0123456789'
const OTHER_SALT = 'deployment-B-salt-9876543210'

/** PBKDF2-SHA-256 → id ‖ key, computed here independently of the module (100,000 iterations, as shipped). */
async function pbkdf2Room(code: string, salt: string): Promise<{ id: string; key: string }> {
  const encoder = new TextEncoder()
  const base = await crypto.subtle.importKey('raw', encoder.encode(code), 'PBKDF2', false, ['deriveBits'])
  const bits = Buffer.from(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations: 100_000 }, base, 256))
  return { id: bits.subarray(0, 16).toString('base64url'), key: bits.subarray(16).toString('base64url') }
}
/** The salt every deployment shared before issue 17. */
const CONSTANT_SALT = 'asiste/portal/v1'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

describe('portal rooms', () => {
  it('the room is derived from the code and the salt: both sides get the same id and key', async () => {
    expect(await derivePortalRoom('K7P4QX', SALT)).toEqual(await derivePortalRoom('K7P4QX', SALT))
  })

  it('two deployments (two salts) give different rooms for the same code', async () => {
    const a = await derivePortalRoom('K7P4QX', SALT)
    const b = await derivePortalRoom('K7P4QX', OTHER_SALT)
    expect(b.id).not.toBe(a.id)
    expect(b.key).not.toBe(a.key)
  })

  it('the old constant-salt room is never derived: not with a salt, and not without one (no salt known → refused)', async () => {
    // The independent derivation matches the module's format, so comparing with it means something.
    expect(await derivePortalRoom('K7P4QX', SALT)).toEqual(await pbkdf2Room('K7P4QX', `asiste/portal/v2:${SALT}`))
    const old = await pbkdf2Room('K7P4QX', CONSTANT_SALT)
    for (const salt of [SALT, OTHER_SALT, CONSTANT_SALT]) {
      const room = await derivePortalRoom('K7P4QX', salt)
      expect(room.id).not.toBe(old.id)
      expect(room.key).not.toBe(old.key)
    }
    const fresh = await import('../../src/net/portalRoom')
    await expect(fresh.derivePortalRoom('K7P4QX')).rejects.toThrow(/portal salt/)
  })

  it("without an explicit salt, the deployment's salt from the runtime config is used; offline, the cached config's", async () => {
    const cached = JSON.stringify({ signaling: [], iceServers: [], portalSalt: SALT })
    vi.stubGlobal('location', { protocol: 'https:', host: 'app.example.org' })
    vi.stubGlobal('localStorage', { getItem: () => cached, setItem: () => {} })
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')))
    const fresh = await import('../../src/net/portalRoom')
    expect(await fresh.derivePortalRoom('K7P4QX')).toEqual(await derivePortalRoom('K7P4QX', SALT))
  })

  it('a salt the server serves is read from /config.json and remembered', async () => {
    const fetched = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ portalSalt: OTHER_SALT }))))
    vi.stubGlobal('location', { protocol: 'https:', host: 'app.example.org' })
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} })
    vi.stubGlobal('fetch', fetched)
    const fresh = await import('../../src/net/portalRoom')
    expect(await fresh.derivePortalRoom('K7P4QX')).toEqual(await derivePortalRoom('K7P4QX', OTHER_SALT))
    await fresh.derivePortalRoom('K7P4QY')
    expect(fetched).toHaveBeenCalledTimes(1)
  })
  it('the room id and key are 128-bit base64url values unlike the code, and different codes give different rooms', async () => {
    const a = await derivePortalRoom('K7P4QX', SALT)
    const b = await derivePortalRoom('K7P4QY', SALT)
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
    expect(await derivePortalRoom('K7P4QX', SALT, 1_000)).not.toEqual(await derivePortalRoom('K7P4QX', SALT))
  })
})
