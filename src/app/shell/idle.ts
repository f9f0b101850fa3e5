/**
 * How long since the rep last wrote to a customer, as a colour: pure
 * functions of the transcript and a clock, so they test with a fake clock.
 */
import type { Entry } from '../../doc/entry'

/** The colours of a session tab's idle icon, calmest first. */
export const IDLE_COLOURS = ['green', 'yellow', 'red'] as const
export type IdleColour = (typeof IDLE_COLOURS)[number]

/**
 * Green until `yellowAfterS` seconds have passed since `lastSentAt`, then
 * yellow until `redAfterS`, then red. A `lastSentAt` in the future (another
 * device's clock running ahead) counts as just now.
 */
export function idleColour(lastSentAt: number, now: number, yellowAfterS: number, redAfterS: number): IdleColour {
  const elapsedMs = now - lastSentAt
  if (elapsedMs < yellowAfterS * 1000) return 'green'
  if (elapsedMs < redAfterS * 1000) return 'yellow'
  return 'red'
}

/** Whole seconds since `lastSentAt`, never negative. */
export function idleSeconds(lastSentAt: number, now: number): number {
  return Math.max(0, Math.floor((now - lastSentAt) / 1000))
}

/**
 * Whether `entry` is a message this rep sent to the customer: a chat message
 * for everyone. Rep-only messages, pushed URLs and status notes are not.
 */
export function isSentToCustomer(entry: Entry, repId: string): boolean {
  return entry.kind === 'chat' && entry.audience === 'all' && entry.authorRole === 'rep' && entry.authorId === repId
}

/** Whether `entry` is a chat message from the customer (what counts as unread). */
export function isCustomerMessage(entry: Entry): boolean {
  return entry.kind === 'chat' && entry.authorRole === 'customer'
}
