/**
 * A team's invitations and handbacks on this device: written to today's day document, read from today's,
 * the days in grace and (for what an older version wrote) the team doc — see src/doc/teamCoordination.ts.
 */
import type * as Y from 'yjs'
import { answerInvitation, putInvitation, type Invitation } from '../../doc/invitations'
import { markHandbackTaken, putHandback, putHandbackClaim, type Handback, type HandbackClaim } from '../../doc/handbacks'
import { COORDINATION_MAPS, docWithHandback, mergeClaims, mergeHandbacks, mergeInvitations } from '../../doc/teamCoordination'
import type { TeamPeriods } from './teamPeriods'

/** Invitations and handbacks of one team. */
export interface TeamCoordination {
  /** Every invitation, one per id, newest first. */
  invitations(): Invitation[]
  invite(invitation: Invitation): void
  /** Answers a pending invitation where it is. */
  answer(id: string, state: 'accepted' | 'declined'): void
  /** Every handback, one per id, oldest first. */
  handbacks(): Handback[]
  claims(handbackId: string): HandbackClaim[]
  handBack(handback: Handback): void
  claim(handbackId: string, claim: HandbackClaim): void
  markTaken(handback: Handback, winner: HandbackClaim): void
  /** Calls `listener` on any change of invitations or handbacks, and when the day turns; returns an unsubscribe. */
  observe(listener: () => void): () => void
}

/** The coordination of the team whose doc is `teamDoc` and whose day documents `periods` keeps. */
export function createTeamCoordination(teamDoc: Y.Doc, periods: Pick<TeamPeriods, 'liveDocs' | 'today' | 'observe'>): TeamCoordination {
  const docs = (): Y.Doc[] => [...periods.liveDocs(), teamDoc]
  return {
    invitations: () => mergeInvitations(docs()),
    invite: (invitation) => putInvitation(periods.today(), invitation),
    answer(id, state) {
      // Answer every copy that is pending (yesterday's and the one carried into today), so no reader sees it open;
      // answerInvitation writes nothing where there is no pending copy.
      for (const doc of docs()) answerInvitation(doc, id, state)
    },
    handbacks: () => mergeHandbacks(docs()),
    claims: (handbackId) => mergeClaims(docs(), handbackId),
    handBack: (handback) => putHandback(periods.today(), handback),
    claim(handbackId, claim) {
      putHandbackClaim(docWithHandback(docs(), handbackId) ?? periods.today(), handbackId, claim)
    },
    markTaken(handback, winner) {
      for (const doc of docs()) if (docWithHandback([doc], handback.id)) markHandbackTaken(doc, handback, winner)
    },
    observe(listener) {
      let watched: Y.Doc[] = []
      const maps = (list: Y.Doc[]): Y.Map<unknown>[] => list.flatMap((doc) => COORDINATION_MAPS.map((name) => doc.getMap<unknown>(name)))
      const watch = (): void => {
        const next = docs()
        if (next.length === watched.length && next.every((doc, index) => doc === watched[index])) return
        maps(watched).forEach((map) => map.unobserve(listener))
        maps(next).forEach((map) => map.observe(listener))
        watched = next
        listener()
      }
      watched = docs()
      maps(watched).forEach((map) => map.observe(listener))
      const stop = periods.observe(watch)
      return () => {
        stop()
        maps(watched).forEach((map) => map.unobserve(listener))
      }
    },
  }
}
