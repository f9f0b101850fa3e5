/**
 * Asiste's wire format on a data channel (docs/SCHEMA.md, "Wire format").
 * A message that stock y-webrtc could send goes out unchanged, so a stock
 * y-webrtc peer reads it; only what stock y-webrtc cannot carry (a message
 * over MAX_RAW_BYTES, an empty one, a string, or one whose first byte is
 * FRAME_MESSAGE_TYPE) is split into frames that start with a y-webrtc message
 * type y-webrtc does not use. A stock peer logs "Unable to compute message"
 * for such a frame and answers with an empty message, which the reader here
 * ignores. Pure: no channel, no timers.
 */

/** First byte of every frame: y-webrtc's own message types are 0, 1, 3 and 4; 65 ('A') is far from them and one varint byte. */
export const FRAME_MESSAGE_TYPE = 65
/** Largest message sent unframed: the max-message-size Chromium advertises (262,144 B), i.e. stock y-webrtc's own ceiling. */
export const MAX_RAW_BYTES = 256 * 1024
/** Largest frame on the wire, header included: half the smallest send window (chunkedChannel.ts), well under the 256 KiB SCTP cap. Readers take frames of any size. */
export const MAX_FRAME_BYTES = 16 * 1024
/** Largest message sent or reassembled, so a peer cannot make us buffer without bound. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024

/** Frame header: the message type byte, then one flag byte. */
export const FRAME_HEADER_BYTES = 2
const PAYLOAD_BYTES = MAX_FRAME_BYTES - FRAME_HEADER_BYTES

/** The flag byte of a frame. */
export const FrameFlag = {
  /** Last (or only) frame of a binary message. */
  finalBinary: 0,
  /** More frames of this message follow. */
  more: 1,
  /** Last frame of a string message; the payload is UTF-8. */
  finalText: 2,
} as const

/** Whether `bytes` (a binary message) can go on the wire exactly as it is, given the remote's limit. */
export function travelsRaw(bytes: Uint8Array, maxRawBytes = MAX_RAW_BYTES): boolean {
  return bytes.byteLength > 0 && bytes.byteLength <= Math.min(maxRawBytes, MAX_RAW_BYTES) && bytes[0] !== FRAME_MESSAGE_TYPE
}

/** The wire messages for one message: itself (a fresh copy) when it travels raw, else its frames in order. */
export function toWireMessages(bytes: Uint8Array, text: boolean, maxRawBytes = MAX_RAW_BYTES): Uint8Array<ArrayBuffer>[] {
  if (bytes.byteLength > MAX_MESSAGE_BYTES) throw new TypeError(`message exceeds ${MAX_MESSAGE_BYTES} bytes`)
  if (!text && travelsRaw(bytes, maxRawBytes)) return [bytes.slice()]
  const final = text ? FrameFlag.finalText : FrameFlag.finalBinary
  const count = Math.max(1, Math.ceil(bytes.byteLength / PAYLOAD_BYTES))
  const frames: Uint8Array<ArrayBuffer>[] = []
  for (let i = 0; i < count; i++) {
    const payload = bytes.subarray(i * PAYLOAD_BYTES, (i + 1) * PAYLOAD_BYTES)
    const frame = new Uint8Array(payload.byteLength + FRAME_HEADER_BYTES)
    frame[0] = FRAME_MESSAGE_TYPE
    frame[1] = i === count - 1 ? final : FrameFlag.more
    frame.set(payload, FRAME_HEADER_BYTES)
    frames.push(frame)
  }
  return frames
}

/** What one wire message meant. */
export type WireResult =
  | { kind: 'message'; bytes: Uint8Array<ArrayBuffer>; text: boolean }
  | { kind: 'partial' }
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: string }

/** Reassembles the wire messages of one direction of one channel (ordered and reliable). */
export class WireReader {
  #parts: Uint8Array[] = []
  #partBytes = 0
  readonly #maxMessageBytes: number

  /** `maxMessageBytes` lowers the reassembly cap for channels whose messages are known to be small (files). */
  constructor(maxMessageBytes: number = MAX_MESSAGE_BYTES) {
    this.#maxMessageBytes = Math.min(maxMessageBytes, MAX_MESSAGE_BYTES)
  }

  /** Reads the next wire message. After `malformed`, the stream is broken: close the channel. */
  read(data: unknown): WireResult {
    if (!(data instanceof ArrayBuffer)) return { kind: 'malformed', reason: 'a string on the wire' }
    const wire = new Uint8Array(data)
    // Stock y-webrtc's answer to a frame: nothing to read, and not an error.
    if (wire.byteLength === 0) return { kind: 'ignored' }
    if (wire[0] !== FRAME_MESSAGE_TYPE) {
      // Frames of one message are sent back to back; anything between them means a broken stream.
      if (this.#parts.length > 0) return { kind: 'malformed', reason: 'an unframed message inside a framed one' }
      return { kind: 'message', bytes: wire, text: false }
    }
    const flag = wire[1]
    if (flag !== FrameFlag.finalBinary && flag !== FrameFlag.more && flag !== FrameFlag.finalText) {
      return { kind: 'malformed', reason: 'a frame without a known flag' }
    }
    const payload = wire.subarray(FRAME_HEADER_BYTES)
    this.#partBytes += payload.byteLength
    if (this.#partBytes > this.#maxMessageBytes) return { kind: 'malformed', reason: `a message over ${this.#maxMessageBytes} bytes` }
    this.#parts.push(payload)
    if (flag === FrameFlag.more) return { kind: 'partial' }
    const whole = new Uint8Array(this.#partBytes)
    let offset = 0
    for (const part of this.#parts) {
      whole.set(part, offset)
      offset += part.byteLength
    }
    this.reset()
    return { kind: 'message', bytes: whole, text: flag === FrameFlag.finalText }
  }

  /** Forgets a half-received message (the channel closed). */
  reset(): void {
    this.#parts = []
    this.#partBytes = 0
  }
}
