import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { putAttendee } from '../../src/doc/attendees'
import { publishRepEntries } from './relayHarness'
import { answerInvitation, parseInvitation, putInvitation, readInvitations, type Invitation } from '../../src/doc/invitations'
import { applyTextValue, notesText } from '../../src/doc/notes'

const say = (doc: Y.Doc, authorId: string, text: string, audience: 'all' | 'reps' = 'all') =>
  appendEntry(doc, { kind: 'chat', audience, authorId, authorName: authorId, authorRole: 'rep', text })

describe('visibility rules', () => {
  it("a hidden rep's entries and every rep-only entry stay out of the customer doc", () => {
    const repDoc = new Y.Doc()
    const customerDoc = new Y.Doc()
    putAttendee(repDoc, { id: 'ana', name: 'Ana', role: 'rep', hidden: false })
    putAttendee(repDoc, { id: 'bruno', name: 'Bruno', role: 'rep', hidden: true })
    say(repDoc, 'ana', 'for everyone')
    say(repDoc, 'ana', 'ana to reps', 'reps')
    say(repDoc, 'bruno', 'bruno hidden, audience all')
    say(repDoc, 'bruno', 'bruno to reps', 'reps')
    publishRepEntries(repDoc, customerDoc)
    expect(readTranscript(customerDoc).map((entry) => entry.text)).toEqual(['for everyone'])
  })

  it('once a hidden rep shows himself, his later messages for everyone are published', () => {
    const repDoc = new Y.Doc()
    const customerDoc = new Y.Doc()
    putAttendee(repDoc, { id: 'bruno', name: 'Bruno', role: 'rep', hidden: true })
    say(repDoc, 'bruno', 'to reps while hidden', 'reps')
    putAttendee(repDoc, { id: 'bruno', name: 'Bruno', role: 'rep', hidden: false })
    say(repDoc, 'bruno', 'hello, I am Bruno')
    publishRepEntries(repDoc, customerDoc)
    expect(readTranscript(customerDoc).map((entry) => entry.text)).toEqual(['hello, I am Bruno'])
  })
})

describe('invitations', () => {
  const base: Invitation = { id: 'inv1', kind: 'invite', sessionId: 's1', customerName: 'Carla', fromId: 'ana', fromName: 'Ana', toId: 'bruno', hidden: true, comment: 'watch', at: 1, state: 'pending' }

  it('round-trips and is answered once', () => {
    const doc = new Y.Doc()
    putInvitation(doc, base)
    expect(readInvitations(doc)).toEqual([base])
    answerInvitation(doc, 'inv1', 'accepted')
    answerInvitation(doc, 'inv1', 'declined')
    expect(readInvitations(doc)[0]?.state).toBe('accepted')
  })

  it('malformed invitations are dropped', () => {
    expect(parseInvitation('x', { ...base, kind: 'promote' })).toBeUndefined()
    expect(parseInvitation('x', { ...base, comment: 'c'.repeat(501) })).toBeUndefined()
    expect(parseInvitation('__proto__', base)).toBeUndefined()
    expect(parseInvitation('x', 'garbage')).toBeUndefined()
  })

  it('an over-long comment is refused, not cut', () => {
    expect(() => putInvitation(new Y.Doc(), { ...base, comment: 'c'.repeat(501) })).toThrow(RangeError)
  })
})

describe('session notes with three reps', () => {
  it('concurrent offline edits from three peers merge with no lost characters', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    notesText(docs[0] as Y.Doc).insert(0, 'Notes:\n')
    const base = Y.encodeStateAsUpdate(docs[0] as Y.Doc)
    for (const doc of docs.slice(1)) Y.applyUpdate(doc, base)
    // Each types offline, keystroke by keystroke, at a different place.
    const typed = ['alpha typed by one. ', 'beta typed by two. ', 'gamma typed by three. ']
    docs.forEach((doc, index) => {
      const text = notesText(doc)
      const word = typed[index] ?? ''
      for (let i = 1; i <= word.length; i++) {
        const current = text.toString()
        const at = index === 0 ? 0 : index === 1 ? current.length : 'Notes:\n'.length
        const before = index === 1 ? current.slice(0, at - (i - 1)) : current.slice(0, at)
        const after = index === 1 ? '' : current.slice(at + i - 1)
        applyTextValue(text, before + word.slice(0, i) + after, `peer${index}`)
      }
    })
    const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc))
    for (const doc of docs) for (const update of updates) Y.applyUpdate(doc, update)
    const merged = notesText(docs[0] as Y.Doc).toString()
    for (const doc of docs) expect(notesText(doc).toString()).toBe(merged)
    for (const word of typed) expect(merged).toContain(word)
    expect(merged).toContain('Notes:\n')
    expect(merged.length).toBe('Notes:\n'.length + typed.join('').length)
  })
})
