// @vitest-environment happy-dom
// The update prompt only appears when a second build's service worker waits,
// which the browser tests cannot stage; axe-core checks its markup here instead,
// in both languages (no layout in happy-dom, so contrast is left to the CSS
// variables axe already checks in the browser: --accent / --accent-fg).
import { afterEach, describe, expect, test, vi } from 'vitest'
import { render } from 'solid-js/web'
import axe from 'axe-core'
import { setLang, type Lang } from '../../src/i18n/i18n'
import { en, es, type MessageKey } from '../../src/i18n/catalogs'

const worker = vi.hoisted(() => ({ setReady: (_ready: boolean) => {} }))
const { createSignal } = await import('solid-js')
const [ready, setReady] = createSignal(false)
worker.setReady = setReady
const { UpdatePrompt } = await import('../../src/views/shell/UpdatePrompt')

afterEach(() => {
  document.body.textContent = ''
  worker.setReady(false)
})

describe('UpdatePrompt accessibility', () => {
  const catalogs: [Lang, Record<MessageKey, string>][] = [['en', en], ['es', es]]
  for (const [lang, catalog] of catalogs) {
    test(`no axe violations, with the button named in ${lang}`, async () => {
      setLang(lang)
      const root = document.body.appendChild(document.createElement('main'))
      const dispose = render(() => <UpdatePrompt available={ready()} onApply={() => undefined} />, root)
      worker.setReady(true)
      const button = root.querySelector('[role="status"] button')
      expect(button?.textContent).toBe(catalog['update.reload'])
      const results = await axe.run(root, { runOnly: ['wcag2a', 'wcag2aa'], rules: { 'color-contrast': { enabled: false } } })
      expect(results.violations.map((violation) => violation.id)).toEqual([])
      expect(results.passes.map((pass) => pass.id)).toContain('button-name')
      dispose()
    })
  }

  test('the check does fail on a nameless button (so it can fail)', async () => {
    const root = document.body.appendChild(document.createElement('main'))
    root.append(document.createElement('button'))
    const results = await axe.run(root, { runOnly: ['wcag2a'] })
    expect(results.violations.map((violation) => violation.id)).toContain('button-name')
  })
})
