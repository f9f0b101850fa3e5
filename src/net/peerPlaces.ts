/**
 * Who gets one of a room's connection places (issue 18, fake announces). A
 * holder of the room key can send y-webrtc `announce` messages under fresh
 * peer ids as fast as the signaling server lets it; y-webrtc opens a
 * connection for each while it has fewer than its limit, and a connection that
 * never opens holds its place until it is dropped (peerGuard.ts). Here:
 * - peers that opened a data channel with this page in this room before
 *   ("proven", the last PROVEN_MEMORY of them) get a place whenever the room
 *   has one, so a genuine peer that reconnects keeps its place;
 * - never-proven ids share UNPROVEN_PLACES places at most, and at most
 *   NEW_PEER_BURST of them, then one per NEW_PEER_REFILL_MS, are let in.
 * A key holder sees genuine peer ids in signaling and can claim one: that
 * holds the one place of that id, and if its connection never opens the id
 * loses its privilege (it is treated as new from then on), so claims cost the
 * flood, not the room. A claim that does open (a key holder answering as that
 * id with real WebRTC) is an identity question (peer proofs), not this one.
 * Pure logic: the clock and the room's state are passed in.
 */

/** y-webrtc's connection limit here (its default is a random 20–34): fixed, so the room's capacity is known and tested. */
export const MAX_PEER_CONNECTIONS = 24
/** Places never-proven ids may hold at once (connecting, not yet open): the rest stay free for genuine peers. */
export const UNPROVEN_PLACES = 8
/** New (never-proven) ids let in at once… */
export const NEW_PEER_BURST = 8
/** …then one per this many ms. */
export const NEW_PEER_REFILL_MS = 2_000
/** Proven ids remembered: the most recent ones (ids are chosen by peers, so the memory is bounded). */
export const PROVEN_MEMORY = 64
/** How long an admitted id may take to show up in the room (y-webrtc decrypts the message again first). */
export const IN_FLIGHT_MS = 5_000

/** A peer id's connection in the room: open (data channel up), connecting, or none. */
export type PlaceState = 'open' | 'pending' | 'absent'

/** What the places read of the room. */
export interface RoomPlaces {
  /** Connections the room holds now (y-webrtc's `webrtcConns`). */
  size: number
  state(peerId: string): PlaceState
}

interface Admission {
  at: number
  proven: boolean
  /** Whether its connection has been seen in the room (then "absent" means closed, not "not yet created"). */
  seen: boolean
}

/** The places of one room. */
export class PeerPlaces {
  readonly max: number
  readonly #proven = new Map<string, number>() // id → when last proven; insertion order is recency
  readonly #admitted = new Map<string, Admission>()
  #tokens = NEW_PEER_BURST
  #refilledAt: number | undefined

  constructor(max = MAX_PEER_CONNECTIONS) {
    this.max = max
  }

  /** `peerId` opened a data channel with this page: from now on it has a place whenever one is free. */
  opened(peerId: string, now: number): void {
    this.#proven.delete(peerId)
    this.#proven.set(peerId, now)
    while (this.#proven.size > PROVEN_MEMORY) {
      const oldest = this.#proven.keys().next().value
      if (oldest === undefined) break
      this.#proven.delete(oldest)
    }
    this.#admitted.delete(peerId)
  }

  /** A connection under `peerId` never opened: its privilege, if it had one, is spent (someone may have claimed the id). */
  failed(peerId: string): void {
    this.#proven.delete(peerId)
    this.#admitted.delete(peerId)
  }

  /** Whether `peerId` opened a data channel here before (for tests and the guard). */
  proven(peerId: string): boolean {
    return this.#proven.has(peerId)
  }

  /** Forgets admissions whose connection opened, closed, or never came; call whenever the room's connections change. */
  sweep(room: RoomPlaces, now: number): void {
    this.#admitted.forEach((admission, peerId) => {
      const state = room.state(peerId)
      if (state === 'open') this.#admitted.delete(peerId)
      else if (state === 'pending') admission.seen = true
      else if (admission.seen || admission.at + IN_FLIGHT_MS < now) this.#admitted.delete(peerId)
    })
  }

  /** Never-proven ids holding or about to hold a place. */
  unprovenHeld(): number {
    let held = 0
    this.#admitted.forEach((admission) => {
      if (!admission.proven) held += 1
    })
    return held
  }

  /**
   * Whether a message that would open a connection to `peerId` (an `announce`, or an offer addressed to
   * this page) may reach y-webrtc. One that does not create a connection (the id has one) always may.
   */
  admit(peerId: string, room: RoomPlaces, now: number): boolean {
    if (room.state(peerId) !== 'absent') return true
    this.sweep(room, now)
    if (this.#admitted.has(peerId)) return true // admitted a moment ago, not created yet: same decision
    let inFlight = 0
    this.#admitted.forEach((admission) => {
      if (!admission.seen) inFlight += 1
    })
    if (room.size + inFlight >= this.max) return false
    if (this.#proven.has(peerId)) {
      this.#admitted.set(peerId, { at: now, proven: true, seen: false })
      return true
    }
    if (this.unprovenHeld() >= UNPROVEN_PLACES) return false
    this.#refill(now)
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    this.#admitted.set(peerId, { at: now, proven: false, seen: false })
    return true
  }

  #refill(now: number): void {
    if (this.#refilledAt === undefined) {
      this.#refilledAt = now
      return
    }
    const earned = Math.floor((now - this.#refilledAt) / NEW_PEER_REFILL_MS)
    if (earned <= 0) return
    this.#tokens = Math.min(NEW_PEER_BURST, this.#tokens + earned)
    this.#refilledAt += earned * NEW_PEER_REFILL_MS
  }
}
