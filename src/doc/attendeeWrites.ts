/**
 * Writing a session's attendees: the customer page adds itself and reads none (its readers, with their
 * flood bounds and index, are attendees.ts, which re-exports these), so it loads only this (issue 20).
 */
import type * as Y from 'yjs'
import { LOCAL, ROOT } from './schema'
import type { Attendee } from './attendeeTypes'

/** The attendees map. */
export function attendeesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.attendees)
}

/** Adds or updates an attendee. */
export function putAttendee(doc: Y.Doc, attendee: Attendee, origin: unknown = LOCAL): void {
  const value: Record<string, unknown> = { name: attendee.name, role: attendee.role }
  if (attendee.hidden) value.hidden = true
  doc.transact(() => attendeesMap(doc).set(attendee.id, value), origin)
}
