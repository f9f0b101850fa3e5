// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createRoot } from 'solid-js'
import { render } from 'solid-js/web'
import { createScripts } from '../../src/app/session/createScripts'
import * as Y from 'yjs'
import { ScriptLibrary } from '../../src/views/scripts/ScriptLibrary'
import { addScript, readScripts } from '../../src/doc/scripts'

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  document.body.replaceChildren()
})

async function mount(teamDoc: Y.Doc): Promise<HTMLElement> {
  const host = document.createElement('div')
  document.body.append(host)
  cleanup = createRoot((dispose) => {
    const scripts = createScripts(teamDoc)
    const unmount = render(() => <ScriptLibrary open onOpenChange={() => {}} teamDoc={teamDoc} scripts={scripts} />, host)
    return () => {
      unmount()
      dispose()
    }
  })
  return vi.waitFor(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')
    if (!dialog) throw new Error('no dialog yet')
    return dialog
  }, { timeout: 5_000 })
}

const button = (dialog: HTMLElement, name: string) => {
  const found = [...dialog.querySelectorAll('button')].find((el) => (el.getAttribute('aria-label') ?? el.textContent?.trim()) === name)
  if (!found) throw new Error(`no button ${name}`)
  return found
}
/** The text box whose <label> (wrapping, or `for`) shows `name` (the kind radios are labelled too). */
const field = (dialog: HTMLElement, name: string): HTMLInputElement | HTMLTextAreaElement => {
  for (const label of dialog.querySelectorAll('label')) {
    if (label.textContent?.trim() !== name) continue
    const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input:not([type="radio"]), textarea')
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control
  }
  throw new Error(`no field ${name}`)
}
function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value
  control.dispatchEvent(new InputEvent('input', { bubbles: true }))
}
const submit = (dialog: HTMLElement) => dialog.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
const rowTitles = (dialog: HTMLElement) => [...dialog.querySelectorAll('li .scripts-list__title')].map((el) => el.textContent)

describe('ScriptLibrary', () => {
  test('adds a message script to the team doc through the form', async () => {
    const doc = new Y.Doc()
    const dialog = await mount(doc)
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Manage scripts')
    button(dialog, 'Add script').click()
    type(field(dialog, 'Title'), 'Greeting')
    type(field(dialog, 'Text'), 'Hello {{customer.name}}')
    type(field(dialog, 'Category'), 'Openers')
    submit(dialog)
    expect(readScripts(doc).map(({ kind, title, text, category }) => ({ kind, title, text, category }))).toEqual([
      { kind: 'message', title: 'Greeting', text: 'Hello {{customer.name}}', category: 'Openers' },
    ])
    expect(rowTitles(dialog)).toEqual(['Greeting'])
    expect(dialog.querySelector('form')).toBeNull()
  })

  test('refuses a javascript: URL with an alert and writes nothing', async () => {
    const doc = new Y.Doc()
    const dialog = await mount(doc)
    button(dialog, 'Add script').click()
    const urlRadio = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((el) => el.value === 'url')!
    urlRadio.checked = true
    urlRadio.dispatchEvent(new Event('change', { bubbles: true }))
    type(field(dialog, 'Title'), 'Evil')
    type(field(dialog, 'URL'), 'javascript:alert(1)')
    submit(dialog)
    expect(dialog.querySelector('[role="alert"]')?.textContent).toContain('http://')
    expect(field(dialog, 'URL').getAttribute('aria-invalid')).toBe('true')
    expect(readScripts(doc)).toEqual([])
  })

  test('moves, edits and deletes scripts, and shows a team mate’s changes', async () => {
    const doc = new Y.Doc()
    addScript(doc, { kind: 'message', title: 'A', text: 'a', category: '' })
    addScript(doc, { kind: 'message', title: 'B', text: 'b', category: '' })
    const dialog = await mount(doc)
    expect(rowTitles(dialog)).toEqual(['A', 'B'])
    expect(button(dialog, 'Move A up').disabled).toBe(true)
    button(dialog, 'Move B up').click()
    expect(rowTitles(dialog)).toEqual(['B', 'A'])

    button(dialog, 'Edit A').click()
    expect(field(dialog, 'Title').value).toBe('A')
    type(field(dialog, 'Title'), 'A2')
    submit(dialog)
    expect(rowTitles(dialog)).toEqual(['B', 'A2'])

    button(dialog, 'Delete B').click()
    expect(rowTitles(dialog)).toEqual(['A2'])

    const mate = new Y.Doc()
    Y.applyUpdate(mate, Y.encodeStateAsUpdate(doc))
    addScript(mate, { kind: 'url', title: 'Docs', text: 'https://example.com', category: 'Links' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(mate))
    expect(rowTitles(dialog)).toEqual(['A2', 'Docs'])
  })
})
