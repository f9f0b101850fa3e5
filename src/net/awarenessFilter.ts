/**
 * Presence only for the sender's own client id. y-protocols applies every
 * entry of an awareness update, whoever it names, so a peer could relabel the
 * real rep as a customer or remove them. This filter keeps, per data-channel
 * link, only the entries of the client id that link owns. Ownership is taken
 * from the first entry of the link's first awareness update: y-webrtc opens
 * each link by sending the sender's states with its own first (Awareness puts
 * the local state in its map before any remote one), and in a full mesh every
 * other peer's presence arrives over that peer's own link. Pure; wiring it in
 * front of y-webrtc belongs with src/net/peerMessageGuard.ts.
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

/**
 * A filter for one link's y-webrtc messages: awareness messages keep only the link owner's entries
 * (dropped entirely when none is left); every other message passes unchanged.
 */
export function createLinkAwarenessFilter(): (message: Uint8Array) => Uint8Array | undefined {
  let owner: number | undefined
  return (message) => {
    try {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return message
      const update = decoding.readVarUint8Array(decoder)
      owner ??= readEntries(update)[0]?.clientId
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
