/**
 * Presence only for the sender's own client id. y-protocols applies every
 * entry of an awareness update, whoever it names, so a peer could relabel the
 * real rep as a customer or remove them. This filter keeps, per data-channel
 * link, only the entries of the client id that link owns. Ownership is taken
 * from the state that names the link's own y-webrtc peer id (see
 * createLinkAwarenessFilter); in a full mesh every other peer's presence
 * arrives over that peer's own link. connectDoc.ts runs one filter per
 * document channel, in front of y-webrtc (src/net/chunkingWrtc.ts).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

const MESSAGE_AWARENESS = 1 // y-webrtc's message type for an awareness update

interface AwarenessEntry {
  clientId: number
  clock: number
  state: string
}

function readEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) })
  }
  return entries
}

/** Keeps only `owner`'s entries of an awareness update; undefined when none is left (or it is malformed). */
export function filterAwarenessUpdate(update: Uint8Array, owner: number): Uint8Array | undefined {
  try {
    const kept = readEntries(update).filter((entry) => entry.clientId === owner)
    if (kept.length === 0) return undefined
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kept.length)
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.state)
    }
    return encoding.toUint8Array(encoder)
  } catch {
    return undefined
  }
}

/** What a link's filter needs from its connection (connectDoc.ts). */
export interface LinkAwarenessContext {
  /** The y-webrtc peer id at the other end of this link, once y-webrtc has registered it. */
  peerId(): string | undefined
  /** Takes `clientId` for `peerId`'s link; false when another live link already holds it. */
  claim?(clientId: number, peerId: string): boolean
  /** The presence `user` this page holds for `clientId` (from that client's own link), if any. */
  held?(clientId: number): unknown
  /** A foreign entry that would have changed who `clientId` is (its user id or role): refused, reported. */
  onRewrite?(peerId: string, clientId: number): void
}

function parseState(state: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(state)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function userOf(state: unknown): { id?: unknown; role?: unknown } | undefined {
  const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined
  return typeof user === 'object' && user !== null ? (user as { id?: unknown; role?: unknown }) : undefined
}

/**
 * A filter for one link's y-webrtc messages: awareness messages keep only the link owner's entries
 * (dropped entirely when none is left); every other message passes unchanged. The owner is the client
 * whose state names this link's own peer id (Asiste pages publish `peerId` with their presence; y-webrtc
 * sends every state it holds when a link opens, the sender's not necessarily first), taken once per link
 * and only if no other live link holds it. Without a context (tests of the bare rule) the first entry of
 * the link's first awareness update is the owner. Foreign entries are relays of other peers' presence
 * (y-webrtc forwards them) and are dropped: in a full mesh each peer's own link carries its presence.
 * One that would change another client's user id or role is reported as a rewrite.
 */
export function createLinkAwarenessFilter(context?: LinkAwarenessContext): (message: Uint8Array) => Uint8Array | undefined {
  let owner: number | undefined
  const findOwner = (entries: AwarenessEntry[]): number | undefined => {
    if (!context) return entries[0]?.clientId
    const peerId = context.peerId()
    if (peerId === undefined) return undefined
    const mine = entries.find((entry) => parseState(entry.state)?.peerId === peerId && (context.claim?.(entry.clientId, peerId) ?? true))
    return mine?.clientId
  }
  const reportRewrites = (entries: AwarenessEntry[]): void => {
    const peerId = context?.peerId()
    if (!context?.onRewrite || !context.held || peerId === undefined) return
    for (const entry of entries) {
      if (entry.clientId === owner) continue
      const claimed = userOf(parseState(entry.state))
      const held = userOf(context.held(entry.clientId))
      if (claimed && held && (claimed.id !== held.id || claimed.role !== held.role)) context.onRewrite(peerId, entry.clientId)
    }
  }
  return (message) => {
    try {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return message
      const update = decoding.readVarUint8Array(decoder)
      const entries = readEntries(update)
      owner ??= findOwner(entries)
      reportRewrites(entries)
      const kept = owner === undefined ? undefined : filterAwarenessUpdate(update, owner)
      if (!kept) return undefined
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, kept)
      return encoding.toUint8Array(encoder)
    } catch {
      return undefined
    }
  }
}
