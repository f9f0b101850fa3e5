/**
 * Peers of a session's customer room that prove to be neither the customer who joined nor a rep of the
 * team (their presence is only a claim: awareness is untrusted input).
 */

/** Minimal presence shape compared here. */
interface Claim {
  id: string
  name: string
  role: 'rep' | 'customer'
}

/** A live peer of the customer room that is neither the bound customer nor a verified rep. */
export interface UnverifiedPeer {
  /** The peer's y-webrtc id (stable while its link lives). */
  peerId: string
  /** The name its presence claims, if it published one. */
  claimedName?: string
}

/**
 * Every live peer of the customer room that is not the customer who joined (the bound intake's id) nor a rep
 * present in the rep room: one claiming to be a rep, a second "customer", or — once the customer joined — a
 * peer with no presence at all.
 */
export function unverifiedPeers(peers: ReadonlyMap<string, { user: Claim | undefined }>, verifiedRepIds: ReadonlySet<string>, customerId: string | undefined): UnverifiedPeer[] {
  const found: UnverifiedPeer[] = []
  peers.forEach(({ user }, peerId) => {
    if (user?.role === 'rep' && verifiedRepIds.has(user.id)) return
    if (user?.role === 'customer' && customerId !== undefined && user.id === customerId) return
    // Before anyone joined, a peer with no presence is a customer still on the intake form: not a warning yet.
    if (!user && customerId === undefined) return
    found.push(user ? { peerId, claimedName: user.name } : { peerId })
  })
  return found.sort((a, b) => (a.peerId < b.peerId ? -1 : 1))
}

/**
 * Users of the customer room who claim to be reps but are not present in the rep room (which
 * needs the team's key) nor this rep: a customer-side peer spoofing its awareness.
 */
export function unverifiedReps<T extends Claim>(customerRoom: readonly T[], verifiedRepIds: ReadonlySet<string>): T[] {
  return customerRoom.filter((user) => user.role === 'rep' && !verifiedRepIds.has(user.id))
}
