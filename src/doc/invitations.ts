/**
 * Invitations and transfers, kept in the team doc (only the team's reps can
 * read it): who asks whom to join which session, visible or hidden, with a
 * comment the customer never sees.
 */
import * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'

export { MAX_REPS_PER_SESSION } from './attendeeTypes'
/** Longest invitation comment. */
export const MAX_COMMENT_CHARS = 500

/** What the invitation asks. */
export const INVITATION_KINDS = ['invite', 'transfer'] as const
/** Where an invitation stands. */
export const INVITATION_STATES = ['pending', 'accepted', 'declined'] as const

/** One invitation. */
export interface Invitation {
  id: string
  kind: (typeof INVITATION_KINDS)[number]
  sessionId: string
  customerName: string
  fromId: string
  fromName: string
  toId: string
  hidden: boolean
  comment: string
  at: number
  state: (typeof INVITATION_STATES)[number]
}

/** The invitations map of a team doc. */
export function invitationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('invitations')
}

/** Validates one invitation read from the team doc. */
export function parseInvitation(id: unknown, raw: unknown): Invitation | undefined {
  const validId = idString(id, MAX_ID_CHARS)
  if (!validId || !isRecord(raw)) return undefined
  const kind = oneOf(raw.kind, INVITATION_KINDS)
  const sessionId = idString(raw.sessionId, MAX_ID_CHARS)
  const customerName = boundedString(raw.customerName, MAX_NAME_CHARS)
  const fromId = idString(raw.fromId, MAX_ID_CHARS)
  const fromName = boundedString(raw.fromName, MAX_NAME_CHARS)
  const toId = idString(raw.toId, MAX_ID_CHARS)
  const comment = boundedString(raw.comment, MAX_COMMENT_CHARS)
  const at = timestamp(raw.at)
  const state = oneOf(raw.state, INVITATION_STATES)
  if (!kind || !sessionId || customerName === undefined || !fromId || fromName === undefined || !toId || comment === undefined || at === undefined || !state) return undefined
  return { id: validId, kind, sessionId, customerName, fromId, fromName, toId, hidden: raw.hidden === true, comment, at, state }
}

/** Writes a new invitation. */
export function putInvitation(doc: Y.Doc, invitation: Invitation): void {
  if (invitation.comment.length > MAX_COMMENT_CHARS) throw new RangeError(`comment longer than ${MAX_COMMENT_CHARS} characters`)
  const { id, ...value } = invitation
  doc.transact(() => invitationsMap(doc).set(id, value), LOCAL)
}

/** Answers an invitation (only a pending one changes). */
export function answerInvitation(doc: Y.Doc, id: string, state: 'accepted' | 'declined'): void {
  const current = parseInvitation(id, invitationsMap(doc).get(id))
  if (!current || current.state !== 'pending') return
  const { id: _id, ...value } = current
  doc.transact(() => invitationsMap(doc).set(id, { ...value, state }), LOCAL)
}

/** Every valid invitation, newest first. */
export function readInvitations(doc: Y.Doc): Invitation[] {
  const out: Invitation[] = []
  invitationsMap(doc).forEach((raw, id) => {
    const invitation = parseInvitation(id, raw)
    if (invitation) out.push(invitation)
  })
  return out.sort((a, b) => b.at - a.at)
}
