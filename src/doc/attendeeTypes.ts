/** The attendee's shape, apart from its readers so the index and the map module share it without a cycle. */

/** Most reps in one session (the inviting rep plus seven): a full WebRTC mesh stays small. Here, not in
 * invitations.ts, so the customer page (which bounds attendees with it) loads no invitation code (issue 20). */
export const MAX_REPS_PER_SESSION = 8

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
