/**
 * What a rep does in a session: chat, push a URL, end it, hide or show
 * themself, invite or hand over to a team mate, say they are typing, and
 * export the transcript. Each writes the rep doc (the relay publishes what
 * the customer may see) and keeps the team's session index current.
 */
import type { Accessor } from 'solid-js'
import { appendMessage } from '../../doc/transcript'
import type { ExportOptions } from '../../doc/exportData'
import type { Audience } from '../../doc/entry'
import type { RepProfile } from '../../store/profile'
import type { OpenTeam } from '../console/teamConnection'
import { inviteRep } from '../console/invitationFlow'
import { HANDBACK_TARGET } from '../../doc/handbacks'
import { handBack } from '../queue/handBack'
import type { ExportFormat } from '../export/formatTranscript'
import { endSession, pushUrl, type Outcome } from './sessionActions'
import { repWriter } from './writers'
import type { RepSession } from './repSession'

/**
 * The session index row's `lastActivity` moves at most this often while a rep chats: every
 * message writing the team doc would send each line to the whole team and keep it there forever.
 */
export const ACTIVITY_WRITE_MS = 60_000

/** The actions of one open session. */
export interface RepSessionActions {
  /** Sends a chat message (to everyone, or to reps only; a hidden rep always writes to reps). */
  send(text: string): void
  /** Pushes a checked http(s) URL to the customer. */
  pushUrl(url: string): void
  /** Ends the session with an outcome and a closing note. */
  end(outcome: Outcome, note: string): void
  /** Publishes whether the rep is typing. */
  setTyping(typing: boolean): void
  /** Shows this rep to the customer or hides them. */
  setHidden(hidden: boolean): Promise<void>
  invite(toRepId: string, hidden: boolean, comment: string): void
  /** Hands the session to a team mate; this rep leaves once they accept. */
  transfer(toRepId: string, comment: string): void
  requestScreen(): void
  requestCredentials(): Promise<void>
  /** Downloads the transcript in `format`; returns the file name. */
  exportTranscript(format: ExportFormat, options: ExportOptions): Promise<string>
}

/** What the actions read from the model around them. */
export interface ActionDeps {
  profile: Accessor<RepProfile | undefined>
  team: Accessor<OpenTeam | undefined>
  hidden: Accessor<boolean>
  audience: Accessor<Audience>
}

/** Creates a session's actions. */
export function createRepSessionActions(session: RepSession, deps: ActionDeps, tools: { requestScreen(me: RepProfile): void; requestCredentials(me: RepProfile): Promise<void> }): RepSessionActions {
  let activityWrittenAt = -Infinity
  const touchIndex = (): void => {
    const team = deps.team()
    const now = Date.now()
    if (!team || now - activityWrittenAt < ACTIVITY_WRITE_MS) return
    activityWrittenAt = now
    team.sessions.update(session.sessionId, { lastActivity: now })
  }
  const asMe = (action: (me: RepProfile) => void): void => {
    const me = deps.profile()
    if (me) action(me)
  }
  const ask = (toRepId: string, hidden: boolean, comment: string, kind: 'invite' | 'transfer'): void =>
    asMe((me) => {
      const team = deps.team()
      if (team) inviteRep(session, team, me, { toRepId, hidden, comment, kind })
    })
  return {
    send(text) {
      asMe((me) => {
        // "Stopped typing" is the composer's to say, in a task of its own (Composer.tsx): saying it here too
        // was a second awareness broadcast to every peer and a second timer in each Enter (issue 20).
        appendMessage(session.repDoc, repWriter(me), text, deps.hidden() ? 'reps' : deps.audience())
        touchIndex()
      })
    },
    pushUrl: (url) => asMe((me) => pushUrl(session.repDoc, me, url)),
    end: (outcome, note) => asMe((me) => endSession(session.repDoc, deps.team()?.sessions, session.sessionId, me, outcome, note)),
    setTyping: (typing) => session.customer()?.connection.setTyping(typing),
    setHidden: (hidden) => session.setHidden(hidden),
    invite: (toRepId, hidden, comment) => ask(toRepId, hidden, comment, 'invite'),
    transfer: (toRepId, comment) =>
      toRepId === HANDBACK_TARGET
        ? asMe((me) => {
            const team = deps.team()
            if (team) handBack(session, team, me, comment)
          })
        : ask(toRepId, false, comment, 'transfer'),
    requestScreen: () => asMe(tools.requestScreen),
    async requestCredentials() {
      const me = deps.profile()
      if (me) await tools.requestCredentials(me)
    },
    exportTranscript: async (format, options) => (await import('./downloadTranscript')).downloadTranscript(session.repDoc, format, options),
  }
}
