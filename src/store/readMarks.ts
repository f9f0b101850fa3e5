/**
 * Where the rep stands in each session's reading, kept in localStorage: the
 * newest entry id this device had seen, and how many customer messages were
 * unread then. A reload counts those plus the customer messages after the
 * mark, instead of starting every tab at zero (a message that arrived late
 * with an older id is in the stored count, not lost).
 */
import { MAX_ID_CHARS } from '../doc/schema'

const PREFIX = 'asiste:read:'
/** More unread messages than a tab ever shows; guards against a corrupt record. */
const MAX_STORED_UNREAD = 1_000_000

/** A session's reading position. */
export interface ReadMark {
  /** The newest entry id seen on this device. */
  mark: string
  /** Customer messages unread at that point. */
  unread: number
}

/** Reads a session's stored position (undefined when missing or corrupt). */
export function loadReadMark(sessionId: string): ReadMark | undefined {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PREFIX + sessionId) ?? 'null')
    if (typeof raw !== 'object' || raw === null) return undefined
    const { mark, unread } = raw as Record<string, unknown>
    if (typeof mark !== 'string' || mark.length === 0 || mark.length > MAX_ID_CHARS) return undefined
    return { mark, unread: Number.isSafeInteger(unread) && (unread as number) >= 0 && (unread as number) <= MAX_STORED_UNREAD ? (unread as number) : 0 }
  } catch {
    return undefined
  }
}

/** Saves a session's reading position. */
export function saveReadMark(sessionId: string, position: ReadMark): void {
  try {
    localStorage.setItem(PREFIX + sessionId, JSON.stringify(position))
  } catch (cause) {
    console.warn('could not save the read mark', cause)
  }
}

/** Forgets a session's reading position (the session was deleted from this device). */
export function forgetReadMark(sessionId: string): void {
  try {
    localStorage.removeItem(PREFIX + sessionId)
  } catch {
    // nothing stored, or storage unavailable: nothing to forget
  }
}
