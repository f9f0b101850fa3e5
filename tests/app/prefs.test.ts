import { describe, expect, it } from 'vitest'
import { parsePrefs } from '../../src/store/prefs'
import { nextFontSize } from '../../src/app/prefsStore'

describe('chat preferences', () => {
  it('missing or corrupt values take their defaults', () => {
    expect(parsePrefs(null)).toEqual({ spellCheck: true, fontSize: 100, panelOpen: true })
    expect(parsePrefs({ lang: 'fr', spellCheck: 'yes', fontSize: 999, panelOpen: 0 })).toEqual({ spellCheck: true, fontSize: 100, panelOpen: true })
  })
  it('valid values are kept', () => {
    expect(parsePrefs({ lang: 'es', spellCheck: false, fontSize: 130, panelOpen: false })).toEqual({ lang: 'es', spellCheck: false, fontSize: 130, panelOpen: false })
  })
  it('the font size tool cycles through the sizes', () => {
    expect(nextFontSize(100)).toBe(115)
    expect(nextFontSize(150)).toBe(90)
    expect(nextFontSize(12345)).toBe(90)
  })
})
