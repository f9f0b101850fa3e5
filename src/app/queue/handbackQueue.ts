/**
 * Sessions handed back to the team's queue (src/doc/handbacks.ts), for the console's Queue: team mates'
 * handbacks are listed with Take; this rep's own handbacks are arbitrated here (its client picks the
 * winning claim after a short settle window and addresses the usual transfer invitation to the winner);
 * a winner's client accepts that invitation by itself, since its rep already pressed Take.
 */
import { createSignal, type Accessor } from 'solid-js'
import { handbackWinner, type Handback } from '../../doc/handbacks'
import type { RepProfile } from '../../store/profile'
import { inviteRep } from '../console/invitationFlow'
import type { OpenTeam, RepWorkspace } from '../console/repWorkspace'

/** How long the handing rep's client waits after the first claim before it picks. */
export const HANDBACK_SETTLE_MS = 400

/** A handback as the queue lists it. */
export interface HandbackItem {
  handback: Handback
  teamId: string
  claimedBy: string[]
  mine: boolean
}

/** How this rep's Take of a handback ended. */
export interface HandbackOutcome {
  handbackId: string
  customerName: string
  won: boolean
  byName: string
}

/** Follows the handbacks of every team. Must run inside a reactive owner. */
export function createHandbackQueue(workspace: RepWorkspace, onOutcome: (outcome: HandbackOutcome) => void): {
  items: Accessor<HandbackItem[]>
  refresh(): void
  observe(team: OpenTeam): () => void
  take(item: HandbackItem): void
} {
  const [items, setItems] = createSignal<HandbackItem[]>([])
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const settled = new Set<string>()
  const accepting = new Set<string>()

  const arbitrate = (team: OpenTeam, handback: Handback, me: RepProfile): void => {
    if (timers.has(handback.id)) return
    timers.set(
      handback.id,
      setTimeout(() => {
        const current = team.coordination.handbacks().find((candidate) => candidate.id === handback.id)
        const winner = current?.state === 'waiting' ? handbackWinner(team.coordination.claims(handback.id), handback.at) : undefined
        const session = workspace.session(handback.sessionId)
        if (!current || !winner || !session) return
        team.coordination.markTaken(current, winner)
        inviteRep(session, team, me, { toRepId: winner.repId, hidden: false, comment: current.comment, kind: 'transfer' })
      }, HANDBACK_SETTLE_MS),
    )
  }

  const refresh = (): void => {
    const me = workspace.profile()
    if (!me) return
    const list: HandbackItem[] = []
    for (const team of workspace.teams()) {
      for (const handback of team.coordination.handbacks()) {
        const claims = team.coordination.claims(handback.id)
        const mine = claims.some((claim) => claim.repId === me.repId)
        if (handback.fromId === me.repId) {
          if (handback.state === 'waiting' && claims.length > 0) arbitrate(team, handback, me)
          continue
        }
        if (handback.state === 'waiting') {
          list.push({ handback, teamId: team.membership.teamId, claimedBy: claims.map((claim) => claim.repName), mine })
          continue
        }
        if (!mine || !handback.takenBy || settled.has(handback.id)) continue
        const won = handback.takenBy.repId === me.repId
        if (won) {
          // The handing rep's client addressed the transfer to this rep: accept it (Take was the yes).
          const invitation = team.coordination.invitations().find((candidate) => candidate.kind === 'transfer' && candidate.sessionId === handback.sessionId && candidate.toId === me.repId && candidate.at >= handback.at)
          if (!invitation) continue
          if (invitation.state === 'pending' && !accepting.has(invitation.id)) {
            accepting.add(invitation.id)
            void workspace.accept(invitation).catch((cause: unknown) => console.warn('could not take a handed-back session', cause))
          }
        }
        settled.add(handback.id)
        onOutcome({ handbackId: handback.id, customerName: handback.customerName, won, byName: handback.takenBy.repName })
      }
    }
    setItems(list)
  }

  return {
    items,
    refresh,
    observe(team) {
      return team.coordination.observe(() => refresh())
    },
    take(item) {
      const me = workspace.profile()
      const team = workspace.teams().find((candidate) => candidate.membership.teamId === item.teamId)
      if (me && team) team.coordination.claim(item.handback.id, { repId: me.repId, repName: me.name, at: Date.now() })
    },
  }
}
