// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { ExportDialog } from '../../src/views/session/ExportDialog'
import { CUSTOMER_MESSAGE, REP_ONLY_MESSAGE, exportSession } from '../doc/exportFixtures'
import { downloadTranscript } from '../../src/app/session/downloadTranscript'

const downloads = vi.hoisted(() => [] as Array<{ name: string; mime: string; content: string }>)
vi.mock('../../src/app/shell/download', () => ({
  downloadFile: (name: string, mime: string, content: string) => downloads.push({ name, mime, content }),
}))

let dispose: (() => void) | undefined
afterEach(() => {
  dispose?.()
  dispose = undefined
  downloads.length = 0
  document.body.replaceChildren()
})

/** Renders the dialog over a session doc; returns the setter of its `open` prop. */
function mount(open = true) {
  const { doc } = exportSession()
  const [isOpen, setOpen] = createSignal(open)
  const changes: boolean[] = []
  const host = document.createElement('div')
  document.body.append(host)
  dispose = render(
    () => (
      <ExportDialog
        open={isOpen()}
        onOpenChange={(next) => {
          changes.push(next)
          setOpen(next)
        }}
        onExport={(format, options) => downloadTranscript(doc, format, options)}
      />
    ),
    host,
  )
  return { setOpen, changes }
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')
const byLabel = (text: string) =>
  [...document.querySelectorAll('label')].find((label) => label.textContent?.trim() === text)?.querySelector('input') ?? undefined
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)

describe('ExportDialog', () => {
  test('is a dialog named "Export transcript" with a Format radio group and both options off', () => {
    mount()
    const titleId = dialog()?.getAttribute('aria-labelledby') ?? ''
    expect(document.getElementById(titleId)?.textContent).toBe('Export transcript')
    const group = document.querySelector('[role="radiogroup"]')
    expect(document.getElementById(group?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Format')
    expect(byLabel('Text (.txt)')?.checked).toBe(true)
    expect(byLabel('Web page (.html)')?.checked).toBe(false)
    expect(byLabel('Data (.json)')?.checked).toBe(false)
    expect(byLabel('Include rep-only messages')?.checked).toBe(false)
    expect(byLabel('Include session notes')?.checked).toBe(false)
    expect(button('Close')).toBeDefined()
  })

  test('Download saves the chosen format, without rep-only messages unless ticked', () => {
    mount()
    button('Download')?.click()
    expect(downloads).toHaveLength(1)
    expect(downloads[0]?.name).toMatch(/^asiste-sess-42-\d{4}-\d\d-\d\d\.txt$/)
    expect(downloads[0]?.mime).toBe('text/plain;charset=utf-8')
    expect(downloads[0]?.content).toContain(CUSTOMER_MESSAGE)
    expect(downloads[0]?.content).not.toContain(REP_ONLY_MESSAGE)

    byLabel('Web page (.html)')?.click()
    byLabel('Include rep-only messages')?.click()
    button('Download')?.click()
    expect(downloads[1]?.name).toMatch(/\.html$/)
    expect(downloads[1]?.mime).toBe('text/html;charset=utf-8')
    expect(downloads[1]?.content).toContain(REP_ONLY_MESSAGE)
  })

  test('Close asks to close, and reopening resets the include options to off', () => {
    const { setOpen, changes } = mount()
    byLabel('Include rep-only messages')?.click()
    byLabel('Include session notes')?.click()
    expect(byLabel('Include rep-only messages')?.checked).toBe(true)
    button('Close')?.click()
    expect(changes).toEqual([false])
    // Kobalte marks the content closed (happy-dom runs no exit animation to finish unmounting it).
    expect(dialog() === null || dialog()?.hasAttribute('data-closed')).toBe(true)
    setOpen(true)
    expect(byLabel('Include rep-only messages')?.checked).toBe(false)
    expect(byLabel('Include session notes')?.checked).toBe(false)
  })
})
