/**
 * Which peer each transfer of one side is with, so a transfer cut by a
 * dropped link continues when that peer is back: y-webrtc keeps a peer's id
 * across reconnects, so the same id over a new peer connection (or the same
 * connection with a new channel) is the same page, still holding its half.
 * Resumes are tried whenever the room's peers or presence change, and every
 * RESUME_POLL_MS while a transfer waits, one channel at a time per transfer. When the other
 * user shows up under a new peer id while the old one is gone, their page
 * restarted and lost its half: the transfer fails instead of waiting forever;
 * so does an incoming one whose sender is back but never resumes it.
 */
import type { DocConnection } from '../../net/connectDoc'
import { canOpenFileChannel, openFileChannel } from '../../net/fileChannel'
import { peersByRole } from '../../net/mediaChannel'
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
  /** A transfer was interrupted: look for its peer now, and often until nothing waits. */
  wake(): void
  /** Calls `listener` on every poll (the channel watcher rescans for new peer connections); returns stop. */
  onPoll(listener: () => void): () => void
}

/**
 * How often a side with an interrupted transfer looks for its peer's link: the connection reports a
 * reconnected peer only at its next presence refresh (every 2 s), and a resume should not wait that long.
 */
export const RESUME_POLL_MS = 250
/**
 * A new peer connection is used for a resume only once it has been up this long, so the other page
 * (polling as often) has hooked it and hears the channel: one opened earlier goes unanswered.
 */
const RESUME_SETTLE_MS = RESUME_POLL_MS + 50
/**
 * How long a receiver waits for a resume once the sender's link is back: the sender tries every poll and
 * waits up to 8 s for each answer, so a link back this long without one means the sender cancelled
 * (it could not say so while the link was down) and the row would otherwise wait forever.
 */
export const INCOMING_RESUME_GRACE_MS = 20_000

const keyOf = (peerId: string, id: string): string => `${peerId}\n${id}`

type Peers = ReturnType<typeof peersByRole>

/** Who is at the other end of a transfer: their peer id, user id and the peer ids that user had then. */
interface Party {
  peerId: string
  userId: string | undefined
  knownPeers: Set<string>
}

function partyOf(connection: DocConnection | undefined, peerId: string): Party {
  const peers: Peers = connection ? peersByRole(connection) : new Map()
  const userId = peers.get(peerId)?.user?.id
  const knownPeers = new Set([...peers].filter(([, peer]) => userId !== undefined && peer.user?.id === userId).map(([id]) => id))
  return { peerId, userId, knownPeers: knownPeers.add(peerId) }
}

/** Whether the party's page restarted: their peer id is gone and their user is back under a new one. */
function restarted(party: Party, peers: Peers): boolean {
  if (party.userId === undefined || peers.has(party.peerId)) return false
  return [...peers].some(([id, peer]) => peer.user?.id === party.userId && !party.knownPeers.has(id))
}

/** Creates the table for one side. */
export function createTransferLinks(): TransferLinks {
  const outgoing = new Map<string, { party: Party; id: string; handle: OutgoingFile }>()
  const incoming = new Map<string, { party: Party; handle: ReceivedFile; linkBackAt?: number }>()
  let connection: DocConnection | undefined
  const pollers = new Set<() => void>()
  const firstSeen = new WeakMap<object, number>() // peer connection → when a resume first found it up
  let timer: ReturnType<typeof setInterval> | undefined
  const settled = (pc: object): boolean => {
    const now = performance.now()
    const seen = firstSeen.get(pc) ?? now
    firstSeen.set(pc, seen)
    return now - seen >= RESUME_SETTLE_MS
  }
  const retry = (): void => {
    const links = connection?.peerLinks?.()
    if (!links) return
    outgoing.forEach(({ party, id, handle }) => {
      const link = links.get(party.peerId)
      if (!handle.interrupted() || !link?._pc || !canOpenFileChannel(link) || !settled(link._pc)) return
      try {
        handle.resume(openFileChannel(link, id))
      } catch {
        // The connection closed meanwhile: the next change tries again.
      }
    })
  }
  const onChange = (): void => {
    const peers: Peers = connection ? peersByRole(connection) : new Map()
    for (const { party, handle } of [...outgoing.values(), ...incoming.values()]) {
      handle.checkChannel()
      if (handle.interrupted() && restarted(party, peers)) handle.abandon()
    }
    giveUpUnresumed()
    retry()
    poll()
  }
  const giveUpUnresumed = (): void => {
    const links = connection?.peerLinks?.()
    const now = performance.now()
    incoming.forEach((entry) => {
      const link = links?.get(entry.party.peerId)
      if (!entry.handle.interrupted() || !link || !canOpenFileChannel(link)) {
        entry.linkBackAt = undefined
        return
      }
      entry.linkBackAt ??= now
      if (now - entry.linkBackAt > INCOMING_RESUME_GRACE_MS) entry.handle.abandon()
    })
  }
  const waiting = (): boolean => [...outgoing.values(), ...incoming.values()].some(({ handle }) => handle.interrupted())
  // Polls only while something waits to resume; stops by itself once nothing does.
  const poll = (): void => {
    if (timer !== undefined || !connection || !waiting()) return
    timer = setInterval(() => {
      if (!connection || !waiting()) {
        clearInterval(timer)
        timer = undefined
        return
      }
      pollers.forEach((listener) => listener())
      onChange()
    }, RESUME_POLL_MS)
  }
  return {
    follow(next) {
      connection = next
      const stop = next.onChange(onChange)
      return () => {
        stop()
        if (connection !== next) return
        connection = undefined
        clearInterval(timer)
        timer = undefined
      }
    },
    sent: (peerId, id, handle) => outgoing.set(keyOf(peerId, id), { party: partyOf(connection, peerId), id, handle }),
    received: (peerId, id, handle) => incoming.set(keyOf(peerId, id), { party: partyOf(connection, peerId), handle }),
    resumable: (peerId, id) => incoming.get(keyOf(peerId, id))?.handle,
    forget(peerId, id) {
      outgoing.delete(keyOf(peerId, id))
      incoming.delete(keyOf(peerId, id))
    },
    // On a microtask: the transfer that asked is still inside its own drop handling.
    wake: () => queueMicrotask(onChange),
    onPoll(listener) {
      pollers.add(listener)
      return () => pollers.delete(listener)
    },
  }
}
