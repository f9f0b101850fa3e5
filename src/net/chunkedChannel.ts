/**
 * A data channel that carries messages of any size over one whose SCTP
 * max-message-size is 256 KiB (y-webrtc/simple-peer otherwise drop bigger
 * sends silently; DESIGN.md §2). Each message travels as frames of at most
 * MAX_FRAME_BYTES, the first byte saying whether more follow; the channel is
 * ordered and reliable, so continuation framing is enough. Both ends must
 * wrap their channels. Sends queue here rather than in the browser, so the
 * real send buffer never passes HIGH_WATER_BYTES (Chromium closes a channel
 * whose 16 MiB buffer overflows). Only the members simple-peer uses are
 * mirrored, plus EventTarget listeners.
 */

/** Largest frame on the wire, header included: well under the 256 KiB SCTP message cap. */
export const MAX_FRAME_BYTES = 64 * 1024
/** Most bytes handed to the browser at once: its 16 MiB send buffer closes the channel on overflow. */
export const HIGH_WATER_BYTES = 1024 * 1024
/** Largest message sent or reassembled, so a peer cannot make us buffer without bound. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024

const PAYLOAD_BYTES = MAX_FRAME_BYTES - 1 // one header byte per frame
const LOW_WATER_BYTES = HIGH_WATER_BYTES / 2 // refill while half a high-water mark is still in flight

const FINAL_BINARY = 0 // last (or only) frame of a binary message
const MORE = 1 // more frames of this message follow
const FINAL_TEXT = 2 // last frame of a string message; the payload is UTF-8

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder()

/** The slice of RTCDataChannel that ChunkedChannel drives (a fake can stand in). */
export interface DataChannelLike {
  readonly label: string
  readonly readyState: RTCDataChannelState
  readonly bufferedAmount: number
  bufferedAmountLowThreshold: number
  binaryType: BinaryType
  send(data: Uint8Array<ArrayBuffer>): void
  close(): void
  addEventListener(type: string, listener: (event: Event) => void): void
}

/** An `error` event whose `error` says why the channel failed (simple-peer reads it). */
export type ChannelErrorEvent = Event & { readonly error: Error }

type Handler<E extends Event> = ((this: ChunkedChannel, event: E) => void) | null

/** Decides, per reassembled incoming message, whether it is delivered (false: ignored). */
export type InboundGate = (message: Uint8Array) => boolean

/** An RTCDataChannel look-alike that frames outgoing messages and reassembles incoming ones. */
export class ChunkedChannel extends EventTarget {
  onopen: Handler<Event> = null
  onclose: Handler<Event> = null
  onerror: Handler<ChannelErrorEvent> = null
  onmessage: Handler<MessageEvent> = null
  onbufferedamountlow: Handler<Event> = null
  binaryType: BinaryType = 'arraybuffer'

  readonly #real: DataChannelLike
  readonly #queue: Uint8Array<ArrayBuffer>[] = []
  #queuedBytes = 0
  #threshold = 0
  #parts: Uint8Array[] = []
  #partBytes = 0
  #stopped = false // closed or failed: late frames must not start a bogus message
  readonly #gate: InboundGate | undefined

