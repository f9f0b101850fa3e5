/** The attendee's shape, apart from its readers so the index and the map module share it without a cycle. */

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
