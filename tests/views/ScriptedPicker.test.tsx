// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { ScriptedPicker } from '../../src/views/scripts/ScriptedPicker'
import type { Script, ScriptKind } from '../../src/doc/scripts'

const script = (id: string, title: string, text: string, category = '', kind: ScriptKind = 'message', order = 0): Script => ({
  id,
  kind,
  title,
  text,
  category,
  order,
})

const LIBRARY: Script[] = [
  script('s1', 'Greeting', 'Hello {{customer.name}}, I am {{rep.name}}. Ticket {{ticket}}', 'Openers'),
  script('s2', 'Información', 'Le envío la información', 'Openers', 'message', 1),
  script('s3', 'Printer reset', 'Hold the power button of the printer for 10 s, {{ customer.name }}.', 'Hardware'),
  script('s4', 'Manual', 'https://example.com/manual?who={{customer.name}}', 'Docs', 'url'),
]

const VARIABLES = { 'customer.name': 'Carla Pérez', 'rep.name': 'Ana Rep' }

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  document.body.replaceChildren()
})

function mount(options: { kind?: ScriptKind; scripts?: Script[]; library?: () => Script[] | undefined; failed?: () => boolean; initialQuery?: string; onManage?: () => void } = {}) {
  const host = document.createElement('div')
  document.body.append(host)
  const [open, setOpen] = createSignal(true)
  const chosen: string[] = []
  const dispose = render(
    () => (
      <ScriptedPicker
        kind={options.kind ?? 'message'}
        open={open()}
        onOpenChange={setOpen}
        scripts={options.library ?? (() => options.scripts ?? LIBRARY)}
        scriptsFailed={options.failed}
        variables={() => VARIABLES}
        initialQuery={options.initialQuery}
        onChoose={(text) => chosen.push(text)}
        onManage={options.onManage}
      />
    ),
    host,
  )
  cleanup = dispose
  return { chosen, open }
}

/** The accessible name from aria-labelledby or aria-label (what a screen reader announces). */
function nameOf(el: Element): string {
  const ids = el.getAttribute('aria-labelledby')
  if (ids) return ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim()
  return el.getAttribute('aria-label') ?? ''
}

async function openDialog(): Promise<HTMLElement> {
  return vi.waitFor(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')
    if (!dialog) throw new Error('no dialog yet')
    return dialog
  }, { timeout: 5_000 })
}

const searchbox = (dialog: HTMLElement) => dialog.querySelector<HTMLInputElement>('input[type="search"]')!
const optionNames = (dialog: HTMLElement) => [...dialog.querySelectorAll('[role="option"]')].map(nameOf)
const option = (dialog: HTMLElement, name: string) => [...dialog.querySelectorAll<HTMLElement>('[role="option"]')].find((el) => nameOf(el) === name)!
const buttonNamed = (dialog: HTMLElement, name: string) => [...dialog.querySelectorAll('button')].find((el) => (el.getAttribute('aria-label') ?? el.textContent?.trim()) === name)!
/** The text box whose <label> shows `name`. */
const textboxLabelled = (dialog: HTMLElement, name: string) =>
  [...dialog.querySelectorAll('label')].find((label) => label.querySelector('span')?.textContent === name)?.querySelector('input')

function type(input: HTMLInputElement, value: string): void {
  input.value = value
  input.dispatchEvent(new InputEvent('input', { bubbles: true }))
}
const key = (el: Element, name: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }))

