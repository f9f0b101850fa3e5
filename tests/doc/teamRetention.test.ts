// What the team doc forgets (src/doc/teamRetention.ts): settled invitations and handbacks leave after their window.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { answerInvitation, putInvitation, readInvitations, type Invitation } from '../../src/doc/invitations'
import { putHandback, putHandbackClaim, readHandbackClaims, readHandbacks, type Handback } from '../../src/doc/handbacks'
import { pruneTeamDoc, SETTLED_KEEP_MS, UNANSWERED_KEEP_MS } from '../../src/doc/teamRetention'

const NOW = 1_800_000_000_000
const DAY = 24 * 60 * 60 * 1000

function invitation(id: string, at: number, state: Invitation['state'] = 'pending'): Invitation {
  return { id, kind: 'invite', sessionId: `s-${id}`, customerName: 'Hugo', fromId: 'ana', fromName: 'Ana', toId: 'bruno', hidden: false, comment: 'billing question', at, state }
}

function handback(id: string, at: number, state: Handback['state'] = 'waiting'): Handback {
  return { id, sessionId: `s-${id}`, customerName: 'Hugo', fromId: 'ana', fromName: 'Ana', comment: '', at, state, ...(state === 'taken' ? { takenBy: { repId: 'bruno', repName: 'Bruno' } } : {}) }
}

const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('pruneTeamDoc', () => {
  it('deletes answered invitations after a day and unanswered ones after a week, and keeps the rest', () => {
    const doc = new Y.Doc()
    putInvitation(doc, invitation('answered-old', NOW - SETTLED_KEEP_MS - 1, 'accepted'))
    putInvitation(doc, invitation('declined-old', NOW - SETTLED_KEEP_MS - 1, 'declined'))
    putInvitation(doc, invitation('answered-new', NOW - SETTLED_KEEP_MS + 60_000, 'accepted'))
    putInvitation(doc, invitation('pending-3d', NOW - 3 * DAY))
    putInvitation(doc, invitation('pending-8d', NOW - UNANSWERED_KEEP_MS - 1))
    expect(pruneTeamDoc(doc, NOW)).toEqual({ invitations: 3, handbacks: 0, claims: 0 })
    expect(readInvitations(doc).map((item) => item.id).sort()).toEqual(['answered-new', 'pending-3d'])
  })

  it('deletes taken handbacks after a day and waiting ones after a week, with their claims', () => {
    const doc = new Y.Doc()
    putHandback(doc, handback('taken-old', NOW - 2 * DAY, 'taken'))
    putHandback(doc, handback('waiting-old', NOW - 8 * DAY))
    putHandback(doc, handback('waiting-new', NOW - DAY))
    for (const id of ['taken-old', 'waiting-old', 'waiting-new']) putHandbackClaim(doc, id, { repId: 'ciro', repName: 'Ciro', at: NOW - 2 * DAY })
    expect(pruneTeamDoc(doc, NOW)).toEqual({ invitations: 0, handbacks: 2, claims: 2 })
    expect(readHandbacks(doc).map((item) => item.id)).toEqual(['waiting-new'])
    expect(readHandbackClaims(doc, 'waiting-new')).toHaveLength(1)
    expect(readHandbackClaims(doc, 'taken-old')).toEqual([])
  })

  it('deletes old claims whose handback another device already pruned', () => {
    const doc = new Y.Doc()
    putHandbackClaim(doc, 'gone', { repId: 'ciro', repName: 'Ciro', at: NOW - 2 * DAY })
    putHandbackClaim(doc, 'gone-recent', { repId: 'ciro', repName: 'Ciro', at: NOW - 60_000 })
    expect(pruneTeamDoc(doc, NOW).claims).toBe(1)
    expect(readHandbackClaims(doc, 'gone-recent')).toHaveLength(1)
  })

  it('writes nothing when nothing is due (no update for the team to sync)', () => {
    const doc = new Y.Doc()
    putInvitation(doc, invitation('fresh', NOW - 1000))
    let updates = 0
    doc.on('update', () => updates++)
    pruneTeamDoc(doc, NOW)
    expect(updates).toBe(0)
  })

  it('two devices pruning at once converge; an answer written offline to a pruned invitation is pruned again', () => {
    const ana = new Y.Doc()
    putInvitation(ana, invitation('i1', NOW - 2 * DAY))
    putInvitation(ana, invitation('i2', NOW - 2 * DAY, 'accepted'))
    const bruno = new Y.Doc()
    sync(ana, bruno)
    // Bruno, offline, answers i1 while Ana's device prunes i2.
    answerInvitation(bruno, 'i1', 'declined')
    pruneTeamDoc(ana, NOW)
    pruneTeamDoc(bruno, NOW)
    sync(ana, bruno)
    sync(bruno, ana)
    expect(readInvitations(ana)).toEqual(readInvitations(bruno))
    pruneTeamDoc(ana, NOW)
    expect(readInvitations(ana)).toEqual([])
  })

  it('a year of 200 invitations a day keeps a tombstone of a few bytes per invitation, not the invitation', () => {
    const doc = new Y.Doc()
    const perDay = 200
    let oneDayBytes = 0
    for (let day = 0; day < 365; day++) {
      const dayStart = NOW - (365 - day) * DAY
      doc.transact(() => {
        for (let i = 0; i < perDay; i++) putInvitation(doc, invitation(`d${day}-${i}`, dayStart + i * 60_000, 'accepted'))
      })
      if (day === 0) oneDayBytes = Y.encodeStateAsUpdate(doc).byteLength
      pruneTeamDoc(doc, dayStart + DAY)
    }
    const yearBytes = Y.encodeStateAsUpdate(doc).byteLength
    // A deleted Y.Map key keeps its item (id and key) so later writes to that key still order: ~24 B each,
    // against ~176 B for the invitation itself. Pruning cuts the year by about 7×; what stays still grows
    // with the count of invitations (BENCHMARKS.md says so: per-day documents are the way to stop that).
    expect(yearBytes).toBeLessThan((oneDayBytes * 365) / 5)
    expect(yearBytes / (365 * perDay)).toBeLessThan(30)
  })
})
