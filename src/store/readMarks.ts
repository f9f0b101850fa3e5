/**
 * Where the rep last read each session up to (an entry id), kept in
 * localStorage: a reload then counts as unread exactly the customer messages
 * that arrived after it, instead of starting every tab at zero.
 */
import { MAX_ID_CHARS } from '../doc/schema'

const PREFIX = 'asiste:read:'

/** The id of the newest entry the rep had seen in a session, if any. */
export function loadReadMark(sessionId: string): string | undefined {
  try {
    const value = localStorage.getItem(PREFIX + sessionId)
    return value !== null && value.length > 0 && value.length <= MAX_ID_CHARS ? value : undefined
  } catch {
    return undefined
  }
}

/** Remembers that the rep has read a session up to `entryId`. */
export function saveReadMark(sessionId: string, entryId: string): void {
  try {
    localStorage.setItem(PREFIX + sessionId, entryId)
  } catch (cause) {
    console.warn('could not save the read mark', cause)
  }
}
