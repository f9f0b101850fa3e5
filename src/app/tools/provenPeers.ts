/**
 * The customer page's view of which peers proved the session key over their
 * link (src/net/linkProofs.ts), across the connection coming and going, for
 * screen sharing and file transfer: both act only on proven links and report
 * what they refused to the proven reps.
 */
import { createEffect, onCleanup, type Accessor } from 'solid-js'
import type { DocConnection } from '../../net/connectDoc'
import { verifyLinks, type LinkVerifier, type PeerRefusal, type ProofStatus, type RefusedAction } from '../../net/linkProofs'
import { peersByRole } from '../../net/mediaChannel'
import { importVerifyingKey } from '../../net/sessionAuthority'

/** Which peers proved the session key, and where refusals go. */
export interface ProvenPeers {
  status(peerId: string): ProofStatus
  /** Resolves true once `peerId`'s link proves, false once it failed or is gone. */
  settled(peerId: string): Promise<boolean>
  onChange(listener: () => void): () => void
  report(refusal: PeerRefusal): void
}

/**
 * Verifies the links of the customer's connection with the session key of the join link (`authority`;
 * undefined for a link without one: then no peer is proven, and no screen or file goes anywhere).
 * Must run inside a reactive owner.
 */
export function createProvenPeers(connection: Accessor<DocConnection | undefined>, sessionId: string, authority: string | undefined): ProvenPeers {
  const key = authority === undefined ? Promise.resolve(undefined) : importVerifyingKey(authority)
  const listeners = new Set<() => void>()
  let verifier: LinkVerifier | undefined
  const changed = (): void => listeners.forEach((listener) => listener())
  createEffect(() => {
    const conn = connection()
    if (!conn) return
    const current = verifyLinks(conn, sessionId, key)
    verifier = current
    const stop = current.onChange(changed)
    changed()
    onCleanup(() => {
      stop()
      current.stop()
      if (verifier === current) verifier = undefined
    })
  })
  return {
    status: (peerId) => verifier?.status(peerId) ?? 'failed',
    settled: (peerId) => verifier?.settled(peerId) ?? Promise.resolve(false),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    report: (refusal) => verifier?.report(refusal),
  }
}

/**
 * Reports `what` for every peer of `connection` that claims to be a rep but failed to prove it,
 * now and as peers and proofs change, until the returned stop runs.
 */
export function reportUnprovenReps(connection: DocConnection, proven: ProvenPeers, what: RefusedAction): () => void {
  const check = (): void => {
    peersByRole(connection).forEach(({ user }, peerId) => {
      if (user?.role === 'rep' && proven.status(peerId) === 'failed') proven.report({ what, peerId, claimedName: user.name })
    })
  }
  check()
  const stopConnection = connection.onChange(check)
  const stopProofs = proven.onChange(check)
  return () => {
    stopConnection()
    stopProofs()
  }
}
