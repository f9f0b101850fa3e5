/** The words a reader sees for an entry: what Find in session searches, and what the entry view shows for a status note. */
import type { Entry } from '../../doc/entry'
import { t, type MessageKey } from '../../i18n/i18n'

const STATUS_KEYS: Record<NonNullable<Entry['event']>, MessageKey> = {
  sessionStarted: 'status.sessionStarted',
  joined: 'status.joined',
  left: 'status.left',
  ended: 'status.ended',
  urlOpened: 'status.urlOpened',
  urlBlocked: 'status.urlBlocked',
  urlRefused: 'status.urlRefused',
  invited: 'status.invited',
  screenShared: 'status.screenShared',
  screenStopped: 'status.screenStopped',
  screenDeclined: 'status.screenDeclined',
  fileOffered: 'status.fileOffered',
  fileSent: 'status.fileSent',
  fileDeclined: 'status.fileDeclined',
  fileCancelled: 'status.fileCancelled',
  fileFailed: 'status.fileFailed',
  credentialsProvided: 'status.credentialsProvided',
  credentialsDeclined: 'status.credentialsDeclined',
  rated: 'status.rated',
}

/** On the page of the person a note is about (its author), the note says "You…". */
const MINE_KEYS: Partial<Record<NonNullable<Entry['event']>, MessageKey>> = {
  urlOpened: 'status.mine.urlOpened',
  urlBlocked: 'status.mine.urlBlocked',
  urlRefused: 'status.mine.urlRefused',
  screenShared: 'status.mine.screenShared',
  screenStopped: 'status.mine.screenStopped',
  screenDeclined: 'status.mine.screenDeclined',
  credentialsProvided: 'status.mine.credentialsProvided',
  credentialsDeclined: 'status.mine.credentialsDeclined',
  fileOffered: 'status.mine.fileOffered',
  fileSent: 'status.mine.fileSent',
  fileDeclined: 'status.mine.fileDeclined',
  fileCancelled: 'status.mine.fileCancelled',
  fileFailed: 'status.mine.fileFailed',
  rated: 'status.mine.rated',
}

/** A status note's sentence in the UI language; `mine`: the reader is the one it is about ("You…"). */
export function statusNoteText(entry: Entry, mine: boolean): string {
  const event = entry.event ?? 'joined'
  const key = (mine ? MINE_KEYS[event] : undefined) ?? STATUS_KEYS[event]
  return t(key, { name: entry.text, author: entry.authorName })
}

/** The searchable text of an entry as `selfId` reads it: a message's text, a pushed URL, a note's sentence. */
export function entrySearchText(entry: Entry, selfId: string | undefined): string {
  return entry.kind === 'status' ? statusNoteText(entry, entry.authorId === selfId) : entry.text
}
