/**
 * Media over the WebRTC links y-webrtc already holds. simple-peer's
 * `addStream` renegotiates (offer/answer, and a transceiver request when the
 * non-initiator adds a track) through y-webrtc's signaling, which is
 * encrypted with the room key; no second connection is opened.
 */
import type { DocConnection } from './connectDoc'
import { parsePresence, type PeerLink, type PresenceUser } from './presence'

/** Who each live peer of the room is, by y-webrtc peer id (from the presence they publish). */
export function peersByRole(connection: DocConnection): Map<string, { link: PeerLink; user: PresenceUser | undefined }> {
  const users = new Map<string, PresenceUser>()
  connection.awareness.getStates().forEach((state) => {
    const user = parsePresence(state.user)
    if (user && typeof state.peerId === 'string') users.set(state.peerId, user)
  })
  const result = new Map<string, { link: PeerLink; user: PresenceUser | undefined }>()
  connection.peerLinks?.().forEach((link, peerId) => result.set(peerId, { link, user: users.get(peerId) }))
  return result
}

/**
 * Sends `stream` to every live peer `accept` picks (by y-webrtc peer id and presence), now and as
 * peers come and go or `changes` reports (a link that proves itself later), until the returned stop
 * function runs (which also removes it from each peer).
 */
export function broadcastStream(
  connection: DocConnection,
  stream: MediaStream,
  accept: (peerId: string, user: PresenceUser | undefined) => boolean,
  changes: (listener: () => void) => () => void = () => () => undefined,
): () => void {
  const sentTo = new Set<PeerLink>()
  const sync = (): void => {
    peersByRole(connection).forEach(({ link, user }, peerId) => {
      if (sentTo.has(link) || link.destroyed || !accept(peerId, user)) return
      sentTo.add(link)
      link.addStream(stream)
    })
  }
  sync()
  const unsubscribe = connection.onChange(sync)
  const unsubscribeChanges = changes(sync)
  return () => {
    unsubscribe()
    unsubscribeChanges()
    sentTo.forEach((link) => {
      if (link.destroyed) return
      try {
        link.removeStream(stream)
      } catch {
        // The link closed meanwhile: nothing left to remove.
      }
    })
    sentTo.clear()
  }
}

/** Calls `onStream` for every media stream a peer of the room sends, including ones already received. */
export function watchRemoteStreams(connection: DocConnection, onStream: (stream: MediaStream, peerId: string) => void): () => void {
  const hooked = new Map<PeerLink, (stream: MediaStream) => void>()
  const sync = (): void => {
    connection.peerLinks?.().forEach((link, peerId) => {
      if (hooked.has(link) || link.destroyed) return
      const listener = (stream: MediaStream): void => onStream(stream, peerId)
      hooked.set(link, listener)
      link.on('stream', listener)
      link._remoteStreams?.forEach(listener)
    })
  }
  sync()
  const unsubscribe = connection.onChange(sync)
  return () => {
    unsubscribe()
    hooked.forEach((listener, link) => link.off('stream', listener))
    hooked.clear()
  }
}
