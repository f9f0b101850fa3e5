/** Attendees of a session: a `Y.Map` from attendee id to name, role and visibility. */
import * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf } from './guards'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS, ROOT } from './schema'

/** Roles a person can have in a session. */
export const ATTENDEE_ROLES = ['rep', 'customer'] as const
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number]

/** One attendee. `hidden` is meaningful in the rep doc only. */
export interface Attendee {
  id: string
  name: string
  role: AttendeeRole
  hidden: boolean
}

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

/** Parses one attendee record. */
export function parseAttendee(id: unknown, raw: unknown): Attendee | undefined {
  const validId = idString(id, MAX_ID_CHARS)
  if (!validId || !isRecord(raw)) return undefined
  const name = boundedString(raw.name, MAX_NAME_CHARS)
  const role = oneOf(raw.role, ATTENDEE_ROLES)
  if (name === undefined || !role) return undefined
  return { id: validId, name, role, hidden: raw.hidden === true }
}

/** Every valid attendee, customers first, then by name. */
export function readAttendees(doc: Y.Doc): Attendee[] {
  const out: Attendee[] = []
  attendeesMap(doc).forEach((raw, id) => {
    const attendee = parseAttendee(id, raw)
    if (attendee) out.push(attendee)
  })
  return out.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'customer' ? -1 : 1))
}
