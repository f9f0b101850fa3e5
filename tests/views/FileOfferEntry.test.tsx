// @vitest-environment happy-dom
// A file offer lives in its transcript note: Accept / Decline, progress, Cancel, outcome, Save, preview.
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { EntryView } from '../../src/views/session/EntryView'
import type { FileTransfers, Transfer } from '../../src/app/tools/fileTransfer'
import type { Entry } from '../../src/doc/entry'
import { fileNoteKey, type FileNoteEvent } from '../../src/doc/fileNotes'
import { setLang } from '../../src/i18n/i18n'

afterEach(() => {
  setLang('en')
  document.body.textContent = ''
})

/** Transfers whose actions are recorded as `action:key`. */
function transfersOf(list: () => Transfer[], calls: string[] = []): FileTransfers {
  const record = (action: string) => (key: string) => void calls.push(`${action}:${key}`)
  return { list, send: () => 'sent', accept: record('accept'), decline: record('decline'), cancel: record('cancel'), save: record('save') }
}

/** Ana's (rep-1's) note for transfer `id`, as fileTransfer.ts writes it. */
function fileNote(id: string, event: FileNoteEvent, text: string): Entry {
  return { id: `e-${id}-${event}`, kind: 'status', audience: 'all', authorId: 'rep-1', authorName: 'Ana Rep', authorRole: 'system', text, at: 0, event, eventKey: fileNoteKey(id, event) }
}

const offered: Transfer = { key: 'a', id: 'A', direction: 'in', name: 'screen.png', size: 10, peer: 'Presence Name', peerUserId: 'rep-1', phase: 'offered', bytes: 0 }

function mount(entry: Entry, files: FileTransfers, selfId = 'cust-1'): HTMLElement {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <EntryView entry={entry} selfId={selfId} viewer="customer" files={files} />, root)
  return root
}

/** An offer to this side is a non-modal dialog (UI-CONTRACT); the sender's own card is a group. */
const group = (root: HTMLElement, name = 'Incoming file') => root.querySelector(`[role="${/Incoming|entrante/.test(name) ? 'dialog' : 'group'}"][aria-label="${name}"]`)
const buttons = (root: Element | null) => [...(root?.querySelectorAll('button') ?? [])].map((button) => button.textContent)
const click = (root: Element | null, name: string) => [...(root?.querySelectorAll('button') ?? [])].find((button) => button.textContent === name)?.click()

// The card is a chunk of its own, fetched with the page's first one (EntryView): fetched here once, after
// which every card renders at once, as on a page that has shown one.
beforeAll(async () => {
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => [offered]))
  await vi.waitFor(() => expect(group(root)).not.toBeNull())
  document.body.textContent = ''
})

test('a note whose page has no transfers shows no card (and fetches none)', () => {
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => []))
  expect(root.querySelector('.entry__status')?.textContent).toContain('Ana Rep offered screen.png (10 bytes)')
  expect(root.querySelector('[role="group"]')).toBeNull()
})

test('an offer shows inside its note as the Incoming file dialog, naming the note’s author, with Decline and Accept', () => {
  const calls: string[] = []
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => [offered], calls))
  expect(root.querySelector('.entry__status')?.textContent).toContain('Ana Rep offered screen.png (10 bytes)')
  const offer = group(root)
  // The sender's name is the verified note's author, not what the sending peer's presence claims.
  expect(offer?.querySelector('.files__name')?.textContent).toBe('screen.png (10 bytes) · From Ana Rep')
  expect(offer?.textContent).toContain('Waiting for your answer')
  expect(buttons(offer)).toEqual(['Decline', 'Accept'])
  click(offer, 'Accept')
  click(offer, 'Decline')
  expect(calls).toEqual(['accept:a', 'decline:a'])
})

test('the same row moves through transfer, Cancel, and done with the image preview and Save, in place', () => {
  const calls: string[] = []
  const [item, setItem] = createSignal<Transfer>(offered)
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => [item()], calls))
  const bar = group(root)?.querySelector('[role="progressbar"]')
  setItem({ ...offered, phase: 'transferring', bytes: 4 })
  expect(group(root)?.querySelector('[role="progressbar"]')).toBe(bar) // the same node: its progress moves, nothing re-mounts
  expect([bar?.getAttribute('aria-label'), bar?.getAttribute('aria-valuenow'), bar?.getAttribute('aria-valuemax')]).toEqual(['Transfer of screen.png', '4', '10'])
  expect(buttons(group(root))).toEqual(['Cancel'])
  click(group(root), 'Cancel')
  setItem({ ...offered, phase: 'done', bytes: 10, preview: 'blob:preview-a' })
  expect(group(root)?.textContent).toContain('Done — SHA-256 verified')
  expect(group(root)?.querySelector('img')?.getAttribute('alt')).toBe('screen.png')
  expect(group(root)?.querySelector('img')?.getAttribute('src')).toBe('blob:preview-a')
  click(group(root), 'Save file')
  expect(calls).toEqual(['cancel:a', 'save:a'])
})

test('an outgoing offer shows in the sender’s own note, one row per recipient, with no Accept, Decline or Save', () => {
  const out = (key: string, peer: string): Transfer => ({ key, id: 'A', direction: 'out', name: 'screen.png', size: 10, peer, peerUserId: peer, phase: 'waiting', bytes: 0 })
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => [out('x', 'Ben'), out('y', 'Cleo')]), 'rep-1')
  expect(root.querySelector('.entry__status')?.textContent).toContain('You offered screen.png (10 bytes)')
  const rows = [...root.querySelectorAll('[role="group"][aria-label="Outgoing file"]')]
  expect(rows.map((row) => row.querySelector('.files__name')?.textContent)).toEqual(['screen.png (10 bytes) · To Ben', 'screen.png (10 bytes) · To Cleo'])
  expect(rows.map((row) => buttons(row))).toEqual([['Cancel'], ['Cancel']])
})

test('a transfer whose sender is not the note’s author is not shown as that note’s offer (forged or copied id)', () => {
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => [{ ...offered, peerUserId: 'intruder' }]))
  expect(root.querySelector('[role="group"]')).toBeNull()
  expect(root.querySelectorAll('button')).toHaveLength(0)
})

test('a note that ended a transfer, and an offer with no transfer on this page (History, another rep), are only their text', () => {
  const done = transfersOf(() => [{ ...offered, phase: 'done', bytes: 10 }])
  const ended = mount(fileNote('A', 'fileSent', 'screen.png (10 bytes)'), done)
  expect(ended.querySelector('[role="group"]')).toBeNull()
  expect(ended.textContent).toContain('Ana Rep sent screen.png (10 bytes)')
  const history = mount(fileNote('B', 'fileOffered', 'other.txt (3 bytes)'), done)
  expect(history.querySelector('[role="group"]')).toBeNull()
  expect(history.textContent).toContain('Ana Rep offered other.txt (3 bytes)')
})

test('speaks Spanish when the UI does', () => {
  setLang('es')
  const root = mount(fileNote('A', 'fileOffered', 'screen.png (10 bytes)'), transfersOf(() => [offered]))
  expect(root.querySelector('.entry__status')?.textContent).toContain('Ana Rep ofreció screen.png (10 bytes)')
  const offer = group(root, 'Archivo entrante')
  expect(offer?.querySelector('.files__name')?.textContent).toBe('screen.png (10 bytes) · De Ana Rep')
  expect(buttons(offer)).toEqual(['Rechazar', 'Aceptar'])
})