describe('ScriptedPicker', () => {
  test('says it is loading while the library’s code loads (not that there are no scripts), then lists them', async () => {
    const [library, setLibrary] = createSignal<Script[] | undefined>(undefined)
    mount({ library })
    const dialog = await openDialog()
    const busy = dialog.querySelector('[role="status"][aria-busy="true"]')
    expect(busy?.textContent).toBe('Loading…')
    expect(dialog.textContent).not.toContain('No scripted messages')
    setLibrary(LIBRARY)
    expect(dialog.querySelector('[aria-busy="true"]')).toBeNull()
    expect(optionNames(dialog)).toContain('Greeting')
  })

  test('a library whose code failed to load says so, with Try again (which reads it again), not Loading… for good', async () => {
    const [library, setLibrary] = createSignal<Script[] | undefined>(undefined)
    const [failed, setFailed] = createSignal(true)
    let reads = 0
    mount({ library: () => (reads++, library()), failed })
    const dialog = await openDialog()
    const alert = dialog.querySelector('[role="alert"]')
    expect(alert?.textContent).toContain('The scripts could not be loaded')
    expect(dialog.querySelector('[aria-busy="true"]')).toBeNull()
    const before = reads
    buttonNamed(dialog, 'Try again').click()
    expect(reads).toBeGreaterThan(before)
    setFailed(false)
    setLibrary(LIBRARY)
    expect(dialog.querySelector('[role="alert"]')).toBeNull()
    expect(optionNames(dialog)).toContain('Greeting')
  })

  test('is a dialog named after its kind, with a searchbox named Search listing that kind only', async () => {
    mount()
    const dialog = await openDialog()
    expect(nameOf(dialog)).toBe('Scripted messages')
    expect(searchbox(dialog).getAttribute('aria-label')).toBe('Search')
    expect(optionNames(dialog)).toEqual(['Printer reset', 'Greeting', 'Información'])
    const groups = [...dialog.querySelectorAll('[role="group"]')].map(nameOf)
    expect(groups).toEqual(['Hardware', 'Openers'])
  })

  test('search filters on title, text and category, ignoring case and accents', async () => {
    mount()
    const dialog = await openDialog()
    type(searchbox(dialog), 'INFORMACION')
    expect(optionNames(dialog)).toEqual(['Información'])
    type(searchbox(dialog), 'power button')
    expect(optionNames(dialog)).toEqual(['Printer reset'])
    type(searchbox(dialog), 'openers')
    expect(optionNames(dialog)).toEqual(['Greeting', 'Información'])
    type(searchbox(dialog), 'nothing like this')
    expect(optionNames(dialog)).toEqual([])
    expect(dialog.querySelector('[role="status"]')?.textContent).toContain('nothing like this')
  })

  test('the search starts from initialQuery', async () => {
    mount({ initialQuery: 'gre' })
    const dialog = await openDialog()
    expect(searchbox(dialog).value).toBe('gre')
    expect(optionNames(dialog)).toEqual(['Greeting'])
  })

  test('choosing a script with a missing variable asks for it, and only then calls onChoose with the filled text', async () => {
    const { chosen, open } = mount()
    const dialog = await openDialog()
    option(dialog, 'Greeting').click()
    expect(chosen).toEqual([])
    expect(textboxLabelled(dialog, 'customer.name')).toBeUndefined()
    const ticket = textboxLabelled(dialog, 'ticket')!
    expect(ticket).toBeDefined()
    const insert = buttonNamed(dialog, 'Insert')
    expect(insert.disabled).toBe(true)
    type(ticket, '   ')
    expect(insert.disabled).toBe(true)
    type(ticket, '123')
    expect(insert.disabled).toBe(false)
    insert.click()
    expect(chosen).toEqual(['Hello Carla Pérez, I am Ana Rep. Ticket 123'])
    expect(open()).toBe(false)
  })

  test('arrow keys move the active option and Enter chooses it; known variables are filled at once', async () => {
    const { chosen } = mount()
    const dialog = await openDialog()
    const box = searchbox(dialog)
    expect(box.getAttribute('aria-activedescendant')).toBe(option(dialog, 'Printer reset').id)
    key(box, 'ArrowDown')
    key(box, 'ArrowDown')
    key(box, 'ArrowUp')
    expect(box.getAttribute('aria-activedescendant')).toBe(option(dialog, 'Greeting').id)
    expect(option(dialog, 'Greeting').getAttribute('aria-selected')).toBe('true')
    key(box, 'ArrowUp')
    key(box, 'Enter')
    expect(chosen).toEqual(['Hold the power button of the printer for 10 s, Carla Pérez.'])
  })

  test('a value typed for a variable is inserted literally, never expanded again', async () => {
    const { chosen } = mount({ initialQuery: 'greeting' })
    const dialog = await openDialog()
    key(searchbox(dialog), 'Enter')
    const ticket = textboxLabelled(dialog, 'ticket')!
    type(ticket, '{{rep.name}}')
    buttonNamed(dialog, 'Insert').click()
    expect(chosen).toEqual(['Hello Carla Pérez, I am Ana Rep. Ticket {{rep.name}}'])
  })

  test('URL scripts get their values URL-encoded', async () => {
    const { chosen } = mount({ kind: 'url' })
    const dialog = await openDialog()
    expect(nameOf(dialog)).toBe('Scripted URLs')
    option(dialog, 'Manual').click()
    expect(chosen).toEqual(['https://example.com/manual?who=Carla%20P%C3%A9rez'])
  })

  test('an empty library shows a hint and Manage scripts, which closes the picker and calls onManage', async () => {
    const onManage = vi.fn()
    const { open } = mount({ scripts: [], onManage })
    const dialog = await openDialog()
    expect(dialog.textContent).toContain('No scripted messages yet')
    buttonNamed(dialog, 'Manage scripts').click()
    expect(onManage).toHaveBeenCalledOnce()
    expect(open()).toBe(false)
  })

  test('Escape closes the dialog without choosing', async () => {
    const { chosen, open } = mount()
    const dialog = await openDialog()
    key(searchbox(dialog), 'Escape')
    expect(open()).toBe(false)
    expect(chosen).toEqual([])
  })
})
