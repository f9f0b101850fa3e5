// The file notes' rule: which transfer a `fileOffered` note may show live, and what a file note is about.
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { carriesTransfer, fileNoteKey, fileNoteName, fileNoteOf, fileNoteText, type TransferClaim } from '../../src/doc/fileNotes'
import { appendStatusNote, readTranscript } from '../../src/doc/transcript'
import { CUSTOMER_EVENTS, parseEntry, type Entry } from '../../src/doc/entry'

/** A `fileOffered` note for transfer `id`, as fileTransfer.ts writes it. */
function offerNote(id: string, authorId: string, text = fileNoteText('log.txt', '13 bytes')): Entry {
  return { id: 'e1', kind: 'status', audience: 'all', authorId, authorName: 'Ana Rep', authorRole: 'system', text, at: 0, event: 'fileOffered', eventKey: fileNoteKey(id, 'fileOffered') }
}

const incoming: TransferClaim = { id: 'T1', direction: 'in', name: 'log.txt', peerUserId: 'rep-1' }

describe('file notes', () => {
  test('a file note names its transfer id and event; other notes, and keys that do not match their event, name none', () => {
    expect(fileNoteOf(offerNote('Xy_9-z', 'rep-1'))).toEqual({ id: 'Xy_9-z', event: 'fileOffered' })
    expect(fileNoteOf({ kind: 'status', event: 'fileDeclined', eventKey: 'file:Q:fileDeclined' })).toEqual({ id: 'Q', event: 'fileDeclined' })
    expect(fileNoteOf({ kind: 'status', event: 'left', eventKey: 'left:c:j' })).toBeUndefined()
    expect(fileNoteOf({ kind: 'status', event: 'fileSent', eventKey: 'url:x:fileSent' })).toBeUndefined()
    expect(fileNoteOf({ kind: 'status', event: 'fileOffered', eventKey: 'file:Q:fileSent' })).toBeUndefined()
    expect(fileNoteOf({ kind: 'status', event: 'fileOffered', eventKey: 'file::fileOffered' })).toBeUndefined()
  })

  test('the file name comes back out of a note text, parentheses in the name included', () => {
    expect(fileNoteName(fileNoteText('photo (1).png', '2 kB'))).toBe('photo (1).png')
    expect(fileNoteName('bare')).toBe('bare')
  })

  test('an offer note round-trips through the document, and a customer may write one (the relay copies it)', () => {
    const doc = new Y.Doc()
    appendStatusNote(doc, { role: 'customer', id: 'cust-1', name: 'Carla' }, 'fileOffered', { text: 'a.txt (1 byte)', eventKey: fileNoteKey('T', 'fileOffered') })
    const [note] = readTranscript(doc)
    expect(note && parseEntry(note.id, { ...note })).toMatchObject({ event: 'fileOffered', authorRole: 'customer' })
    expect(CUSTOMER_EVENTS).toContain('fileOffered')
  })
})

describe('which transfer an offer note carries', () => {
  test('the incoming transfer of the same id, from the user who wrote the note, for the same file', () => {
    expect(carriesTransfer(offerNote('T1', 'rep-1'), incoming, 'cust-1')).toBe(true)
  })

  test('a channel that reuses a known transfer id from another user is not shown in that note (a forged offer)', () => {
    expect(carriesTransfer(offerNote('T1', 'rep-1'), { ...incoming, peerUserId: 'someone-else' }, 'cust-1')).toBe(false)
    expect(carriesTransfer(offerNote('T1', 'rep-1'), { ...incoming, peerUserId: undefined }, 'cust-1')).toBe(false)
  })

  test('a different file name under the note’s id is not shown either', () => {
    expect(carriesTransfer(offerNote('T1', 'rep-1'), { ...incoming, name: 'invoice.exe' }, 'cust-1')).toBe(false)
  })

  test('an incoming transfer is never shown in this page’s own note, nor in another event’s note, nor under another id', () => {
    expect(carriesTransfer(offerNote('T1', 'rep-1'), incoming, 'rep-1')).toBe(false)
    expect(carriesTransfer({ ...offerNote('T1', 'rep-1'), event: 'fileSent', eventKey: fileNoteKey('T1', 'fileSent') }, incoming, 'cust-1')).toBe(false)
    expect(carriesTransfer(offerNote('T2', 'rep-1'), incoming, 'cust-1')).toBe(false)
  })

  test('an outgoing transfer shows only in this page’s own note', () => {
    const outgoing: TransferClaim = { id: 'T1', direction: 'out', name: 'log.txt', peerUserId: 'cust-1' }
    expect(carriesTransfer(offerNote('T1', 'rep-1'), outgoing, 'rep-1')).toBe(true)
    expect(carriesTransfer(offerNote('T1', 'rep-2'), outgoing, 'rep-1')).toBe(false)
    expect(carriesTransfer(offerNote('T1', 'rep-1'), outgoing, undefined)).toBe(false)
  })
})
