import { describe, expect, it } from 'vitest'
import { shortcutOf, tablistMove } from '../../src/views/shell/shortcuts'

const press = (over: Partial<KeyboardEvent>) => ({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, key: '', code: '', ...over })

describe('the console keymap (one for sessions and the session in front)', () => {
  it('Alt+Shift+↓/↑/U switch sessions; M/R/P/S act in the session in front', () => {
    expect(shortcutOf(press({ key: 'ArrowDown' }))).toBe('next')
    expect(shortcutOf(press({ key: 'ArrowUp' }))).toBe('previous')
    expect(shortcutOf(press({ key: '¨', code: 'KeyU' }))).toBe('nextUnread')
    expect(shortcutOf(press({ code: 'KeyM' }))).toBe('focusComposer')
    expect(shortcutOf(press({ code: 'KeyR' }))).toBe('toggleRepsOnly')
    expect(shortcutOf(press({ code: 'KeyP' }))).toBe('togglePanel')
    expect(shortcutOf(press({ code: 'KeyS' }))).toBe('scriptedMessage')
  })
  it('Ctrl+F or ⌘F (and Alt+Shift+F) open Find in session; Ctrl+Shift+F stays the browser\'s', () => {
    const plain = { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, key: 'f', code: 'KeyF' }
    expect(shortcutOf({ ...plain, ctrlKey: true })).toBe('find')
    expect(shortcutOf({ ...plain, metaKey: true })).toBe('find')
    expect(shortcutOf(press({ code: 'KeyF' }))).toBe('find')
    expect(shortcutOf({ ...plain, ctrlKey: true, shiftKey: true })).toBeUndefined()
    expect(shortcutOf(plain)).toBeUndefined()
  })
  it('other chords are left to the browser and screen readers', () => {
    expect(shortcutOf(press({ key: 'ArrowDown', shiftKey: false }))).toBeUndefined()
    expect(shortcutOf(press({ code: 'KeyM', ctrlKey: true }))).toBeUndefined()
    expect(shortcutOf(press({ code: 'KeyU', altKey: false }))).toBeUndefined()
    expect(shortcutOf(press({ code: 'KeyX' }))).toBeUndefined()
  })
  it('arrow keys, Home and End move in the tablist', () => {
    expect(tablistMove('ArrowRight')).toBe('next')
    expect(tablistMove('ArrowLeft')).toBe('previous')
    expect(tablistMove('Home')).toBe('first')
    expect(tablistMove('End')).toBe('last')
    expect(tablistMove('Enter')).toBeUndefined()
  })
})
