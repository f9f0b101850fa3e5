// @vitest-environment happy-dom
// The customer's transcript renders the newest entries of a long session, and older ones on demand.
import { afterEach, expect, test } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { CustomerTranscript, pageBefore } from '../../src/views/customer/CustomerTranscript'
import type { Entry } from '../../src/doc/entry'

afterEach(() => {
  document.body.textContent = ''
})

function message(i: number): Entry {
  const id = `e${String(i).padStart(6, '0')}`
  return { id, kind: 'chat', audience: 'all', authorId: 'rep-1', authorName: 'Ana', authorRole: 'rep', text: `message ${i}`, at: i }
}

const entriesOf = (count: number): Entry[] => Array.from({ length: count }, (_, i) => message(i))
const renderedIds = (root: HTMLElement): string[] => [...root.querySelectorAll('[role="log"] article')].map((article) => article.getAttribute('data-entry-id') ?? '')
const flush = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve))

test('a session of 2,000 entries renders only its newest rows, ending with the last one', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <CustomerTranscript entries={entriesOf(2000)} selfId="cust-1" />, root)
  const ids = renderedIds(root)
  expect(ids.length).toBeGreaterThan(0)
  expect(ids.length).toBeLessThan(400)
  expect(ids.at(-1)).toBe(message(1999).id)
  expect(ids).not.toContain(message(5).id)
})

test('find reaching an entry older than the rendered rows renders down to it', async () => {
  const root = document.body.appendChild(document.createElement('div'))
  const [currentId, setCurrentId] = createSignal<string | undefined>(undefined)
  render(() => <CustomerTranscript entries={entriesOf(2000)} selfId="cust-1" find={{ query: 'message', get currentId() { return currentId() } }} />, root)
  expect(renderedIds(root)).not.toContain(message(10).id)
  setCurrentId(message(10).id)
  await flush()
  expect(renderedIds(root)).toContain(message(10).id)
  expect(renderedIds(root).at(-1)).toBe(message(1999).id)
})

test('nearing the top renders the next older rows', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <CustomerTranscript entries={entriesOf(2000)} selfId="cust-1" />, root)
  const before = renderedIds(root).length
  const log = root.querySelector<HTMLElement>('[role="log"]')!
  log.scrollTop = 0
  log.dispatchEvent(new Event('scroll'))
  expect(renderedIds(root).length).toBeGreaterThan(before)
  expect(renderedIds(root).at(-1)).toBe(message(1999).id)
})

test('a session of long messages renders fewer rows: a page ends once its text is long enough', () => {
  const root = document.body.appendChild(document.createElement('div'))
  const long = (i: number): Entry => ({ ...message(i), text: `message ${i} ${'x'.repeat(4000)}` })
  render(() => <CustomerTranscript entries={Array.from({ length: 2000 }, (_, i) => long(i))} selfId="cust-1" />, root)
  const ids = renderedIds(root)
  expect(ids.length).toBeGreaterThan(1)
  expect(ids.length).toBeLessThanOrEqual(pageBefore(Array.from({ length: 2000 }, (_, i) => long(i)), 2000))
  expect(ids.length).toBe(20)
  expect(ids.at(-1)).toBe(message(1999).id)
  const log = root.querySelector<HTMLElement>('[role="log"]')!
  log.scrollTop = 0
  log.dispatchEvent(new Event('scroll'))
  expect(renderedIds(root).length).toBeGreaterThan(ids.length)
  expect(renderedIds(root).length).toBe(40)
})

test('a page is 150 short rows, or as many as reach the character budget', () => {
  expect(pageBefore(entriesOf(2000), 2000)).toBe(150)
  expect(pageBefore(entriesOf(10), 10)).toBe(10)
  const long = Array.from({ length: 100 }, (_, i) => ({ ...message(i), text: 'y'.repeat(10_000) }))
  expect(pageBefore(long, 100)).toBe(20)
  expect(pageBefore([...entriesOf(30), ...long], 130)).toBe(20)
  expect(pageBefore([...long.slice(0, 5), ...entriesOf(200)], 205)).toBe(150)
  expect(pageBefore(long, 2)).toBe(2)
})
