/**
 * Inviting a team mate into a session (visible or hidden, with a comment the
 * customer never sees), answering an invitation, and handing a session over
 * (transfer = an invitation whose acceptance makes the inviting rep leave).
 */
import { MAX_REPS_PER_SESSION, type Invitation } from '../../doc/invitations'
import { attendeesMap, readAttendees } from '../../doc/attendees'
import { readIntake } from '../../doc/intake'
import { readReps } from '../../doc/team'
import { appendStatusNote } from '../../doc/transcript'
import { repWriter } from '../session/writers'
import { LOCAL } from '../../doc/schema'
import { randomId } from '../../net/roomKeys'
import type { RepProfile } from '../../store/profile'
import type { RepSession } from '../session/repSession'
import type { OpenTeam } from './teamConnection'

/** Thrown when a session already has the most reps it can hold. */
export class SessionFull extends Error {
  constructor() {
    super(`A session holds at most ${MAX_REPS_PER_SESSION} representatives`)
    this.name = 'SessionFull'
  }
}

/** Asks a team mate to join (or take over) a session. */
export function inviteRep(session: RepSession, team: OpenTeam, me: RepProfile, ask: { toRepId: string; hidden: boolean; comment: string; kind: Invitation['kind'] }): void {
  const reps = readAttendees(session.repDoc).filter((attendee) => attendee.role === 'rep')
  if (reps.length >= MAX_REPS_PER_SESSION) throw new SessionFull()
  const invitee = readReps(team.doc).find((rep) => rep.repId === ask.toRepId)
  if (!invitee) throw new Error('unknown team mate')
  team.coordination.invite({
    id: randomId(),
    kind: ask.kind,
    sessionId: session.sessionId,
    customerName: readIntake(session.repDoc, 'rep')?.customerName ?? '',
    fromId: me.repId,
    fromName: me.name,
    toId: invitee.repId,
    hidden: ask.kind === 'transfer' ? false : ask.hidden,
    comment: ask.comment,
    at: Date.now(),
    state: 'pending',
  })
  appendStatusNote(session.repDoc, repWriter(me), 'invited', { audience: 'reps', text: invitee.name })
}

/** Accepts: the invitation is answered and this rep is listed on the session. */
export function acceptInvitation(team: OpenTeam, invitation: Invitation, me: RepProfile): void {
  team.coordination.answer(invitation.id, 'accepted')
  const row = team.sessions.read(invitation.sessionId)
  if (row && !row.reps.includes(me.repId)) team.sessions.update(invitation.sessionId, { reps: [...row.reps, me.repId] })
}

/** Declines an invitation. */
export function declineInvitation(team: OpenTeam, invitation: Invitation): void {
  team.coordination.answer(invitation.id, 'declined')
}

const leaving = new Set<string>()

/** After a transfer was accepted: the inviting rep says goodbye and leaves the session. */
export async function leaveAfterTransfer(session: RepSession, team: OpenTeam, me: RepProfile): Promise<void> {
  if (leaving.has(session.sessionId)) return
  leaving.add(session.sessionId)
  await session.setHidden(true)
  session.repDoc.transact(() => attendeesMap(session.repDoc).delete(me.repId), LOCAL)
  const row = team.sessions.read(session.sessionId)
  if (row) team.sessions.update(session.sessionId, { reps: row.reps.filter((rep) => rep !== me.repId) })
}
