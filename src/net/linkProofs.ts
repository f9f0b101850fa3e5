/**
 * The link proof (docs/SCHEMA.md, "Link proofs"): before the customer's page
 * sends a peer its screen or files, or takes a file from it, that peer proves
 * over this very link that it holds the session authority's private key,
 * which only the session's reps hold (the customer's page has the public half
 * from the join link). Per link, once: the customer's page sends a fresh
 * challenge when the link opens (and again on a reconnect, which makes a new
 * link), the rep's page answers with the authority's signature over the
 * challenge and both ends of the link (peer ids and DTLS fingerprints,
 * src/net/peerProof.ts), and the customer's page checks it. The customer's
 * page then tells the proven reps what it refused, so their view flags it.
 * The rep's side is linkProver.ts (the console's start loads only that).
 */
import type { DocConnection } from './connectDoc'
import { peersByRole } from './mediaChannel'
import { MAX_REFUSALS, type PeerRefusal } from './linkProver'
import { makeChallenge, verifyPeerProof } from './peerProof'
import type { LinkMessageEvent, PeerLink } from './presence'

/** How long a link may take to prove before it counts as failed (it still becomes proven if a valid proof comes later). */
export const PROOF_TIMEOUT_MS = 8_000
/** How often a challenge is sent again while unanswered (the rep's page may have been busy opening the session). */
const CHALLENGE_RESEND_MS = 2_000
/** Most challenges per link: a peer that never answers is not asked for ever. */
const MAX_CHALLENGES = 5
/** Most proofs checked per link: a peer cannot make the page verify signatures without end. */
const MAX_PROOFS_CHECKED = 3

/** Where one link's proof stands. */
export type ProofStatus = 'proven' | 'pending' | 'failed'

/** The customer page's side: which links proved the session key. */
export interface LinkVerifier {
  /** Where the current link to `peerId` stands. */
  status(peerId: string): ProofStatus
  /** Resolves true once the link to `peerId` proves, false once it has failed (or is gone). */
  settled(peerId: string): Promise<boolean>
  /** Calls `listener` whenever a link's status changes; returns an unsubscribe. */
  onChange(listener: () => void): () => void
  /** Tells every proven rep (now and as they prove, also after a reconnect) what this page refused. */
  report(refusal: PeerRefusal): void
  stop(): void
}

interface LinkState {
  challenge: string
  /** When this page first saw the link: it has PROOF_TIMEOUT_MS from then. */
  firstSeenAt: number
  lastSentAt: number
  sent: number
  checked: number
  proven: boolean
  reported: Set<string>
}

/**
 * Runs the customer page's side over `connection`. `key` is the session's verification key from the
 * join link (undefined for a link without one: no peer can prove anything, so nothing is sent).
 */
export function verifyLinks(connection: DocConnection, sessionId: string, key: Promise<CryptoKey | undefined>, now: () => number = () => performance.now()): LinkVerifier {
  const states = new WeakMap<PeerLink, LinkState>()
  const listeners = new Set<() => void>()
  const reports: PeerRefusal[] = []
  const waiters = new Set<() => void>()
  let stopped = false
  const changed = (): void => {
    waiters.forEach((waiter) => waiter())
    listeners.forEach((listener) => listener())
  }
  const linkOf = (peerId: string): PeerLink | undefined => connection.peerLinks?.().get(peerId)
  const statusOf = (state: LinkState | undefined): ProofStatus => {
    if (!state) return 'pending'
    if (state.proven) return 'proven'
    return now() - state.firstSeenAt >= PROOF_TIMEOUT_MS || state.checked >= MAX_PROOFS_CHECKED ? 'failed' : 'pending'
  }
  const deliverReports = (peerId: string, state: LinkState): void => {
    for (const refusal of reports) {
      const id = `${refusal.what}\n${refusal.peerId}`
      if (state.reported.has(id)) continue
      if (connection.sendLinkMessage?.(peerId, { t: 'refused', what: refusal.what, peer: refusal.peerId, ...(refusal.claimedName === undefined ? {} : { name: refusal.claimedName }) })) state.reported.add(id)
    }
  }
  const lastStatus = new WeakMap<PeerLink, ProofStatus>()
  const tick = (): void => {
    if (stopped) return
    let any = false
    const peers = peersByRole(connection)
    connection.peerLinks?.().forEach((link, peerId) => {
      let state = states.get(link)
      const at = now()
      if (!state) {
        state = { challenge: makeChallenge(), firstSeenAt: at, lastSentAt: -Infinity, sent: 0, checked: 0, proven: false, reported: new Set() }
        states.set(link, state)
      }
      // Only peers that published presence are asked (every Asiste page does, at once): a stock y-webrtc
      // peer would log an unknown message type, and one without presence gets nothing anyway.
      const asked = peers.get(peerId)?.user !== undefined
      if (asked && !state.proven && state.sent < MAX_CHALLENGES && at - state.lastSentAt >= CHALLENGE_RESEND_MS) {
        if (connection.sendLinkMessage?.(peerId, { t: 'challenge', c: state.challenge })) {
          state.sent += 1
          state.lastSentAt = at
        }
      }
      if (state.proven) deliverReports(peerId, state)
      const status = statusOf(state)
      if (lastStatus.get(link) !== status) {
        lastStatus.set(link, status)
        any = true
      }
    })
    if (any) changed()
  }
  const onMessage = (event: LinkMessageEvent): void => {
    const { message, link, ends, peerId } = event
    if (message.t !== 'proof' || !link) return
    const state = states.get(link)
    if (!state || state.proven || state.checked >= MAX_PROOFS_CHECKED || message.c !== state.challenge || !ends) return
    state.checked += 1
    const binding = { prover: ends.remote, verifier: ends.local }
    void key
      .then((verifying) => (verifying ? verifyPeerProof(verifying, sessionId, state.challenge, binding, message.p) : false))
      .then((ok) => {
        if (ok) state.proven = true
        if (!stopped && linkOf(peerId) === link) tick()
      })
  }
  const stopMessages = connection.onLinkMessage?.(onMessage) ?? (() => undefined)
  const stopChanges = connection.onChange(tick)
  // A link that never answers turns `failed` with no event of its own: look again once its time is up.
  const timer = setInterval(tick, 1_000)
  tick()
  return {
    status: (peerId) => {
      const link = linkOf(peerId)
      return link ? statusOf(states.get(link)) : 'failed'
    },
    settled(peerId) {
      return new Promise((resolve) => {
        const check = (): boolean => {
          const link = linkOf(peerId)
          const status = link ? statusOf(states.get(link)) : 'failed'
          if (status === 'pending' && !stopped) return false
          waiters.delete(waiter)
          resolve(status === 'proven')
          return true
        }
        const waiter = (): void => void check()
        if (!check()) waiters.add(waiter)
      })
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    report(refusal) {
      if (reports.some((known) => known.what === refusal.what && known.peerId === refusal.peerId)) return
      if (reports.length >= MAX_REFUSALS) reports.shift()
      reports.push(refusal)
      connection.peerLinks?.().forEach((link, peerId) => {
        const state = states.get(link)
        if (state?.proven) deliverReports(peerId, state)
      })
    },
    stop() {
      stopped = true
      clearInterval(timer)
      stopMessages()
      stopChanges()
      changed() // pending waiters resolve false
      listeners.clear()
    },
  }
}

export { MAX_REFUSALS, parseRefusalReport, proveLinks, type LinkProver, type PeerRefusal, type RefusedAction } from './linkProver'
