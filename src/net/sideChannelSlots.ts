/**
 * How many side channels (file transfers) peers may have open to this page at
 * once, per peer connection and in total. Each open channel can make the page
 * buffer one incoming message, so the caps times MAX_SIDE_MESSAGE_BYTES bound
 * what hostile offers can hold before anyone accepts them (measured before:
 * 4 channels held 250 MiB, with no cap on how many).
 */

/** Open incoming file channels per peer: a person sends a few files at once, not dozens. */
export const MAX_SIDE_CHANNELS_PER_PEER = 4
/** Open incoming file channels in the whole page (all sessions): a rep with several customers sending at once. */
export const MAX_SIDE_CHANNELS_TOTAL = 16
/** Largest message reassembled on a file channel: a file chunk (256 KiB) or a control message, with room to spare. */
export const MAX_SIDE_MESSAGE_BYTES = 512 * 1024

/** The slice of a channel the slots need: whether it is still open or opening. */
export interface SlotChannel {
  readonly readyState: RTCDataChannelState
}

/** Counts open incoming side channels by peer connection. */
export class SideChannelSlots {
  readonly #open = new Map<SlotChannel, object>()

  constructor(
    readonly perPeer = MAX_SIDE_CHANNELS_PER_PEER,
    readonly total = MAX_SIDE_CHANNELS_TOTAL,
  ) {}

  /** Takes a slot for `channel` from `pc`; false (refuse it) when the peer or the page is at its cap. */
  take(pc: object, channel: SlotChannel): boolean {
    this.#prune()
    const ofPeer = [...this.#open.values()].filter((owner) => owner === pc).length
    if (ofPeer >= this.perPeer || this.#open.size >= this.total) return false
    this.#open.set(channel, pc)
    return true
  }

  /** Open channels counted now. */
  get size(): number {
    this.#prune()
    return this.#open.size
  }

  /** A closed channel frees its slot; read lazily, since a locally closed peer connection fires no close events. */
  #prune(): void {
    this.#open.forEach((_pc, channel) => {
      if (channel.readyState === 'closed' || channel.readyState === 'closing') this.#open.delete(channel)
    })
  }
}

/** The page's slots, shared by every room connection. */
export const pageSideChannelSlots = new SideChannelSlots()
