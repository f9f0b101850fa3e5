/**
 * The rep's side of the link proof (linkProofs.ts, docs/SCHEMA.md "Link
 * proofs"): answers each customer page's challenge with the session
 * authority's signature over it and both ends of the link, and collects what
 * customer pages report they refused. Apart from the customer's side so the
 * console's start loads only this (issue 20, bundles).
 */
import type { DocConnection } from './connectDoc'
import type { LinkMessageEvent, PeerLink } from './presence'

/** What the customer's page refused a peer that did not prove the session key. */
export type RefusedAction = 'screen' | 'fileOut' | 'fileIn'

/** A refusal as reported to the reps: what, to or from which peer (and the name it claimed). */
export interface PeerRefusal {
  what: RefusedAction
  peerId: string
  claimedName?: string
}

/** Most proofs a rep's page signs per link (a genuine page asks a handful of times at most). */
const MAX_ANSWERS = 10
/** Most refusals kept (per page): reports from a hostile peer cannot grow it. */
export const MAX_REFUSALS = 20
/** Longest peer id or claimed name read from a report. */
const MAX_REPORT_FIELD = 80

const ACTIONS = new Set<RefusedAction>(['screen', 'fileOut', 'fileIn'])

/** The rep page's side: answers challenges, and collects what the customer's page reports it refused. */
export interface LinkProver {
  /** Refusals reported by customer-side pages, oldest first. */
  refusals(): (PeerRefusal & { reportedBy: string; at: number })[]
  onChange(listener: () => void): () => void
  stop(): void
}

function boundedString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_REPORT_FIELD ? value : undefined
}

/** Reads a refusal report; undefined when malformed. */
export function parseRefusalReport(message: Record<string, unknown>): PeerRefusal | undefined {
  const what = message.what as RefusedAction
  const peerId = boundedString(message.peer)
  if (!ACTIONS.has(what) || peerId === undefined) return undefined
  const claimedName = boundedString(message.name)
  return { what, peerId, ...(claimedName === undefined ? {} : { claimedName }) }
}

/** Runs a rep page's side over `connection`, signing with the session authority `key()` gives (read when first needed). */
export function proveLinks(connection: DocConnection, sessionId: string, key: () => Promise<CryptoKey | undefined>): LinkProver {
  const answers = new WeakMap<PeerLink, number>()
  const refusals = new Map<string, PeerRefusal & { reportedBy: string; at: number }>()
  const listeners = new Set<() => void>()
  let signing: Promise<CryptoKey | undefined> | undefined
  const onMessage = (event: LinkMessageEvent): void => {
    const { message, link, ends } = event
    if (message.t === 'challenge') {
      const challenge = message.c
      if (typeof challenge !== 'string' || challenge.length > 64 || !link || !ends) return
      const count = answers.get(link) ?? 0
      if (count >= MAX_ANSWERS) return
      answers.set(link, count + 1)
      const pending = (signing ??= key())
      void pending.then(async (authority) => {
        if (!authority) {
          if (signing === pending) signing = undefined // not there yet (a joining rep's doc still syncing): read it again next time
          return
        }
        // The signing code is fetched at the first challenge, not at the console's start (issue 20, bundles).
        const { proveSessionKey } = await import('./peerProof')
        const proof = await proveSessionKey(authority, sessionId, challenge, { prover: ends.local, verifier: ends.remote })
        event.reply({ t: 'proof', c: challenge, p: proof })
      })
    } else if (message.t === 'refused') {
      const refusal = parseRefusalReport(message)
      if (!refusal) return
      const id = `${refusal.what}\n${refusal.peerId}`
      refusals.delete(id)
      refusals.set(id, { ...refusal, reportedBy: event.peerId, at: Date.now() })
      if (refusals.size > MAX_REFUSALS) refusals.delete(refusals.keys().next().value!)
      listeners.forEach((listener) => listener())
    }
  }
  const stop = connection.onLinkMessage?.(onMessage) ?? (() => undefined)
  return {
    refusals: () => [...refusals.values()],
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stop()
      listeners.clear()
    },
  }
}
