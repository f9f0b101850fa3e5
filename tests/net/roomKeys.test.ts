import { describe, expect, it } from 'vitest'
import { fromBase64Url, randomKey, roomName, toBase64Url } from '../../src/net/roomKeys'
import { deriveRepKey } from '../../src/net/repKeys'

/** The room name as WebCrypto computes it: what every earlier build sent to the signaling server. */
async function subtleRoomName(kind: string, id: string, key: string): Promise<string> {
  const data = new TextEncoder().encode(`asiste/room/v1\u0000${kind}\u0000${id}\u0000${key}`)
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', data)))
}

/** The rep key as WebCrypto's HKDF derives it (the earlier implementation). */
async function subtleRepKey(teamSecret: string, sessionId: string): Promise<string> {
  const base = await crypto.subtle.importKey('raw', fromBase64Url(teamSecret) as BufferSource, 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('asiste/rep-doc/v1'), info: new TextEncoder().encode(sessionId) },
    base,
    256,
  )
  return toBase64Url(new Uint8Array(bits))
}

describe('room names and rep keys without WebCrypto', () => {
  it('room names equal the SHA-256 WebCrypto gives', async () => {
    for (const kind of ['customer', 'rep', 'team', 'portal'] as const) {
      const id = toBase64Url(crypto.getRandomValues(new Uint8Array(9)))
      const key = randomKey()
      expect(await roomName(kind, id, key)).toBe(await subtleRoomName(kind, id, key))
    }
  })

  it('rep keys equal WebCrypto HKDF-SHA-256 (so reps on older builds meet in the same room), and differ per session', async () => {
    for (let i = 0; i < 8; i++) {
      const secret = randomKey()
      const sessionId = toBase64Url(crypto.getRandomValues(new Uint8Array(9)))
      expect(await deriveRepKey(secret, sessionId)).toBe(await subtleRepKey(secret, sessionId))
    }
    const secret = randomKey()
    expect(await deriveRepKey(secret, 'session-a')).not.toBe(await deriveRepKey(secret, 'session-b'))
  })
})
