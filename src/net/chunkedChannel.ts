/**
 * A data channel that carries messages of any size over one whose SCTP
 * max-message-size is 256 KiB (y-webrtc/simple-peer otherwise drop bigger
 * sends silently; DESIGN.md §2). Messages stock y-webrtc could send go out
 * unchanged, so stock y-webrtc peers can read a session; only bigger (or
 * unusual) ones are split into frames (`wireFrames.ts`, docs/SCHEMA.md). The
 * channel is ordered and reliable, so continuation framing is enough. Sends
 * queue here rather than in the browser, and go to the browser's send buffer
 * (bytes not yet transmitted: `bufferedAmount`) while it holds at most half a
 * send window, or while the next message still fits in the window (Chromium
 * closes a channel whose 16 MiB buffer overflows).
 *
 * The window starts at START_WINDOW_BYTES. When the buffer falls to half the
 * window with messages waiting, and that took longer than GROW_AFTER_MS with
 * bytes still in the buffer (the link takes them slower than about half a
 * window per GROW_AFTER_MS: under 2 MB/s at 32 KiB), it doubles, up to
 * HIGH_WATER_BYTES. A link that takes a small window at once does not grow
 * it. A wake-up that finds the buffer empty does not grow it either: that
 * page was late to refill, and on loopback growing then put back the big
 * bursts that stall a fresh link (bench lateJoin at 10.7 MB, one run each: 5.5 s
 * with such growth, 3.3 s without). The price: a page too busy to refill often sends
 * slower. Measured by the lateJoin bench's raw row: a fresh Chromium link fed
 * up to 1 MiB at a time stopped for 1.3–1.9 s about 1 MB in (consistent with an
 * SCTP retransmission timeout) and took 2.0–4.6 s for 10.7 MB; fed ≤ 32 KiB it
 * did not stop and took 1.0–1.7 s.
 * Only the members simple-peer uses are mirrored, plus EventTarget listeners.
 */
import { MAX_MESSAGE_BYTES, MAX_RAW_BYTES, WireReader, toWireMessages } from './wireFrames'

export { MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, MAX_RAW_BYTES } from './wireFrames'
/** Most bytes handed to the browser at once: its 16 MiB send buffer closes the channel on overflow. */
export const HIGH_WATER_BYTES = 1024 * 1024
/** The send window a channel starts with (what the browser's buffer may hold at once, but for one big message). */
export const START_WINDOW_BYTES = 32 * 1024
/** A half window that takes longer than this to leave the buffer, bytes still in it, means a slow link: the window doubles. */
export const GROW_AFTER_MS = 8

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

