// @vitest-environment happy-dom
// The toolbar's buttons stay the same elements when its list is rebuilt (new labels when a part of the
// catalog arrives, a toggle pressed): focus and the roving tab stop stay where the rep left them.
import { afterEach, expect, it } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { SessionToolbar } from '../../src/views/session/SessionToolbar'
import type { SessionTool } from '../../src/views/session/sessionTool'

afterEach(() => document.body.replaceChildren())

const tools = (suffix: string, spellCheck: boolean): SessionTool[] => [
  { id: 'push', label: `Push URL${suffix}`, short: 'URL', icon: 'link', quick: true, run: () => undefined },
  { id: 'spell', label: `Spell check${suffix}`, short: 'Spell', icon: 'spell', quick: true, pressed: spellCheck, run: () => undefined },
  { id: 'end', label: 'End session', short: 'End', icon: 'close', quick: false, run: () => undefined },
]

it('a rebuilt list updates the buttons in place: the focused one keeps focus, with its new label and state', () => {
  const host = document.createElement('div')
  document.body.append(host)
  const [list, setList] = createSignal(tools('', false))
  const dispose = render(() => <SessionToolbar tools={list()} font={{ sizes: [100], size: 100, set: () => undefined }} />, host)
  const spell = host.querySelector<HTMLButtonElement>('[aria-label="Spell check"]')!
  spell.focus()
  setList(tools(' (new)', true))
  expect(host.querySelector('[aria-label="Spell check (new)"]')).toBe(spell)
  expect(document.activeElement).toBe(spell)
  expect(spell.getAttribute('aria-pressed')).toBe('true')
  expect([...host.querySelectorAll('.toolbar__button')].map((button) => button.getAttribute('aria-label')).slice(0, 2)).toEqual(['Push URL (new)', 'Spell check (new)'])
  dispose()
})
