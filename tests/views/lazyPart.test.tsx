// @vitest-environment happy-dom
// A part loaded on first want (src/views/shell/lazyPart.tsx): nothing until wanted, one load for every
// want meanwhile, and a failed load (offline before the chunk was cached) tried again by what comes next.
import { afterEach, expect, it, vi } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { lazyPart } from '../../src/views/shell/lazyPart'

afterEach(() => document.body.replaceChildren())

function Warnings(props: { items: string[] }) {
  return <ul>{props.items.map((item) => <li>{item}</li>)}</ul>
}

it('loads nothing until wanted, then shows the part; a failed load is tried again when what it shows changes', async () => {
  const load = vi.fn<() => Promise<typeof Warnings>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Warnings)
  const Part = lazyPart(load, (props: { items: string[] }) => props.items.length > 0)
  const [items, setItems] = createSignal<string[]>([])
  const host = document.createElement('div')
  document.body.append(host)
  const dispose = render(() => <Part items={items()} />, host)
  expect(load).not.toHaveBeenCalled()
  setItems(['forged entry'])
  expect(load).toHaveBeenCalledTimes(1)
  await vi.waitFor(() => expect(load.mock.results[0]?.type).toBe('return'))
  await Promise.resolve()
  expect(host.querySelectorAll('li')).toHaveLength(0) // the load failed: nothing shown
  setItems(['forged entry', 'unsigned entry'])
  expect(load).toHaveBeenCalledTimes(2)
  await vi.waitFor(() => expect([...host.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['forged entry', 'unsigned entry']))
  setItems(['forged entry', 'unsigned entry', 'third'])
  await vi.waitFor(() => expect(host.querySelectorAll('li')).toHaveLength(3))
  expect(load).toHaveBeenCalledTimes(2) // loaded once: no more loads
  dispose()
})
