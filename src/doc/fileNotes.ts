/**
 * The transcript's file notes: a sender writes `fileOffered` when it offers a
 * file, then one note for how it ended (`fileSent`, `fileDeclined`,
 * `fileCancelled`, `fileFailed`), all keyed `file:<transferId>:<event>`. The
 * offer note is where a page shows that transfer live (Accept / Decline,
 * progress, Save). Which transfers a note may carry is a rule of its own
 * (`carriesTransfer`): a note is only as trustworthy as the transcript that
 * holds it, and a transfer's peer only as trustworthy as its claim.
 */
import type { Entry, StatusEvent } from './entry'

/** The status events of a file transfer's notes. */
export const FILE_EVENTS = ['fileOffered', 'fileSent', 'fileDeclined', 'fileCancelled', 'fileFailed'] as const
export type FileNoteEvent = (typeof FILE_EVENTS)[number]

const FILE_KEY = 'file:'

/** The event key of transfer `id`'s note for `event`. */
export function fileNoteKey(id: string, event: FileNoteEvent): string {
  return `${FILE_KEY}${id}:${event}`
}

function isFileEvent(event: StatusEvent | undefined): event is FileNoteEvent {
  return (FILE_EVENTS as readonly (StatusEvent | undefined)[]).includes(event)
}

/** What a transcript file note is about: its transfer id and event; undefined for any other entry (or a key that does not match its event). */
export function fileNoteOf(entry: Pick<Entry, 'kind' | 'event' | 'eventKey'>): { id: string; event: FileNoteEvent } | undefined {
  const key = entry.eventKey
  const event = entry.event
  if (entry.kind !== 'status' || !isFileEvent(event) || !key?.startsWith(FILE_KEY) || !key.endsWith(`:${event}`)) return undefined
  const id = key.slice(FILE_KEY.length, key.length - event.length - 1)
  return id.length > 0 ? { id, event } : undefined
}

/** What `carriesTransfer` needs to know of a live transfer on this page. */
export interface TransferClaim {
  /** The transfer id both sides share. */
  id: string
  direction: 'in' | 'out'
  name: string
  /** The user id the other side's presence claims (incoming: the sender). */
  peerUserId?: string | undefined
}

/**
 * Whether the `fileOffered` note `note` shows `transfer` on the page of `selfId`. Outgoing: only in
 * this page's own note. Incoming: only in a note someone else wrote, whose author is the user the
 * sending peer claims to be, for the same file name — so a channel opened with a transfer id copied
 * from the transcript by another peer is not shown as that author's offer unless it also claims
 * to be them (presence claims are not proven; SECURITY.md says what is left).
 */
export function carriesTransfer(note: Pick<Entry, 'kind' | 'event' | 'eventKey' | 'authorId' | 'text'>, transfer: TransferClaim, selfId: string | undefined): boolean {
  const about = fileNoteOf(note)
  if (about?.event !== 'fileOffered' || about.id !== transfer.id) return false
  if (transfer.direction === 'out') return selfId !== undefined && note.authorId === selfId
  return note.authorId !== selfId && transfer.peerUserId === note.authorId && fileNoteName(note.text) === transfer.name
}

/** A file note's text: the file's name, then its size in the sender's words (`name (size)`). */
export function fileNoteText(name: string, size: string): string {
  return `${name} (${size})`
}

/** The file name in a file note's text (everything before the last ` (`), or the whole text. */
export function fileNoteName(text: string): string {
  const cut = text.lastIndexOf(' (')
  return cut === -1 ? text : text.slice(0, cut)
}
