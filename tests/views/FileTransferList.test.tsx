// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { render } from 'solid-js/web'
import { FileTransferList, fileNoteOf } from '../../src/views/tools/FileTransferList'
import { EntryView } from '../../src/views/session/EntryView'
import type { FileTransfers, Transfer } from '../../src/app/tools/fileTransfer'
import type { Entry } from '../../src/doc/entry'

afterEach(() => {
  document.body.textContent = ''
})

function transfersOf(list: Transfer[], saved: string[] = []): FileTransfers {
  const none = (): void => undefined
  return { list: () => list, offer: () => undefined, send: () => 'sent', accept: none, decline: none, cancel: none, save: (key) => void saved.push(key) }
}

/** The sender's status note for transfer `id` (as fileTransfer.ts writes it). */
function fileNote(id: string, event: 'fileSent' | 'fileDeclined', text: string): Entry {
  return { id: `e-${id}-${event}`, kind: 'status', audience: 'all', authorId: 'rep-1', authorName: 'Ana Rep', authorRole: 'rep', text, at: 0, event, eventKey: `file:${id}:${event}` }
}

const done = { direction: 'in', size: 10, peer: 'Ana Rep', phase: 'done', bytes: 10 } as const

test('a received image shows an inline preview named by its file name; other files do not', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <FileTransferList transfers={transfersOf([{ ...done, key: 'a', id: 'A', name: 'screen.png', preview: 'blob:preview-a' }, { ...done, key: 'b', id: 'B', name: 'notes.txt' }])} />, root)
  const images = [...root.querySelectorAll('img')]
  expect(images.map((img) => [img.getAttribute('src'), img.getAttribute('alt')])).toEqual([['blob:preview-a', 'screen.png']])
})

test('a file note names its transfer id and the phase it records; other notes name none', () => {
  expect(fileNoteOf(fileNote('Xy_9-z', 'fileSent', 'a.txt (1 byte)'))).toEqual({ id: 'Xy_9-z', phase: 'done' })
  expect(fileNoteOf(fileNote('Q', 'fileDeclined', 'b.txt'))).toEqual({ id: 'Q', phase: 'declined' })
  expect(fileNoteOf({ kind: 'status', event: 'left', eventKey: 'left:c:j' })).toBeUndefined()
  expect(fileNoteOf({ kind: 'status', event: 'fileSent', eventKey: 'url:x:fileSent' })).toBeUndefined()
})

test('the list above the composer keeps running transfers and finished ones without a note; a finished transfer with its note leaves it', () => {
  const root = document.body.appendChild(document.createElement('div'))
  const transfers = transfersOf([
    { ...done, key: 'a', id: 'A', name: 'noted.png' },
    { ...done, key: 'b', id: 'B', name: 'running.bin', phase: 'transferring', bytes: 4 },
    { ...done, key: 'c', id: 'C', name: 'unnoted.txt' },
    // Noted as declined elsewhere, but it ended done here: stays listed.
    { ...done, key: 'd', id: 'D', name: 'other.txt' },
  ])
  const entries = [fileNote('A', 'fileSent', 'noted.png (10 bytes)'), fileNote('D', 'fileDeclined', 'other.txt (10 bytes)')]
  render(() => <FileTransferList transfers={transfers} entries={entries} />, root)
  const rows = [...root.querySelectorAll('ul[aria-label="File transfers"] > li')].map((li) => li.querySelector('.files__name')?.textContent)
  expect(rows).toEqual(['running.bin (10 bytes) · From Ana Rep', 'unnoted.txt (10 bytes) · From Ana Rep', 'other.txt (10 bytes) · From Ana Rep'])
})

test('with every transfer inline, the list goes away', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <FileTransferList transfers={transfersOf([{ ...done, key: 'a', id: 'A', name: 'noted.png' }])} entries={[fileNote('A', 'fileSent', 'noted.png (10 bytes)')]} />, root)
  expect(root.querySelector('ul')).toBeNull()
})

test('the transcript file note shows its transfer inline: sender, name and size, full progress, the image preview and Save', () => {
  const root = document.body.appendChild(document.createElement('div'))
  const saved: string[] = []
  const transfers = transfersOf([{ ...done, key: 'a', id: 'A', name: 'screen.png', preview: 'blob:preview-a' }, { ...done, key: 'b', id: 'B', name: 'other.txt' }], saved)
  render(() => <EntryView entry={fileNote('A', 'fileSent', 'screen.png (10 bytes)')} selfId="customer-1" viewer="customer" files={transfers} />, root)
  const inline = root.querySelector('article .files__item--inline')
  expect(inline?.querySelector('.files__name')?.textContent).toBe('screen.png (10 bytes) · From Ana Rep')
  const bar = inline?.querySelector('[role="progressbar"]')
  expect([bar?.getAttribute('aria-label'), bar?.getAttribute('aria-valuenow'), bar?.getAttribute('aria-valuemax')]).toEqual(['Transfer of screen.png', '10', '10'])
  expect(inline?.querySelector('img')?.getAttribute('alt')).toBe('screen.png')
  expect(root.textContent).not.toContain('other.txt')
  const save = [...(inline?.querySelectorAll('button') ?? [])].find((button) => button.textContent === 'Save file')
  save?.click()
  expect(saved).toEqual(['a'])
})

test('a file note without this page’s transfer (History, another rep) is only its text', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <EntryView entry={fileNote('A', 'fileSent', 'screen.png (10 bytes)')} selfId="customer-1" viewer="customer" files={transfersOf([])} />, root)
  expect(root.querySelector('.files__item')).toBeNull()
  expect(root.textContent).toContain('screen.png (10 bytes)')
})
