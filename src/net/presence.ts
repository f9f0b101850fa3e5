/**
 * What peers say about themselves and how links look to the UI: shared by
 * the document connection, media and file channels (kept apart so none of
 * them imports another).
 */

/** Link state as the UI shows it. */
export type LinkState = 'online' | 'connecting' | 'offline'

/** What a peer publishes about itself in awareness. */
export interface PresenceUser {
  id: string
  name: string
  role: 'rep' | 'customer'
  typing?: boolean
  /** A rep whose caret is in the session notes. */
  editingNotes?: boolean
}

/** The slice of a simple-peer instance media needs. */
export interface PeerLink {
  readonly destroyed: boolean
  addStream(stream: MediaStream): void
  removeStream(stream: MediaStream): void
  on(event: 'stream', listener: (stream: MediaStream) => void): void
  off(event: 'stream', listener: (stream: MediaStream) => void): void
  /** simple-peer's record of streams received so far (a stream may arrive before we listen). */
  readonly _remoteStreams?: MediaStream[]
  /** The underlying RTCPeerConnection (for side data channels). */
  readonly _pc?: RTCPeerConnection
}

/** Validates a peer's presence record (awareness is untrusted input too). */
export function parsePresence(raw: unknown): PresenceUser | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const record = raw as Record<string, unknown>
  const { id, name, role, typing, editingNotes } = record
  if (typeof id !== 'string' || id.length > 64 || typeof name !== 'string' || name.length > 80) return undefined
  if (role !== 'rep' && role !== 'customer') return undefined
  return { id, name, role, typing: typing === true, editingNotes: editingNotes === true }
}

/** One end of a data-channel link: its y-webrtc peer id and its DTLS certificate fingerprint. */
export interface LinkEnd {
  peerId: string
  fingerprint: string
}

/** A link message (linkMessages.ts) as a connection hands it on: from whom, over which link, and how to answer on it. */
export interface LinkMessageEvent {
  peerId: string
  message: Record<string, unknown>
  /** The simple-peer instance it came over (a reconnect makes a new one). */
  link: PeerLink | undefined
  /** This end and the other end of that link; undefined while its descriptions lack a fingerprint. */
  ends: { local: LinkEnd; remote: LinkEnd } | undefined
  /** Sends a link message back over the same link. */
  reply(message: object): void
}

/** A peer that sent presence for another client, changing who that client is (refused). */
export interface PresenceRewrite {
  peerId: string
  /** When it was last tried (ms since the epoch). */
  at: number
  /** Whose presence it tried to change (the name that client published). */
  victimName?: string
}
