/**
 * Peer-to-peer file transfer over a dedicated data channel per transfer
 * (never through the signaling server, never into a CRDT document). The
 * channel rides on the room's existing RTCPeerConnection (a new SCTP stream,
 * no renegotiation) and is a ChunkedChannel like every Asiste channel.
 * This module holds what both sides share; fileSender.ts and fileReceiver.ts run them.
 *
 * Wire protocol (strings are JSON control messages, binary messages are file bytes in order):
 *   sender → `{t:'offer', id, name, size, mime}`; receiver → `{t:'accept'}` | `{t:'decline'}`;
 *   sender → bytes…, then `{t:'end', sha256}`; receiver → `{t:'ok'}` | `{t:'bad'}`;
 *   either side → `{t:'cancel'}`; a receiver already at its limit of channels (sideChannelSlots.ts)
 *   answers any channel with `{t:'busy'}` and closes it, before any offer reaches the person.
 * A channel that closes after the accept interrupts the transfer: both sides keep what they
 * have, and once the same peer is reachable again the sender opens a new channel with
 *   sender → `{t:'resume', id, size}`; receiver → `{t:'from', offset}` (bytes it holds) | `{t:'gone'}`
 * and the bytes continue from `offset`; the SHA-256 still covers the whole file.
 */
import type { ChunkedChannel } from './chunkedChannel'
import type { DocConnection } from './connectDoc'
import { SIDE_CHANNEL_EVENT, SIDE_CHANNEL_PREFIX } from './chunkingWrtc'
import type { PeerLink } from './presence'

/** Bytes per binary message: at the 256 KiB unframed limit, so ChunkedChannel sends it whole (framed only when its first byte is the frame type); fewer, larger reads are faster. */
export const FILE_CHUNK_BYTES = 256 * 1024
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../doc/schema'

export { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS }
/** Longest transfer id accepted in an offer. */
export const MAX_OFFER_ID_CHARS = 64

/** What a transfer is about. */
export interface FileOffer {
  id: string
  name: string
  size: number
  mime: string
}

/** How a transfer ended, or where it is. */
export type TransferPhase = 'offered' | 'waiting' | 'transferring' | 'interrupted' | 'verifying' | 'done' | 'declined' | 'cancelled' | 'failed'
/** Why a transfer failed. */
export type FailReason = 'connection' | 'checksum' | 'tooLarge' | 'protocol' | 'busy'

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

/**
 * Calls `onChannel` for every side channel a peer of the room opens to us. New peer connections are
 * looked for on every change of the connection, and on every call `rescan` makes to its argument
 * (a transfer waiting to resume looks more often than presence refreshes).
 */
export function watchFileChannels(
  connection: DocConnection,
  onChannel: (channel: ChunkedChannel, peerId: string) => void,
  rescan: (sync: () => void) => () => void = () => () => undefined,
): () => void {
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
  const stopRescan = rescan(sync)
  return () => {
    unsubscribe()
    stopRescan()
    hooked.forEach((listener, pc) => pc.removeEventListener(SIDE_CHANNEL_EVENT, listener))
    hooked.clear()
  }
}

/** A control message (a JSON object sent as a string); undefined for bytes or anything malformed. */
export function parseControl(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const parsed: unknown = JSON.parse(data)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Sends a control message if the channel is still open (a closing channel throws on send). */
export function sendControl(channel: ChunkedChannel, message: object): void {
  if (channel.readyState === 'open') channel.send(JSON.stringify(message))
}

/** Whether a new side channel to `link` can open now: its connection is up (a closed or lost one would never open it). */
export function canOpenFileChannel(link: PeerLink): boolean {
  const pc = link._pc
  if (!pc || link.destroyed || pc.signalingState === 'closed') return false
  return pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed'
}
