/**
 * What the team doc forgets (issue 20, "a team document that stays small for ever"). Invitations and
 * handbacks are live coordination, not records: once answered (or left unanswered long after the session
 * could still use them) nothing reads them again, yet every rep device of the team syncs every one ever
 * written. Any rep's client deletes those past their window; a Y.Map delete drops the value and keeps a
 * few bytes of tombstone, so the doc stays about the size of what is still live.
 *
 * Deleting is idempotent and safe to race: two reps pruning at once delete the same keys, and an answer
 * written offline to an invitation that another device has already deleted comes back as an answered,
 * old invitation, which the next prune deletes again. The session's own record (its transcript and
 * status notes) keeps what happened; History never reads these maps.
 */
import type * as Y from 'yjs'
import { invitationsMap, parseInvitation } from './invitations'
import { HANDBACK_MAPS, readHandbackClaims, readHandbacks } from './handbacks'
import { LOCAL } from './schema'

const HOUR_MS = 60 * 60 * 1000
/** How long an answered invitation or a taken handback stays: a day covers a rep reading what happened after a shift. */
export const SETTLED_KEEP_MS = 24 * HOUR_MS
/** How long an unanswered one stays: a week, long after any customer has stopped waiting. */
export const UNANSWERED_KEEP_MS = 7 * 24 * HOUR_MS

/** What one prune deleted. */
export interface PruneCount {
  invitations: number
  handbacks: number
  claims: number
}

/** Deletes the team doc's settled invitations and handbacks older than their window; returns how many. */
export function pruneTeamDoc(doc: Y.Doc, now: number): PruneCount {
  const invitations: string[] = []
  invitationsMap(doc).forEach((raw, id) => {
    const invitation = parseInvitation(id, raw)
    if (invitation && now - invitation.at > (invitation.state === 'pending' ? UNANSWERED_KEEP_MS : SETTLED_KEEP_MS)) invitations.push(id)
  })
  const [handbackMapName, claimMapName] = HANDBACK_MAPS
  const handbacks = readHandbacks(doc).filter((handback) => now - handback.at > (handback.state === 'waiting' ? UNANSWERED_KEEP_MS : SETTLED_KEEP_MS))
  const claims = handbacks.flatMap((handback) => readHandbackClaims(doc, handback.id).map((claim) => `${handback.id}:${claim.repId}`))
  // Claims whose handback is gone (deleted by an earlier prune on another device) and that are old themselves.
  const live = new Set<string>()
  doc.getMap<unknown>(handbackMapName).forEach((_raw, id) => live.add(id))
  doc.getMap<unknown>(claimMapName).forEach((raw, key) => {
    const handbackId = key.slice(0, key.lastIndexOf(':'))
    const at = typeof raw === 'object' && raw !== null && typeof (raw as { at?: unknown }).at === 'number' ? (raw as { at: number }).at : undefined
    if (!live.has(handbackId) && at !== undefined && now - at > SETTLED_KEEP_MS && !claims.includes(key)) claims.push(key)
  })
  if (invitations.length + handbacks.length + claims.length > 0) {
    doc.transact(() => {
      for (const id of invitations) invitationsMap(doc).delete(id)
      for (const handback of handbacks) doc.getMap<unknown>(handbackMapName).delete(handback.id)
      for (const key of claims) doc.getMap<unknown>(claimMapName).delete(key)
    }, LOCAL)
  }
  return { invitations: invitations.length, handbacks: handbacks.length, claims: claims.length }
}