/** Decides, per reassembled incoming message, whether it is delivered (false: ignored; bytes: delivered instead of it). */
export type InboundGate = (message: Uint8Array) => boolean | Uint8Array

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
  readonly #reader: WireReader
  #stopped = false // closed or failed: late frames must not start a bogus message
  readonly #gate: InboundGate | undefined
  readonly #maxRawBytes: () => number
  readonly #now: () => number
  #window = START_WINDOW_BYTES
  #owedLow = false // bufferedAmount was above the outer threshold: `bufferedamountlow` is owed once it is not
  #refilledAt = 0 // when the window was last topped up, waiting to drain

  /**
   * Wraps `real`, which must be ordered and reliable; the other end reads small messages even
   * unwrapped (stock y-webrtc), big ones only if it speaks the framing.
   * `gate` (a per-peer rate limit, a format check) may drop incoming messages; `maxRawBytes`
   * lowers the unframed limit to what the remote accepts (its SCTP max-message-size);
   * `maxMessageBytes` caps what one incoming message may make this channel buffer; `now` is the
   * clock the send window is timed on.
   */
  constructor(
    real: DataChannelLike,
    gate?: InboundGate,
    maxRawBytes: () => number = () => MAX_RAW_BYTES,
    maxMessageBytes = MAX_MESSAGE_BYTES,
    now: () => number = () => performance.now(),
  ) {
    super()
    this.#now = now
    this.#reader = new WireReader(maxMessageBytes)
    this.#real = real
    this.#gate = gate
    this.#maxRawBytes = maxRawBytes
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

  /** `onbufferedamountlow` fires when `bufferedAmount` (queued here included) falls from above this to this many bytes or fewer. */
  get bufferedAmountLowThreshold(): number {
    return this.#threshold
  }

  set bufferedAmountLowThreshold(bytes: number) {
    this.#threshold = bytes
    this.#retarget()
  }

  /** Sends one message of any size up to MAX_MESSAGE_BYTES; it arrives as one message (unframed when it can). */
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
    for (const wire of toWireMessages(bytes, typeof data === 'string', this.#maxRawBytes())) {
      this.#queue.push(wire)
      this.#queuedBytes += wire.byteLength
    }
    if (this.bufferedAmount > this.#threshold) this.#owedLow = true
    this.#pump()
  }

  /** Closes the real channel and drops anything not yet sent. */
  close(): void {
    this.#stop()
    this.#real.close()
  }

  /** The current send window, bytes (START_WINDOW_BYTES up to HIGH_WATER_BYTES). */
  get sendWindow(): number {
    return this.#window
  }

  /**
   * Moves queued messages to the real channel while it holds at most half the window or the next one
   * still fits in it: frames (≤ half the smallest window) never take it past the window; an unframed
   * message bigger than the window goes once it holds half or less.
   */
  #pump(): void {
    const hadQueue = this.#queue.length > 0
    try {
      for (let frame = this.#queue[0]; frame; frame = this.#queue[0]) {
        const buffered = this.#real.bufferedAmount
        if (buffered > this.#window / 2 && buffered + frame.byteLength > this.#window) break
        this.#real.send(frame)
        this.#queue.shift()
        this.#queuedBytes -= frame.byteLength
      }
    } catch (err) {
      // A frame lost mid-message would corrupt every later message: fail loudly instead.
      this.#fail(err instanceof Error ? err : new Error(String(err)))
      return
    }
    if (this.#queue.length > 0) this.#refilledAt = this.#now()
    this.#retarget()
    // The queue emptied with the buffer already at or under the outer threshold: the real channel will
    // not cross it from above, so report the owed `bufferedamountlow` here (after this call returns).
    if (hadQueue && this.#queue.length === 0 && this.#owedLow && this.#real.bufferedAmount <= this.#threshold) {
      queueMicrotask(() => {
        if (!this.#stopped && this.#owedLow && this.bufferedAmount <= this.#threshold) this.#reportLow()
      })
    }
  }

  /**
   * Asks the real channel to wake us at half the window to refill the queue, or at the outer threshold to
   * report `bufferedamountlow` upward. `#pump` stops only while the buffer is above half the window, so
   * the wake-up always comes.
   */
  #retarget(): void {
    if (this.#stopped) return
    this.#real.bufferedAmountLowThreshold = this.#queue.length > 0 ? this.#window / 2 : this.#threshold
  }

  #drained(): void {
    if (this.#stopped) return
    // Half the window left the buffer, slower than GROW_AFTER_MS, with bytes still in it: a slow link,
    // which a bigger window keeps busy. An empty buffer means this page was late to refill (see the top).
    const slowLink = this.#real.bufferedAmount > 0 && this.#now() - this.#refilledAt > GROW_AFTER_MS
    if (this.#queue.length > 0 && slowLink) this.#window = Math.min(this.#window * 2, HIGH_WATER_BYTES)
    this.#pump()
    // bufferedAmount counts what is queued here too, so with a high threshold this fires before the queue empties.
    if (this.#owedLow && this.bufferedAmount <= this.#threshold) this.#reportLow()
  }

  #reportLow(): void {
    this.#owedLow = false
    this.#emit(this.onbufferedamountlow, new Event('bufferedamountlow'))
  }

  #receive(event: Event): void {
    if (this.#stopped) return
    const read = this.#reader.read('data' in event ? event.data : undefined)
    if (read.kind === 'malformed') {
      this.#fail(new Error(`malformed message on chunked data channel: ${read.reason}`))
      return
    }
    if (read.kind !== 'message') return
    const verdict = this.#gate ? this.#gate(read.bytes) : true
    if (verdict === false) return
    const bytes = verdict === true ? read.bytes : Uint8Array.from(verdict)
    const message = read.text ? utf8Decoder.decode(bytes)
      : this.binaryType === 'blob' ? new Blob([bytes]) : bytes.buffer
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
    this.#reader.reset()
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
