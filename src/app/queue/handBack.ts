/** Hands a session back to its team's queue (the Transfer dialog's `Team queue`; src/doc/handbacks.ts). */
import { readIntake } from '../../doc/intake'
import { appendStatusNote } from '../../doc/transcript'
import { randomId } from '../../net/roomKeys'
import { t } from '../../i18n/i18n'
import type { RepProfile } from '../../store/profile'
import type { RepSession } from '../session/repSession'
import { repWriter } from '../session/writers'
import type { OpenTeam } from '../console/teamConnection'

/** Puts a session into its team's queue (the Transfer dialog's `Team queue`). */
export function handBack(session: RepSession, team: OpenTeam, me: RepProfile, comment: string): void {
  team.coordination.handBack({
    id: randomId(),
    sessionId: session.sessionId,
    customerName: readIntake(session.repDoc, 'rep')?.customerName ?? '',
    fromId: me.repId,
    fromName: me.name,
    comment,
    at: Date.now(),
    state: 'waiting',
  })
  appendStatusNote(session.repDoc, repWriter(me), 'invited', { audience: 'reps', text: t('queue.title') })
}
