/**
 * Peer-to-peer file transfer over a dedicated data channel per transfer
 * (never through the signaling server, never into a CRDT document). The
 * channel rides on the room's existing RTCPeerConnection (a new SCTP stream,
 * no renegotiation) and is a ChunkedChannel like every Asiste channel.
 *
 * Wire protocol (strings are JSON control messages, binary messages are file bytes in order):
 *   sender → `{t:'offer', id, name, size, mime}`; receiver → `{t:'accept'}` | `{t:'decline'}`;
 *   sender → bytes…, then `{t:'end', sha256}`; receiver → `{t:'ok'}` | `{t:'bad'}`;
 *   either side → `{t:'cancel'}`. A channel that closes before the end is a dropped connection.
 */
import type { ChunkedChannel } from './chunkedChannel'
import type { DocConnection } from './connectDoc'
import { SIDE_CHANNEL_EVENT, SIDE_CHANNEL_PREFIX } from './chunkingWrtc'
import type { PeerLink } from './presence'

/** Bytes per binary message: ChunkedChannel frames it at 64 KiB; fewer, larger reads are faster. */
export const FILE_CHUNK_BYTES = 256 * 1024
/** Bytes queued on the channel before the sender waits: keeps the pipe full without loading the file into memory. */
const SEND_HIGH_WATER_BYTES = 8 * 1024 * 1024
const SEND_LOW_WATER_BYTES = 2 * 1024 * 1024
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../doc/schema'

export { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS }
/** Longest transfer id accepted in an offer. */
const MAX_OFFER_ID_CHARS = 64

/** What a transfer is about. */
export interface FileOffer {
  id: string
  name: string
  size: number
  mime: string
}

/** How a transfer ended, or where it is. */
export type TransferPhase = 'offered' | 'waiting' | 'transferring' | 'verifying' | 'done' | 'declined' | 'cancelled' | 'failed'
/** Why a transfer failed. */
export type FailReason = 'connection' | 'checksum' | 'tooLarge' | 'protocol'

/** Callbacks of one transfer. */
export interface TransferHooks {
  progress(bytes: number): void
  phase(phase: TransferPhase, reason?: FailReason): void
}

/** Hex SHA-256 of a blob (crypto.subtle has no streaming digest, so the whole file is read once). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Opens a side channel for transfer `id` to `link`. */
export function openFileChannel(link: PeerLink, id: string): ChunkedChannel {
  if (!link._pc) throw new Error('peer has no connection')
  return link._pc.createDataChannel(`${SIDE_CHANNEL_PREFIX}${id}`) as unknown as ChunkedChannel
}

/** Calls `onChannel` for every side channel a peer of the room opens to us. */
export function watchFileChannels(connection: DocConnection, onChannel: (channel: ChunkedChannel, peerId: string) => void): () => void {
  const hooked = new Map<RTCPeerConnection, (event: Event) => void>()
  const sync = (): void => {
    connection.peerLinks?.().forEach((link, peerId) => {
      const pc = link._pc
      if (!pc || hooked.has(pc)) return
      const listener = (event: Event): void => onChannel((event as Event & { channel: ChunkedChannel }).channel, peerId)
      hooked.set(pc, listener)
      pc.addEventListener(SIDE_CHANNEL_EVENT, listener)
    })
  }
  sync()
  const unsubscribe = connection.onChange(sync)
  return () => {
    unsubscribe()
    hooked.forEach((listener, pc) => pc.removeEventListener(SIDE_CHANNEL_EVENT, listener))
    hooked.clear()
  }
}

