// @vitest-environment happy-dom
// A reopened session's saved last screenful shows at once, then gives way to the real transcript once that
// has drawn its end: never both to a screen reader, never a row twice, the snapshot as text only.
import { afterEach, expect, test, vi } from 'vitest'
import { For, createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { SnapshotCover } from '../../src/views/session/SnapshotCover'
import { SnapshotRows } from '../../src/views/session/OpeningSession'
import type { Entry } from '../../src/doc/entry'

afterEach(() => {
  document.body.textContent = ''
  vi.restoreAllMocks()
})

function message(i: number, text = `message ${i}`): Entry {
  return { id: `e${String(i).padStart(6, '0')}`, kind: 'chat', audience: 'all', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', text, at: i }
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

/** Articles a reader can reach: not inside an element hidden with `visibility: hidden`. */
function reachableIds(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>('article')]
    .filter((article) => {
      for (let node: HTMLElement | null = article; node; node = node.parentElement) if (node.style.visibility === 'hidden') return false
      return true
    })
    .map((article) => article.dataset.entryId ?? '')
}

/** A stand-in for the virtual transcript: a log of the entries whose last row is "in view" once `drawn`. */
function RealLog(props: { entries: Entry[] }) {
  return (
    <div role="log" aria-label="Transcript" aria-live="off">
      <For each={props.entries}>{(entry) => <article data-entry-id={entry.id}>{entry.text}</article>}</For>
    </div>
  )
}

test('the snapshot covers the real transcript, hidden, until the real one shows its newest entry; then it goes, each entry once', async () => {
  const snapshot = [1, 2, 3].map((i) => message(i))
  const real = [1, 2, 3, 4].map((i) => message(i))
  const [drawn, setDrawn] = createSignal(false)
  // Layout as the browser reports it: the log's box, and its last row inside that box only once the list has scrolled to it.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const inView = this.getAttribute('role') === 'log' || (this.dataset.entryId === real.at(-1)!.id && drawn())
    return DOMRect.fromRect(inView ? { x: 0, y: 100, width: 300, height: 50 } : { x: 0, y: 5_000, width: 300, height: 50 })
  })
  const uncovered = vi.fn()
  const root = document.body.appendChild(document.createElement('div'))
  render(() => (
    <SnapshotCover rows={snapshot} lastId={() => real.at(-1)?.id} selfId="rep-1" onUncovered={uncovered}>
      <RealLog entries={real} />
    </SnapshotCover>
  ), root)

  expect(root.querySelector('[role="log"][aria-busy="true"]')).not.toBeNull()
  expect(reachableIds(root)).toEqual(snapshot.map((entry) => entry.id))
  await nextFrame()
  await nextFrame()
  expect(uncovered).not.toHaveBeenCalled() // the real list has not drawn its end yet: still covered
  expect(reachableIds(root)).toEqual(snapshot.map((entry) => entry.id))

  setDrawn(true)
  await nextFrame()
  expect(uncovered).toHaveBeenCalledOnce()
  expect(root.querySelector('[role="log"][aria-busy="true"]')).toBeNull()
  expect(root.querySelectorAll('[role="log"]')).toHaveLength(1)
  expect(reachableIds(root)).toEqual(real.map((entry) => entry.id))
})

test('without a snapshot the real transcript shows at once, uncovered', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => (
    <SnapshotCover rows={undefined} lastId={() => message(1).id} selfId="rep-1" onUncovered={() => undefined}>
      <RealLog entries={[message(1)]} />
    </SnapshotCover>
  ), root)
  expect(root.querySelectorAll('[role="log"]')).toHaveLength(1)
  expect(reachableIds(root)).toEqual([message(1).id])
})

test('snapshot rows are a quiet, busy Transcript log whose text stays text', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <SnapshotRows rows={[message(1, '<img src=x onerror=alert(1)>')]} selfId="rep-1" />, root)
  const log = root.querySelector<HTMLElement>('[role="log"]')!
  expect(log.getAttribute('aria-label')).toBe('Transcript')
  expect(log.getAttribute('aria-live')).toBe('off')
  expect(log.getAttribute('aria-busy')).toBe('true')
  expect(root.querySelector('img')).toBeNull()
  expect(log.textContent).toContain('<img src=x onerror=alert(1)>')
})
