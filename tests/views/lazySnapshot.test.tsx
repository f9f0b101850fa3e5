// @vitest-environment happy-dom
// The snapshot's views are a chunk of their own (issue 20, bundles): a session opened without a snapshot never
// loads it and shows its transcript at once; one with a snapshot gets the cover once the chunk is in; and a
// chunk that cannot load never leaves the rep without their transcript.
import { afterEach, expect, test, vi } from 'vitest'
import { render } from 'solid-js/web'
import { createCoverWhenSnapshot } from '../../src/views/session/lazySnapshot'
import { makeLoader } from '../../src/views/shell/lazyPart'
import type { Entry } from '../../src/doc/entry'

afterEach(() => {
  document.body.textContent = ''
})

const snapshot: Entry[] = [{ id: 'e000001', kind: 'chat', audience: 'all', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', text: 'saved row', at: 1 }]

function mount(Cover: ReturnType<typeof createCoverWhenSnapshot>, rows: Entry[] | undefined): HTMLElement {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => (
    <Cover rows={rows} lastId={() => 'e000002'} selfId="rep-1" onUncovered={() => undefined}>
      <div role="log" aria-label="Transcript">real transcript</div>
    </Cover>
  ), root)
  return root
}

test('without a snapshot the transcript shows at once and the chunk is not asked for', () => {
  const load = vi.fn(() => import('../../src/views/session/snapshotParts'))
  const root = mount(createCoverWhenSnapshot(makeLoader(load)), undefined)
  expect(root.textContent).toBe('real transcript')
  expect(load).not.toHaveBeenCalled()
})

test('with a snapshot the saved rows cover the transcript once the chunk is in', async () => {
  const root = mount(createCoverWhenSnapshot(makeLoader(() => import('../../src/views/session/snapshotParts'))), snapshot)
  // The chunk is transformed on first import: on a loaded machine that takes longer than waitFor's default second.
  await vi.waitFor(() => expect(root.querySelector('[role="log"][aria-busy="true"]')?.textContent).toContain('saved row'), { timeout: 10_000 })
  expect(root.textContent).toContain('real transcript') // under the cover, for the swap
})

test('a chunk that fails to load leaves the transcript uncovered, not missing', async () => {
  const root = mount(createCoverWhenSnapshot(makeLoader(() => Promise.reject(new Error('offline')))), snapshot)
  expect(root.textContent).toBe('')
  await vi.waitFor(() => expect(root.textContent).toBe('real transcript'))
})