function control(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const parsed: unknown = JSON.parse(data)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Runs the sending side on `channel`; returns cancel. */
export function sendFile(channel: ChunkedChannel, offer: FileOffer, file: Blob, hooks: TransferHooks): () => void {
  let finished = false
  const finish = (phase: TransferPhase, reason?: FailReason): void => {
    if (finished) return
    finished = true
    hooks.phase(phase, reason)
    channel.close()
  }
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      channel.bufferedAmountLowThreshold = SEND_LOW_WATER_BYTES
      const done = (): void => {
        channel.removeEventListener('bufferedamountlow', done)
        channel.removeEventListener('close', done)
        resolve()
      }
      channel.addEventListener('bufferedamountlow', done)
      channel.addEventListener('close', done)
    })
  const pump = async (): Promise<void> => {
    hooks.phase('transferring')
    const hash = sha256Hex(file) // hashed while the bytes travel
    for (let offset = 0; offset < file.size && !finished; ) {
      if (channel.bufferedAmount > SEND_HIGH_WATER_BYTES) {
        await drained()
        continue
      }
      const chunk = await file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer()
      if (finished || channel.readyState !== 'open') return
      channel.send(chunk)
      offset += chunk.byteLength
      hooks.progress(Math.max(0, offset - channel.bufferedAmount))
    }
    if (finished) return
    const sha256 = await hash
    if (!finished && channel.readyState === 'open') {
      channel.send(JSON.stringify({ t: 'end', sha256 }))
      hooks.phase('verifying')
    }
  }
  const start = (): void => {
    channel.send(JSON.stringify({ t: 'offer', id: offer.id, name: offer.name, size: offer.size, mime: offer.mime }))
    hooks.phase('waiting')
  }
  channel.addEventListener('message', (event) => {
    const message = control((event as MessageEvent).data)
    if (message?.t === 'accept') pump().catch(() => finish('failed', 'connection'))
    else if (message?.t === 'decline') finish('declined')
    else if (message?.t === 'cancel') finish('cancelled')
    else if (message?.t === 'ok') {
      hooks.progress(file.size)
      finish('done')
    } else if (message?.t === 'bad') finish('failed', 'checksum')
  })
  channel.addEventListener('close', () => finish('failed', 'connection'))
  if (channel.readyState === 'open') start()
  else channel.addEventListener('open', start)
  return () => {
    if (finished) return
    if (channel.readyState === 'open') channel.send(JSON.stringify({ t: 'cancel' }))
    finish('cancelled')
  }
}

/** The receiving side of one channel, once its offer has arrived. */
export interface IncomingFile {
  offer: FileOffer
  accept(): void
  decline(): void
  cancel(): void
}

/**
 * Runs the receiving side on `channel`: `onOffer` gets the validated offer (an offer above
 * `maxBytes` is declined by itself); `onDone` gets the verified file.
 */
export function receiveFile(
  channel: ChunkedChannel,
  maxBytes: number,
  onOffer: (incoming: IncomingFile) => void,
  hooks: TransferHooks & { done(file: Blob): void },
): void {
  let offer: FileOffer | undefined
  let accepted = false
  let finished = false
  const parts: ArrayBuffer[] = []
  let received = 0
  const finish = (phase: TransferPhase, reason?: FailReason): void => {
    if (finished) return
    finished = true
    hooks.phase(phase, reason)
    if (phase !== 'done') channel.close()
  }
  const say = (message: object): void => {
    if (channel.readyState === 'open') channel.send(JSON.stringify(message))
  }
  const verify = async (expected: unknown): Promise<void> => {
    hooks.phase('verifying')
    const file = new Blob(parts, { type: offer?.mime ?? '' })
    const ok = received === offer?.size && typeof expected === 'string' && (await sha256Hex(file)) === expected
    say({ t: ok ? 'ok' : 'bad' })
    if (!ok) return finish('failed', 'checksum')
    hooks.done(file)
    finish('done')
  }
  channel.addEventListener('message', (event) => {
    if (finished) return
    const data: unknown = (event as MessageEvent).data
    if (data instanceof ArrayBuffer) {
      if (!accepted || !offer || received + data.byteLength > offer.size) return finish('failed', 'protocol')
      parts.push(data)
      received += data.byteLength
      hooks.progress(received)
      return
    }
    const message = control(data)
    if (!offer && message?.t === 'offer') {
      const { id, name, size, mime } = message
      if (typeof id !== 'string' || typeof name !== 'string' || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return finish('failed', 'protocol')
      if (id.length > MAX_OFFER_ID_CHARS || name.length > MAX_FILE_NAME_CHARS) {
        say({ t: 'decline' })
        return finish('failed', 'protocol')
      }
      offer = { id, name, size, mime: typeof mime === 'string' ? mime.slice(0, 100) : '' }
      if (size > maxBytes) {
        say({ t: 'decline' })
        return finish('failed', 'tooLarge')
      }
      const current = offer
      hooks.phase('offered')
      onOffer({
        offer: current,
        accept() {
          if (accepted || finished) return
          accepted = true
          say({ t: 'accept' })
          hooks.phase('transferring')
        },
        decline() {
          say({ t: 'decline' })
          finish('declined')
        },
        cancel() {
          say({ t: 'cancel' })
          finish('cancelled')
        },
      })
    } else if (message?.t === 'end' && accepted) void verify(message.sha256)
    else if (message?.t === 'cancel') finish('cancelled')
    else finish('failed', 'protocol')
  })
  channel.addEventListener('close', () => finish('failed', 'connection'))
}
