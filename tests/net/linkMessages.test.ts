import { describe, expect, test } from 'vitest'
import { LINK_MESSAGE_TYPE, MAX_LINK_MESSAGE_BYTES, encodeLinkMessage, readLinkMessage, sdpFingerprint } from '../../src/net/linkMessages'
import { isWellFormedPeerMessage } from '../../src/net/peerMessageGuard'

describe('link messages on the document channel', () => {
  test('round-trip as type 66 + a JSON string, which y-webrtc’s guard would never pass on', () => {
    const bytes = encodeLinkMessage({ t: 'challenge', c: 'abc' })
    expect(bytes[0]).toBe(LINK_MESSAGE_TYPE)
    expect(readLinkMessage(bytes)).toEqual({ t: 'challenge', c: 'abc' })
    expect(isWellFormedPeerMessage(bytes)).toBe(false)
  })

  test('other messages are not link messages; malformed or oversized ones are dropped', () => {
    expect(readLinkMessage(Uint8Array.of(0, 0, 1, 0))).toBeNull()
    expect(readLinkMessage(Uint8Array.of(LINK_MESSAGE_TYPE, 3, 0x7b, 0x7b, 0x7b))).toBeUndefined() // "{{{"
    expect(readLinkMessage(encodeLinkMessage(['not', 'an', 'object']))).toBeUndefined()
    expect(readLinkMessage(Uint8Array.of(...encodeLinkMessage({ t: 'x' }), 0))).toBeUndefined() // trailing bytes
    expect(readLinkMessage(encodeLinkMessage({ t: 'x', pad: 'y'.repeat(MAX_LINK_MESSAGE_BYTES) }))).toBeUndefined()
  })

  test('the DTLS fingerprint is read from a session description, normalised', () => {
    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=fingerprint:SHA-256 ab:CD:01\r\na=setup:actpass\r\n'
    expect(sdpFingerprint(sdp)).toBe('sha-256 AB:CD:01')
    expect(sdpFingerprint('v=0\r\n')).toBeUndefined()
    expect(sdpFingerprint(undefined)).toBeUndefined()
  })
})
