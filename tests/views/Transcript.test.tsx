// @vitest-environment happy-dom
// The console's transcript: a plain list while a session is short, the virtual list (its own chunk) once it grows long.
import { afterEach, expect, onTestFinished, test, vi } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { Transcript } from '../../src/views/session/Transcript'
import { SHORT_LIST_MAX } from '../../src/views/session/transcriptRows'
import type { TranscriptScroll } from '../../src/app/session/sessionViewState'
import type { Entry } from '../../src/doc/entry'

afterEach(() => {
  document.body.textContent = ''
})

function message(i: number): Entry {
  const id = `e${String(i).padStart(6, '0')}`
  return { id, kind: 'chat', audience: 'all', authorId: 'cust-1', authorName: 'Bea', authorRole: 'customer', text: `message ${i}`, at: i }
}

const entriesOf = (count: number): Entry[] => Array.from({ length: count }, (_, i) => message(i))
const renderedIds = (root: HTMLElement): string[] => [...root.querySelectorAll('[role="log"] article')].map((article) => article.getAttribute('data-entry-id') ?? '')
const isVirtual = (root: HTMLElement): boolean => root.querySelector('[role="log"] .transcript__space') !== null
const isPlain = (root: HTMLElement): boolean => root.querySelector('[role="log"] .transcript__list') !== null

function mount(entries: () => Entry[], extra: { onScrollSave?: (scroll: TranscriptScroll) => void } = {}): { root: HTMLElement; dispose: () => void } {
  const root = document.body.appendChild(document.createElement('div'))
  const dispose = render(
    () => <Transcript entries={entries()} selfId="rep-1" viewer="rep" header={() => <p class="details-header">details</p>} onScrollSave={extra.onScrollSave} />,
    root,
  )
  return { root, dispose }
}

test('a short session is a plain list of every entry in order, the details first', () => {
  const { root } = mount(() => entriesOf(40))
  expect(isPlain(root)).toBe(true)
  expect(isVirtual(root)).toBe(false)
  expect(renderedIds(root)).toEqual(entriesOf(40).map((entry) => entry.id))
  expect(root.querySelector('[role="log"] .transcript__row')?.textContent).toBe('details')
})

test('a session growing past the limit changes to the virtual list, its rows still in order', async () => {
  const [entries, setEntries] = createSignal(entriesOf(SHORT_LIST_MAX))
  const { root } = mount(entries)
  expect(isPlain(root)).toBe(true)
  expect(renderedIds(root)).toHaveLength(SHORT_LIST_MAX)
  setEntries(entriesOf(SHORT_LIST_MAX + 1))
  await vi.waitFor(() => expect(isVirtual(root)).toBe(true), { timeout: 10_000 }) // the chunk's first import is slow on a loaded machine
  expect(isPlain(root)).toBe(false)
  // happy-dom lays nothing out, so which rows the virtual list renders is for the browser test; their order is not.
  const ids = renderedIds(root)
  expect(ids).toEqual([...ids].sort())
  expect(root.querySelectorAll('[role="log"]')).toHaveLength(1)
})

test('nearing the limit does not change the list yet', async () => {
  const [entries, setEntries] = createSignal(entriesOf(10))
  const { root } = mount(entries)
  setEntries(entriesOf(SHORT_LIST_MAX))
  // The virtual list's chunk is fetched ahead; once it is here, the list is still plain.
  await import('../../src/views/session/VirtualRows')
  await new Promise<void>((resolve) => setTimeout(resolve))
  expect(isPlain(root)).toBe(true)
  expect(renderedIds(root)).toHaveLength(SHORT_LIST_MAX)
})

test('a session opened long shows its newest rows at once, then the virtual list', async () => {
  const { root } = mount(() => entriesOf(2000))
  if (!isVirtual(root)) {
    const ids = renderedIds(root)
    expect(ids).toHaveLength(SHORT_LIST_MAX)
    expect(ids.at(-1)).toBe(message(1999).id)
  }
  await vi.waitFor(() => expect(isVirtual(root)).toBe(true), { timeout: 10_000 }) // the chunk's first import is slow on a loaded machine
  expect(renderedIds(root).length).toBeLessThan(100)
})

