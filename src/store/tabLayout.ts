/**
 * The order of the rep's session tabs and the one in front, kept in
 * localStorage: small, read synchronously at start-up, and available offline
 * (the team doc says which sessions exist; this says how the rep laid them out).
 */
import { MAX_ID_CHARS } from '../doc/schema'

/** The stored tab layout. */
export interface TabLayout {
  /** Session ids, left to right. */
  order: string[]
  /** The session in front when the console was last used. */
  active?: string
}

const TABS_KEY = 'asiste:tabs'
/** More ids than any rep keeps open; guards against a corrupt record. */
const MAX_STORED_TABS = 200

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_CHARS

/** Validates a stored layout; anything corrupt is dropped. */
export function parseTabLayout(raw: unknown): TabLayout {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const order = Array.isArray(record.order) ? [...new Set(record.order.filter(isId))].slice(0, MAX_STORED_TABS) : []
  return isId(record.active) ? { order, active: record.active } : { order }
}

/** Reads the stored layout (empty when missing or corrupt). */
export function loadTabLayout(): TabLayout {
  try {
    return parseTabLayout(JSON.parse(localStorage.getItem(TABS_KEY) ?? '{}'))
  } catch {
    return { order: [] }
  }
}

/** Saves the layout. */
export function saveTabLayout(layout: TabLayout): void {
  try {
    localStorage.setItem(TABS_KEY, JSON.stringify(layout))
  } catch (cause) {
    console.warn('could not save the tab order', cause)
  }
}
