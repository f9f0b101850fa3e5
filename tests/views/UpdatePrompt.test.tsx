// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { render } from 'solid-js/web'

const worker = vi.hoisted(() => ({ applied: 0, setReady: (_ready: boolean) => {} }))
const { createSignal } = await import('solid-js')
const [ready, setReady] = createSignal(false)
worker.setReady = setReady
const { UpdatePrompt } = await import('../../src/views/shell/UpdatePrompt')

afterEach(() => {
  document.body.textContent = ''
})

describe('UpdatePrompt', () => {
  test('says nothing until a new version waits, then reloads only when the rep presses Reload', () => {
    const root = document.body.appendChild(document.createElement('div'))
    const dispose = render(() => <UpdatePrompt available={ready()} onApply={() => (worker.applied += 1)} />, root)
    expect(root.querySelector('[role="status"]')).toBeNull()
    worker.setReady(true)
    const banner = root.querySelector('[role="status"]')
    expect(banner?.textContent).toContain('A new version is available')
    expect(worker.applied).toBe(0)
    root.querySelector('button')?.click()
    expect(worker.applied).toBe(1)
    dispose()
  })
})