  /**
   * Wraps `real`, which must be ordered and reliable and wrapped the same way at the other end;
   * `gate` (a per-peer rate limit, a format check) may drop incoming messages.
   */
  constructor(real: DataChannelLike, gate?: InboundGate) {
    super()
    this.#real = real
    this.#gate = gate
    real.binaryType = 'arraybuffer'
    this.#retarget()
    // Listeners, not on* properties, so the real channel's handlers stay free.
    real.addEventListener('message', (event) => this.#receive(event))
    real.addEventListener('bufferedamountlow', () => this.#drained())
    real.addEventListener('open', () => this.#emit(this.onopen, new Event('open')))
    real.addEventListener('close', () => {
      this.#stop()
      this.#emit(this.onclose, new Event('close'))
    })
    real.addEventListener('error', (event) => {
      const error = 'error' in event && event.error instanceof Error ? event.error : new Error('data channel error')
      this.#emit(this.onerror, errorEvent(error))
    })
  }

  /** The real channel's label. */
  get label(): string {
    return this.#real.label
  }

  /** The real channel's state. */
  get readyState(): RTCDataChannelState {
    return this.#real.readyState
  }

  /** Bytes not yet on the wire: the browser's buffer plus frames still queued here. */
  get bufferedAmount(): number {
    return this.#real.bufferedAmount + this.#queuedBytes
  }

  /** `onbufferedamountlow` fires when `bufferedAmount` falls to this many bytes or fewer. */
  get bufferedAmountLowThreshold(): number {
    return this.#threshold
  }

  set bufferedAmountLowThreshold(bytes: number) {
    this.#threshold = bytes
    this.#retarget()
  }

  /** Sends one message of any size up to MAX_MESSAGE_BYTES; it arrives as one message. */
  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.#real.readyState !== 'open') throw new DOMException('data channel is not open', 'InvalidStateError')
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) {
      // A Blob would need an async read, which could reorder it behind later sends.
      throw new TypeError('ChunkedChannel sends strings, ArrayBuffers and views only')
    }
    const bytes = typeof data === 'string' ? utf8Encoder.encode(data)
      : data instanceof ArrayBuffer ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (bytes.byteLength > MAX_MESSAGE_BYTES) throw new TypeError(`message exceeds ${MAX_MESSAGE_BYTES} bytes`)
    const final = typeof data === 'string' ? FINAL_TEXT : FINAL_BINARY
    const count = Math.max(1, Math.ceil(bytes.byteLength / PAYLOAD_BYTES))
    for (let i = 0; i < count; i++) {
      const payload = bytes.subarray(i * PAYLOAD_BYTES, (i + 1) * PAYLOAD_BYTES)
      const frame = new Uint8Array(payload.byteLength + 1)
      frame[0] = i === count - 1 ? final : MORE
      frame.set(payload, 1)
      this.#queue.push(frame)
      this.#queuedBytes += frame.byteLength
    }
    this.#pump()
  }

  /** Closes the real channel and drops anything not yet sent. */
  close(): void {
    this.#stop()
    this.#real.close()
  }

  /** Moves queued frames to the real channel while they fit under the high-water mark. */
  #pump(): void {
    try {
      for (let frame = this.#queue[0]; frame; frame = this.#queue[0]) {
        if (this.#real.bufferedAmount + frame.byteLength > HIGH_WATER_BYTES) break
        this.#real.send(frame)
        this.#queue.shift()
        this.#queuedBytes -= frame.byteLength
      }
    } catch (err) {
      // A frame lost mid-message would corrupt every later message: fail loudly instead.
      this.#fail(err instanceof Error ? err : new Error(String(err)))
      return
    }
    this.#retarget()
  }

  /** Asks the real channel to wake us to refill the queue, or to report `bufferedamountlow` upward. */
  #retarget(): void {
    if (this.#stopped) return
    this.#real.bufferedAmountLowThreshold = this.#queue.length > 0 ? LOW_WATER_BYTES : this.#threshold
  }

  #drained(): void {
    if (this.#stopped) return
    this.#pump()
    if (this.#queue.length === 0 && this.bufferedAmount <= this.#threshold) {
      this.#emit(this.onbufferedamountlow, new Event('bufferedamountlow'))
    }
  }

  #receive(event: Event): void {
    if (this.#stopped) return
    const data: unknown = 'data' in event ? event.data : undefined
    const frame = data instanceof ArrayBuffer ? new Uint8Array(data) : undefined
    const header = frame?.[0]
    if (!frame || (header !== FINAL_BINARY && header !== MORE && header !== FINAL_TEXT)) {
      this.#fail(new Error('malformed frame on chunked data channel'))
      return
    }
    const payload = frame.subarray(1)
    this.#partBytes += payload.byteLength
    if (this.#partBytes > MAX_MESSAGE_BYTES) {
      this.#fail(new Error(`incoming message exceeds ${MAX_MESSAGE_BYTES} bytes`))
      return
    }
    this.#parts.push(payload)
    if (header === MORE) return
    const whole = new Uint8Array(this.#partBytes)
    let offset = 0
    for (const part of this.#parts) {
      whole.set(part, offset)
      offset += part.byteLength
    }
    this.#parts = []
    this.#partBytes = 0
    if (this.#gate && !this.#gate(whole)) return
    const message = header === FINAL_TEXT ? utf8Decoder.decode(whole)
      : this.binaryType === 'blob' ? new Blob([whole]) : whole.buffer
    this.#emit(this.onmessage, new MessageEvent('message', { data: message }))
  }

  /** Reports `error` and closes: a broken stream must not be patched up silently. */
  #fail(error: Error): void {
    if (this.#stopped) return
    this.#stop()
    try {
      this.#real.close() // its close event comes later, so `error` still precedes `close`
    } catch {
      // Already closing: the close event still reaches onclose.
    }
    this.#emit(this.onerror, errorEvent(error))
  }

  #stop(): void {
    this.#stopped = true
    this.#queue.length = 0
    this.#queuedBytes = 0
    this.#parts = []
    this.#partBytes = 0
  }

  #emit<E extends Event>(handler: Handler<E>, event: E): void {
    try {
      handler?.call(this, event)
    } finally {
      this.dispatchEvent(event) // listeners still hear it if the handler throws, as in the DOM
    }
  }
}

function errorEvent(error: Error): ChannelErrorEvent {
  return Object.assign(new Event('error'), { error })
}
