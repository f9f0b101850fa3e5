/**
 * Asiste's own messages between the two ends of one data-channel link (the
 * link proof of linkProofs.ts), carried on y-webrtc's document channel with a
 * message type y-webrtc does not use, so they never reach y-webrtc. A stock
 * y-webrtc peer logs "Unable to compute message" for one and answers with an
 * empty message, which the wire reader ignores. Format (docs/SCHEMA.md, "Link
 * proofs"): varUint LINK_MESSAGE_TYPE, then a varString holding a JSON object.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** First byte of a link message: y-webrtc uses 0, 1, 3 and 4, Asiste's frames 65. */
export const LINK_MESSAGE_TYPE = 66
/** Largest link message read: a challenge, a proof or a refusal report is far smaller. */
export const MAX_LINK_MESSAGE_BYTES = 2_048

/** The wire bytes of link message `message`. */
export function encodeLinkMessage(message: object): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, LINK_MESSAGE_TYPE)
  encoding.writeVarString(encoder, JSON.stringify(message))
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/**
 * Reads a link message: `null` when `bytes` is not one (any other message), undefined when it is
 * one but malformed or too big (dropped), else its JSON object.
 */
export function readLinkMessage(bytes: Uint8Array): Record<string, unknown> | undefined | null {
  if (bytes[0] !== LINK_MESSAGE_TYPE) return null
  if (bytes.byteLength > MAX_LINK_MESSAGE_BYTES) return undefined
  try {
    const decoder = decoding.createDecoder(bytes)
    decoding.readVarUint(decoder)
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder))
    if (decoding.hasContent(decoder)) return undefined
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The DTLS fingerprint a session description declares (`a=fingerprint:<alg> <hex>`), normalised; undefined without one. */
export function sdpFingerprint(sdp: string | undefined): string | undefined {
  const match = sdp ? /^a=fingerprint:(\S+) ([0-9A-Fa-f:]+)\s*$/m.exec(sdp) : null
  return match ? `${match[1]!.toLowerCase()} ${match[2]!.toUpperCase()}` : undefined
}