test('a short transcript saves where the reader was with every row measured, for the virtual list to restore', () => {
  let saved: TranscriptScroll | undefined
  const { dispose } = mount(() => entriesOf(30), { onScrollSave: (scroll) => (saved = scroll) })
  dispose()
  expect(saved?.following).toBe(true)
  expect(saved?.measurements.map((row) => row.key)).toEqual(['header', ...entriesOf(30).map((entry) => entry.id)])
})

test('in a short session an appended entry adds its row and leaves the others as they were; a new object for an entry updates its row in place', () => {
  const [entries, setEntries] = createSignal(entriesOf(20))
  const { root } = mount(entries)
  const articles = (): Element[] => [...root.querySelectorAll('[role="log"] article')]
  const before = articles()
  setEntries([...entries(), message(20)])
  expect(renderedIds(root)).toEqual(entriesOf(21).map((entry) => entry.id))
  expect(articles().slice(0, 20)).toEqual(before) // the same nodes: nothing re-mounted
  // A snapshot read afresh (new objects, same ids), one of them changed: that row shows it, no row re-mounts.
  const fresh = entriesOf(21).map((entry) => (entry.id === message(5).id ? { ...entry, text: 'message 5, corrected' } : entry))
  const kept = articles()
  setEntries(fresh)
  expect(articles()).toEqual(kept)
  expect(articles()[5]?.textContent).toContain('message 5, corrected')
  expect(articles()[6]?.textContent).toContain('message 6')
})

test('in a long session an appended entry leaves the rendered rows as they were; a new object for a shown entry updates its row in place', async () => {
  // happy-dom lays nothing out: a scroller 600 px tall (what the virtualiser reads) makes it render rows.
  const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('transcript__scroller') ? 600 : 0
  })
  onTestFinished(() => height.mockRestore())
  const [entries, setEntries] = createSignal(entriesOf(400))
  const { root } = mount(entries)
  await vi.waitFor(() => expect(isVirtual(root)).toBe(true), { timeout: 10_000 }) // the chunk's first import is slow on a loaded machine
  const articles = (): Element[] => [...root.querySelectorAll('[role="log"] article')]
  const before = articles()
  const shown = renderedIds(root)
  expect(shown.length).toBeGreaterThan(0)
  setEntries([...entries(), message(400)])
  expect(articles().slice(0, before.length)).toEqual(before)
  const target = shown[0]!
  const index = entries().findIndex((entry) => entry.id === target)
  setEntries(entries().map((entry, i) => (i === index ? { ...entry, text: 'corrected' } : { ...entry })))
  expect(articles().slice(0, before.length)).toEqual(before)
  expect(root.querySelector(`[data-entry-id="${target}"]`)?.textContent).toContain('corrected')
  expect(renderedIds(root)).toEqual(renderedIds(root).toSorted())
})

test('the Find query marks matches in every row and the current match is the row marked current, both following the find state', () => {
  const [find, setFind] = createSignal<{ query: string; currentId: string | undefined } | undefined>(undefined)
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <Transcript entries={entriesOf(12)} selfId="rep-1" viewer="rep" find={find()} />, root)
  const marks = (): string[] => [...root.querySelectorAll('mark')].map((mark) => mark.textContent ?? '')
  const current = (): string[] => [...root.querySelectorAll('article[aria-current="true"]')].map((article) => article.getAttribute('data-entry-id') ?? '')
  expect([marks(), current()]).toEqual([[], []])
  setFind({ query: 'message 1', currentId: message(10).id })
  expect(marks()).toEqual(['message 1', 'message 1', 'message 1']) // message 1, 10 and 11
  expect(current()).toEqual([message(10).id])
  setFind({ query: 'message 1', currentId: message(1).id })
  expect(current()).toEqual([message(1).id])
  setFind(undefined)
  expect([marks(), current()]).toEqual([[], []])
})
