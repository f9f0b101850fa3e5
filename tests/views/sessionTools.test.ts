// @vitest-environment happy-dom
// Toolbar labels: what a sighted voice-control user reads on a button must be part of its name
// (WCAG 2.5.3, axe label-content-name-mismatch), in both languages; font size stops at its ends.
import { afterEach, describe, expect, it } from 'vitest'
import { setLang, type Lang } from '../../src/i18n/i18n'
import { sessionTools, type ToolActions } from '../../src/views/session/sessionTools'
import { stepFontSize } from '../../src/views/session/FontSizeButtons'

afterEach(() => setLang('en'))

const noop = (): void => undefined
const ACTIONS: ToolActions = { open: noop, toggleSpellCheck: noop, nextFontSize: noop, toggleHidden: noop, requestScreen: noop, sendFile: noop, requestCredentials: noop }

describe('session tools', () => {
  for (const lang of ['en', 'es'] as Lang[]) {
    it(`every short label is a part of its tool's accessible name (${lang})`, () => {
      setLang(lang)
      for (const hidden of [false, true]) {
        const tools = sessionTools({ ended: false, hidden, spellCheck: true }, ACTIONS)
        expect(tools.length).toBeGreaterThan(5)
        for (const tool of tools) expect(tool.label.toLowerCase(), tool.id).toContain(tool.short.toLowerCase())
      }
    })
  }


  it('font size steps one size at a time and stops at the ends instead of wrapping round', () => {
    const sizes = [90, 100, 115, 130]
    expect(stepFontSize(sizes, 100, 1)).toBe(115)
    expect(stepFontSize(sizes, 100, -1)).toBe(90)
    expect(stepFontSize(sizes, 130, 1)).toBeUndefined()
    expect(stepFontSize(sizes, 90, -1)).toBeUndefined()
    expect(stepFontSize(sizes, 105, 1)).toBe(115) // a size saved before the list changed
  })
})
