// @vitest-environment happy-dom
// The message box: Enter sends and the box keeps focus; the Send button sends and gives focus back to the box.
import { afterEach, expect, test } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { Composer } from '../../src/views/session/Composer'

afterEach(() => {
  document.body.textContent = ''
})

function mount(): { box: HTMLTextAreaElement; send: HTMLButtonElement; sent: string[] } {
  const sent: string[] = []
  const root = document.body.appendChild(document.createElement('div'))
  render(() => {
    const [draft, setDraft] = createSignal('')
    return <Composer draft={draft()} onDraftChange={setDraft} onSend={(text) => sent.push(text)} />
  }, root)
  const box = root.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]')!
  const send = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Send')!
  return { box, send, sent }
}

function type(box: HTMLTextAreaElement, text: string): void {
  box.value = text
  box.dispatchEvent(new InputEvent('input', { bubbles: true }))
}

test('Enter sends the draft, clears the box and leaves the focus in it', () => {
  const { box, sent } = mount()
  box.focus()
  type(box, 'hello')
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
  expect(sent).toEqual(['hello'])
  expect(box.value).toBe('')
  expect(document.activeElement).toBe(box)
})

test('the Send button sends the draft and gives the focus back to the box', () => {
  const { box, send, sent } = mount()
  type(box, 'from the button')
  send.focus()
  send.click()
  expect(sent).toEqual(['from the button'])
  expect(box.value).toBe('')
  expect(document.activeElement).toBe(box)
})
