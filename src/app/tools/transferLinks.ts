/**
 * Which peer each transfer of one side is with, so a transfer cut by a
 * dropped link continues when that peer is back: y-webrtc keeps a peer's id
 * across reconnects, so the same id over a new peer connection (or the same
 * connection with a new channel) is the same page, still holding its half.
 * Resumes are tried whenever the room's peers or presence change (at least
 * every presence refresh), one channel at a time per transfer.
 */
import type { DocConnection } from '../../net/connectDoc'
import { canOpenFileChannel, openFileChannel } from '../../net/fileChannel'
import type { ReceivedFile } from '../../net/fileReceiver'
import type { OutgoingFile } from '../../net/fileSender'

/** The transfers of one side, by peer and transfer id. */
export interface TransferLinks {
  /** Follows `connection` (the current room of this side); returns stop. */
  follow(connection: DocConnection): () => void
  /** Records an outgoing transfer to `peerId`. */
  sent(peerId: string, id: string, outgoing: OutgoingFile): void
  /** Records an incoming transfer from `peerId` that a resume may continue. */
  received(peerId: string, id: string, received: ReceivedFile): void
  /** The incoming transfer `id` from `peerId`, if any (only that peer may resume it). */
  resumable(peerId: string, id: string): ReceivedFile | undefined
  /** Forgets a transfer that ended (nothing more to resume). */
  forget(peerId: string, id: string): void
  /** Tries to resume interrupted outgoing transfers now. */
  retry(): void
}

const keyOf = (peerId: string, id: string): string => `${peerId}\n${id}`

/** Creates the table for one side. */
export function createTransferLinks(): TransferLinks {
  const outgoing = new Map<string, { peerId: string; id: string; handle: OutgoingFile }>()
  const incoming = new Map<string, ReceivedFile>()
  let connection: DocConnection | undefined
  const retry = (): void => {
    const links = connection?.peerLinks?.()
    if (!links) return
    outgoing.forEach(({ peerId, id, handle }) => {
      const link = links.get(peerId)
      if (!handle.interrupted() || !link || !canOpenFileChannel(link)) return
      try {
        handle.resume(openFileChannel(link, id))
      } catch {
        // The connection closed meanwhile: the next change tries again.
      }
    })
  }
  const onChange = (): void => {
    outgoing.forEach(({ handle }) => handle.checkChannel())
    incoming.forEach((handle) => handle.checkChannel())
    retry()
  }
  return {
    follow(next) {
      connection = next
      const stop = next.onChange(onChange)
      return () => {
        stop()
        if (connection === next) connection = undefined
      }
    },
    sent: (peerId, id, handle) => outgoing.set(keyOf(peerId, id), { peerId, id, handle }),
    received: (peerId, id, handle) => incoming.set(keyOf(peerId, id), handle),
    resumable: (peerId, id) => incoming.get(keyOf(peerId, id)),
    forget(peerId, id) {
      outgoing.delete(keyOf(peerId, id))
      incoming.delete(keyOf(peerId, id))
    },
    // On a microtask: the transfer that asked is still inside its own drop handling.
    retry: () => queueMicrotask(retry),
  }
}
