/**
 * Invitations and handbacks across a team's day documents (issue 20, "a team document that stays small for
 * ever"). They used to live in the team doc, where every one ever written stayed (a deleted Y.Map key keeps
 * a tombstone: ~36 B each, 3.9 MB a year at 300 invitations a day even when pruned). Now they are written
 * to the team's day document of the day they are made (src/doc/teamSessions.ts), which devices sync only
 * while it is today or in grace, like the session rows.
 *
 * An invitation or handback is one record that changes state once (pending → accepted/declined, waiting →
 * taken). Reading several documents, the same id can appear more than once (carried into the next day, or
 * written by an older version to the team doc): the settled copy wins, whichever document it is in, so a
 * late device answering in yesterday's document is never hidden by today's pending copy. Claims on a
 * handback are the union over the documents. What is still pending moves into the new day at rotation
 * (`carryCoordination`, idempotent like the rows' carry), so a question asked at 23:59 is still there at 01:00.
 */
import type * as Y from 'yjs'
import { invitationsMap, parseInvitation, putInvitation, type Invitation } from './invitations'
import { HANDBACK_MAPS, putHandback, readHandbackClaims, readHandbacks, type Handback, type HandbackClaim } from './handbacks'
import { LOCAL } from './schema'

/** The maps of a document that hold invitations and handbacks (for observers). */
export const COORDINATION_MAPS = ['invitations', ...HANDBACK_MAPS] as const

function readInvitationsOf(doc: Y.Doc): Invitation[] {
  const out: Invitation[] = []
  invitationsMap(doc).forEach((raw, id) => {
    const invitation = parseInvitation(id, raw)
    if (invitation) out.push(invitation)
  })
  return out
}

/** Every invitation of the documents, one per id (a settled copy over a pending one), newest first. */
export function mergeInvitations(docs: readonly Y.Doc[]): Invitation[] {
  const byId = new Map<string, Invitation>()
  for (const doc of docs) {
    for (const invitation of readInvitationsOf(doc)) {
      const seen = byId.get(invitation.id)
      if (!seen || (seen.state === 'pending' && invitation.state !== 'pending')) byId.set(invitation.id, invitation)
    }
  }
  return [...byId.values()].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1))
}

/** Every handback of the documents, one per id (a taken copy over a waiting one), oldest first. */
export function mergeHandbacks(docs: readonly Y.Doc[]): Handback[] {
  const byId = new Map<string, Handback>()
  for (const doc of docs) {
    for (const handback of readHandbacks(doc)) {
      const seen = byId.get(handback.id)
      if (!seen || (seen.state === 'waiting' && handback.state !== 'waiting')) byId.set(handback.id, handback)
    }
  }
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}

/** The claims on a handback in any of the documents, one per rep (the earliest). */
export function mergeClaims(docs: readonly Y.Doc[], handbackId: string): HandbackClaim[] {
  const byRep = new Map<string, HandbackClaim>()
  for (const doc of docs) {
    for (const claim of readHandbackClaims(doc, handbackId)) {
      const seen = byRep.get(claim.repId)
      if (!seen || claim.at < seen.at) byRep.set(claim.repId, claim)
    }
  }
  return [...byRep.values()]
}

/** The first of `docs` that holds the handback. */
export function docWithHandback(docs: readonly Y.Doc[], id: string): Y.Doc | undefined {
  return docs.find((doc) => readHandbacks(doc).some((handback) => handback.id === id))
}

/**
 * Copies into `to` what `from` has that `to` should carry on: pending invitations and waiting handbacks made
 * since `notBefore` that `to` lacks, and the settled copy of any that `to` holds pending. Returns how many
 * were written (0 when run again: safe on every device at once).
 */
export function carryCoordination(from: Y.Doc, to: Y.Doc, notBefore: number): number {
  const invitations: Invitation[] = []
  const present = new Map(readInvitationsOf(to).map((invitation) => [invitation.id, invitation]))
  for (const invitation of readInvitationsOf(from)) {
    const there = present.get(invitation.id)
    if (there ? there.state === 'pending' && invitation.state !== 'pending' : invitation.state === 'pending' && invitation.at >= notBefore) invitations.push(invitation)
  }
  const handbacks: Handback[] = []
  const presentHandbacks = new Map(readHandbacks(to).map((handback) => [handback.id, handback]))
  for (const handback of readHandbacks(from)) {
    const there = presentHandbacks.get(handback.id)
    if (there ? there.state === 'waiting' && handback.state !== 'waiting' : handback.state === 'waiting' && handback.at >= notBefore) handbacks.push(handback)
  }
  if (invitations.length + handbacks.length > 0) {
    to.transact(() => {
      invitations.forEach((invitation) => putInvitation(to, invitation))
      handbacks.forEach((handback) => putHandback(to, handback))
    }, LOCAL)
  }
  return invitations.length + handbacks.length
}
