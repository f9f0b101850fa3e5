/**
 * What a rep does to a session besides chatting: push a URL, end the
 * session. Each writes the rep doc (the relay publishes what the customer
 * may see) and keeps the team's session index current.
 */
import type * as Y from 'yjs'
import { appendPushedUrl, appendStatusNote } from '../../doc/transcript'
import { repWriter } from './writers'
import { markSessionEnded, type Outcome } from '../../doc/session'
import type { TeamPeriods } from '../console/teamPeriods'
import type { RepProfile } from '../../store/profile'

export type { Outcome }

const MAX_CLOSING_NOTE_CHARS = 2_000 // a paragraph, shown in exports

/** Appends a pushed URL (already checked with `checkPushUrl`). */
export function pushUrl(repDoc: Y.Doc, me: RepProfile, url: string): string {
  return appendPushedUrl(repDoc, repWriter(me), url)
}

/** Ends the session: outcome and closing note (rep-only), an `ended` note for everyone, the index row. */
export function endSession(repDoc: Y.Doc, index: Pick<TeamPeriods, 'update'> | undefined, sessionId: string, me: RepProfile, outcome: Outcome, note: string): void {
  if (note.length > MAX_CLOSING_NOTE_CHARS) throw new RangeError(`closing note longer than ${MAX_CLOSING_NOTE_CHARS} characters`)
  markSessionEnded(repDoc, { outcome, closingNote: note, at: Date.now() })
  appendStatusNote(repDoc, repWriter(me), 'ended', { eventKey: `ended:${sessionId}` })
  index?.update(sessionId, { state: 'ended', lastActivity: Date.now() })
}
