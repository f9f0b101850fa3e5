/** Attendees of a session: a `Y.Map` from attendee id to name, role and visibility. */
import * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf } from './guards'
import { MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'
import { AttendeeIndex } from './attendeeIndex'
import { attendeesMap, putAttendee } from './attendeeWrites'
import { ATTENDEE_ROLES, MAX_REPS_PER_SESSION, type Attendee, type AttendeeRole } from './attendeeTypes'

/**
 * Most attendee records a reader takes from one document: the 8 reps of a session, as many again for
 * concurrent joins and transfers, and a customer on a few devices. Anyone with the customer key can
 * write the customer doc's attendees, so beyond this a peer is flooding and the rest is ignored.
 */
export const MAX_ATTENDEES = 2 * MAX_REPS_PER_SESSION + 8

export { ATTENDEE_ROLES, type Attendee, type AttendeeRole }
// Writing is in attendeeWrites.ts, which the customer page loads without the readers (issue 20, bundles).
export { attendeesMap, putAttendee }

/** Parses one attendee record. */
export function parseAttendee(id: unknown, raw: unknown): Attendee | undefined {
  const validId = idString(id, MAX_ID_CHARS)
  if (!validId || !isRecord(raw)) return undefined
  const name = boundedString(raw.name, MAX_NAME_CHARS)
  const role = oneOf(raw.role, ATTENDEE_ROLES)
  if (name === undefined || !role) return undefined
  return { id: validId, name, role, hidden: raw.hidden === true }
}

/** What a reader takes from a document's attendees, and how many valid records it ignored. */
export interface AttendeeList {
  attendees: Attendee[]
  ignored: number
}

function byId(a: Attendee, b: Attendee): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Every valid attendee, customers first, then by name — at most `MAX_ATTENDEES`. Ids in `known`
 * (people the reader trusts from elsewhere: the record's attendees, the customer's own id) are
 * always kept first; the rest fill up the limit in id order, the same on every peer.
 */
export function readAttendeeList(doc: Y.Doc, known: ReadonlySet<string> = new Set()): AttendeeList {
  const index = attendeeIndex(doc)
  const first: Attendee[] = []
  known.forEach((id) => {
    const attendee = index.get(id)
    if (attendee) first.push(attendee)
  })
  const kept = first.sort(byId).slice(0, MAX_ATTENDEES)
  if (kept.length < MAX_ATTENDEES) {
    index.scan((attendee) => kept.push(attendee) < MAX_ATTENDEES, (id) => known.has(id))
  }
  const attendees = kept.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'customer' ? -1 : 1))
  return { attendees, ignored: index.size - attendees.length }
}

const indexes = new WeakMap<Y.Doc, AttendeeIndex>()

/**
 * The incremental index of `doc`'s attendees (built on first read, then kept up to date by an
 * observer). Inside a transaction the observer has not run yet, so a fresh index is built instead.
 */
function attendeeIndex(doc: Y.Doc): AttendeeIndex {
  if (doc._transaction !== null) return new AttendeeIndex(attendeesMap(doc), parseAttendee, false)
  let index = indexes.get(doc)
  if (!index) {
    index = new AttendeeIndex(attendeesMap(doc), parseAttendee)
    indexes.set(doc, index)
  }
  return index
}

/** Every valid attendee, customers first, then by name, capped at `MAX_ATTENDEES` (see `readAttendeeList`). */
export function readAttendees(doc: Y.Doc, known?: ReadonlySet<string>): Attendee[] {
  return readAttendeeList(doc, known).attendees
}

/** Ids of every valid hidden attendee, uncapped: who must never be published to the customer. */
export function hiddenAttendeeIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>()
  attendeesMap(doc).forEach((raw, id) => {
    if (parseAttendee(id, raw)?.hidden) ids.add(id)
  })
  return ids
}
