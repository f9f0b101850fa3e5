/**
 * Who is in a session right now, from live connections (awareness alone
 * lingers 30 s): the customer room (which comes and goes with Hide me / Show
 * me) and the rep room, plus what a customer-side peer forged or flooded.
 */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { Tampering } from '../../doc/tamper'
import { ignoredCustomerAttendees } from '../../doc/ignoredAttendees'
import { recordGrowthBudget } from '../../doc/recordGrowth'
import type { PresenceUser } from '../../net/presence'
import { createConnectionsReader, createDocReader, sameJson } from '../shell/createDocReader'
import { watchScreenRequests } from './screenRequestWatch'
import { unverifiedPeers, unverifiedReps, type UnverifiedPeer } from './unverifiedPeers'
import { watchTamperingWhenWritten } from './lazyTamperWatch'
import { peersByRole } from '../../net/mediaChannel'
import { readIntake } from '../../doc/intake'
import type { RepSession } from './repSession'
import type { RefusedAction } from '../../net/linkProofs'
import type { SessionShareState } from '../../store/storageBound'

/** A session's presence and the warnings about the customer side. */
export interface SessionPresence {
  /** Ids of everyone online: the customer from the customer room, reps from the rep room only. */
  online: Accessor<Set<string>>
  /** Customers typing now. */
  typingNames: Accessor<string[]>
  /** Other reps editing the notes now. */
  notesEditors: Accessor<string[]>
  setEditingNotes(editing: boolean): void
  tampering: Accessor<Tampering[]>
  /** Names claimed by customer-room peers that say they are reps but are not in the rep room. */
  spoofedReps: Accessor<string[]>
  /** When a peer was last throttled for flooding, if ever. */
  throttledAt: Accessor<number | undefined>
  /** How many attendees beyond the cap a customer-side peer wrote. */
  ignoredAttendees: Accessor<number>
  /** Live peers of the customer room that are neither the customer who joined nor a verified rep. */
  unverified: Accessor<UnverifiedPeer[]>
  /** The session's storage share once peers' updates were not stored for being past it (else undefined). */
  storageFull: Accessor<(SessionShareState & { cap: number }) | undefined>
  /** What was refused to customer-room peers that could not prove themselves: this page's own refusals and the customer page's reports. */
  refused: Accessor<RefusedAttempt[]>
}

/** Something refused to a customer-room peer, as the rep's view flags it. */
export interface RefusedAttempt {
  /**
   * `presence`: it sent presence changing who another client is (this page refused it); `screen`, `fileOut`,
   * `fileIn`: the customer's page reports it did not send it the screen or a file, or refused a file from it,
   * because it claimed to be a rep without proving the session key.
   */
  what: 'presence' | RefusedAction
  /** The peer's y-webrtc id. */
  peerId: string
  /** The name it claims, if any. */
  claimedName?: string
  /** For `presence`: whose presence it tried to change. */
  victimName?: string
}

/** Follows a session's presence. Must run inside a reactive owner. */
export function createSessionPresence(session: RepSession, selfId: () => string | undefined): SessionPresence {
  const [customerTick, setCustomerTick] = createSignal(0)
  createEffect(() => {
    const link = session.customer()
    if (!link) return
    onCleanup(link.connection.onChange(() => setCustomerTick((n) => n + 1)))
    if (link.proofs) onCleanup(link.proofs.onChange(() => setCustomerTick((n) => n + 1)))
  })
  const customerPresence = createMemo((): PresenceUser[] => {
    customerTick()
    return session.customer()?.connection.onlineUsers() ?? []
  })
  const repPresence = createConnectionsReader(
    () => [session.repConnection],
    () => session.repConnection.onlineUsers(),
  )
  const [storageTick, setStorageTick] = createSignal(0)
  onCleanup(session.storage.onChange(() => setStorageTick((n) => n + 1)))
  const [tampering, setTampering] = createSignal<Tampering[]>([])
  onCleanup(watchTamperingWhenWritten(session.customerDoc, session.repDoc, setTampering))
  const [refusedRequests, setRefusedRequests] = createSignal<Tampering[]>([])
  onCleanup(watchScreenRequests(session.customerDoc, session.repDoc, setRefusedRequests))
  // Customer entries kept out of the record for growing it too fast: flagged like a throttled flood.
  const growthRefusedAt = createDocReader(session.customerDoc, () => recordGrowthBudget(session.repDoc).lastRefusedAt)
  const ignoredAttendees = createDocReader(session.customerDoc, (doc) => ignoredCustomerAttendees(doc, session.repDoc))
  // Reps' presence comes from the rep room only: anyone with the customer key can claim to be a rep there.
  const online = createMemo(() => new Set([...customerPresence().filter((user) => user.role === 'customer'), ...repPresence()].map((user) => user.id).concat(selfId() ?? [])))
  return {
    online,
    typingNames: () => customerPresence().filter((user) => user.role === 'customer' && user.typing).map((user) => user.name),
    notesEditors: () => repPresence().filter((user) => user.editingNotes && user.id !== selfId()).map((user) => user.name),
    setEditingNotes: (editing) => session.repConnection.setEditingNotes(editing),
    tampering: () => (refusedRequests().length === 0 ? tampering() : [...tampering(), ...refusedRequests()]),
    spoofedReps: () => unverifiedReps(customerPresence(), new Set(repPresence().map((user) => user.id).concat(selfId() ?? []))).map((user) => user.name),
    throttledAt: () => {
      customerTick()
      const times = [session.customer()?.connection.snapshot().throttledAt, session.repConnection.snapshot().throttledAt, growthRefusedAt()].filter((at) => at !== undefined)
      return times.length > 0 ? Math.max(...times) : undefined
    },
    ignoredAttendees,
    storageFull: createMemo(
      () => {
        storageTick()
        const state = session.storage.state()
        return state.refusedBytes > 0 ? { ...state, cap: session.storage.cap } : undefined
      },
      undefined,
      { equals: sameJson },
    ),
    unverified: createMemo(
      () => {
        customerTick()
        const connection = session.customer()?.connection
        if (!connection) return []
        const verifiedReps = new Set(repPresence().map((user) => user.id).concat(selfId() ?? []))
        return unverifiedPeers(peersByRole(connection), verifiedReps, readIntake(session.repDoc, 'rep')?.customerId)
      },
      [],
      { equals: sameJson },
    ),
    refused: createMemo(
      (): RefusedAttempt[] => {
        customerTick()
        const link = session.customer()
        if (!link) return []
        const peers = peersByRole(link.connection)
        const claimed = (peerId: string): { claimedName?: string } => {
          const name = peers.get(peerId)?.user?.name
          return name === undefined ? {} : { claimedName: name }
        }
        const rewrites = (link.connection.presenceRewrites?.() ?? []).map(({ peerId, victimName }): RefusedAttempt => ({ what: 'presence', peerId, ...claimed(peerId), ...(victimName === undefined ? {} : { victimName }) }))
        const reported = (link.proofs?.refusals() ?? []).map(({ what, peerId, claimedName }): RefusedAttempt => ({ what, peerId, ...(claimedName === undefined ? claimed(peerId) : { claimedName }) }))
        return [...rewrites, ...reported]
      },
      [],
      { equals: sameJson },
    ),
  }
}
