/**
 * The count behind the rep's "attendee records ignored" warning. Apart from the tamper checks
 * (tamper.ts), whose code loads only once someone else has written the customer doc; this count is
 * read as the session panel renders.
 */
import type * as Y from 'yjs'
import { readAttendeeList, readAttendees } from './attendees'
import { readIntake } from './intake'

/**
 * How many attendee records of the customer doc a reader ignores (beyond `MAX_ATTENDEES`): a
 * customer-side peer flooding the list. The genuine ones — the record's attendees and the customer
 * in the record's intake — are always kept, so they never count here.
 */
export function ignoredCustomerAttendees(customerDoc: Y.Doc, repDoc: Y.Doc): number {
  const known = new Set(readAttendees(repDoc).map((attendee) => attendee.id))
  const customerId = readIntake(repDoc, 'rep')?.customerId
  if (customerId) known.add(customerId)
  return readAttendeeList(customerDoc, known).ignored
}
