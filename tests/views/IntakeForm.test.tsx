// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest'
import { render } from 'solid-js/web'
import { IntakeForm } from '../../src/views/customer/IntakeForm'
import type { IntakeForm as IntakeValues } from '../../src/app/customer/customerSession'

afterEach(() => {
  document.body.textContent = ''
})

/** Renders the form; returns its controls found by their labels. */
function renderForm(systemInfo: () => Promise<Record<string, string>>, onStart: (values: IntakeValues) => Promise<void>) {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <IntakeForm onStart={onStart} systemInfo={systemInfo} />, root)
  const field = (label: string): HTMLInputElement | HTMLTextAreaElement =>
    [...root.querySelectorAll('label')].find((element) => element.textContent?.includes(label))!.querySelector('input, textarea')!
  const type = (label: string, value: string): void => {
    const input = field(label)
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  const tick = (): void => {
    const box = field('Share my system information') as HTMLInputElement
    box.checked = true
    box.dispatchEvent(new Event('change', { bubbles: true }))
  }
  const send = (): void => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
  return { root, type, tick, send }
}

test('without consent the facts are never read (their code is never fetched) and the intake carries none', async () => {
  const systemInfo = vi.fn(() => Promise.resolve({ os: 'Windows 11' }))
  const onStart = vi.fn((_values: IntakeValues) => Promise.resolve())
  const form = renderForm(systemInfo, onStart)
  form.type('Your name', 'Ana')
  form.type('Describe your problem', 'No sound')
  form.send()
  await vi.waitFor(() => expect(onStart).toHaveBeenCalled())
  expect(onStart.mock.calls[0]![0]).toEqual({ name: 'Ana', request: 'No sound', system: {} })
  expect(systemInfo).not.toHaveBeenCalled()
})

test('ticking the box starts reading the facts; sending waits for them and sends what was typed at the press', async () => {
  let answer: (facts: Record<string, string>) => void = () => undefined
  const systemInfo = vi.fn(() => new Promise<Record<string, string>>((resolve) => (answer = resolve)))
  const onStart = vi.fn((_values: IntakeValues) => Promise.resolve())
  const form = renderForm(systemInfo, onStart)
  form.type('Your name', 'Ana')
  form.tick()
  expect(systemInfo).toHaveBeenCalledTimes(1)
  form.send()
  form.type('Your name', 'Changed after the press')
  await Promise.resolve()
  expect(onStart).not.toHaveBeenCalled()
  answer({ os: 'Windows 11' })
  await vi.waitFor(() => expect(onStart).toHaveBeenCalled())
  expect(onStart.mock.calls[0]![0]).toEqual({ name: 'Ana', request: '', system: { os: 'Windows 11' } })
  expect(form.root.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(true)
})

test('when the facts cannot be read the form says so, stays filled, and sending again reads them again', async () => {
  const systemInfo = vi.fn<() => Promise<Record<string, string>>>().mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ os: 'Linux' })
  const onStart = vi.fn((_values: IntakeValues) => Promise.resolve())
  const form = renderForm(systemInfo, onStart)
  form.type('Your name', 'Ana')
  form.tick() // this read fails quietly: sending tries again
  form.send()
  await vi.waitFor(() => expect(form.root.querySelector('[role="alert"]')?.textContent).toContain('offline'))
  expect(onStart).not.toHaveBeenCalled()
  expect(form.root.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(false)
  form.send()
  await vi.waitFor(() => expect(onStart).toHaveBeenCalled())
  expect(onStart.mock.calls[0]![0]).toEqual({ name: 'Ana', request: '', system: { os: 'Linux' } })
  expect(systemInfo).toHaveBeenCalledTimes(3)
})
