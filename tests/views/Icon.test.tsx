// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { Icon } from '../../src/views/shell/Icon'

afterEach(() => {
  document.body.textContent = ''
})

test('an icon is a Lucide SVG hidden from assistive technology, 18 px, drawn in currentColor', () => {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <Icon name="close" />, root)
  const svg = root.querySelector('svg')
  expect(svg?.getAttribute('aria-hidden')).toBe('true')
  expect(svg?.classList.contains('icon')).toBe(true)
  expect(svg?.classList.contains('lucide-x')).toBe(true)
  expect([svg?.getAttribute('width'), svg?.getAttribute('height'), svg?.getAttribute('stroke')]).toEqual(['18', '18', 'currentColor'])
  expect(svg?.querySelectorAll('path').length).toBeGreaterThan(0)
  expect(root.textContent).toBe('')
})

test('changing the name redraws the icon (the hide / show toggle)', () => {
  const root = document.body.appendChild(document.createElement('div'))
  const [name, setName] = createSignal<'eye' | 'eyeOff'>('eyeOff')
  render(() => <Icon name={name()} />, root)
  expect(root.querySelector('svg')?.classList.contains('lucide-eye-off')).toBe(true)
  setName('eye')
  expect(root.querySelectorAll('svg')).toHaveLength(1)
  expect(root.querySelector('svg')?.classList.contains('lucide-eye')).toBe(true)
})
