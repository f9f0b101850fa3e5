import { describe, expect, it } from 'vitest'
import { sessionAction } from '../../src/app/console/sessionShortcuts'

const press = (code: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code, ...mods })

describe('session shortcuts', () => {
  it('Alt+Shift+M/R/P/S map to the session actions', () => {
    expect(sessionAction(press('KeyM'))).toBe('focusComposer')
    expect(sessionAction(press('KeyR'))).toBe('toggleRepsOnly')
    expect(sessionAction(press('KeyP'))).toBe('togglePanel')
    expect(sessionAction(press('KeyS'))).toBe('scriptedMessage')
  })
  it('other chords are left to the browser and screen readers', () => {
    expect(sessionAction(press('KeyM', { shiftKey: false }))).toBeUndefined()
    expect(sessionAction(press('KeyM', { ctrlKey: true }))).toBeUndefined()
    expect(sessionAction(press('KeyX'))).toBeUndefined()
  })
})
