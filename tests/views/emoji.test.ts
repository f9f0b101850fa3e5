import { describe, expect, test } from 'vitest'
import { EMOJI, searchEmoji } from '../../src/i18n/emoji'
import { insertAt } from '../../src/views/session/insertText'

describe('the emoji picker', () => {
  test('every emoji has an English and a Spanish name, and no emoji or name repeats', () => {
    for (const emoji of EMOJI) {
      expect(emoji.en.trim()).not.toBe('')
      expect(emoji.es.trim()).not.toBe('')
    }
    expect(new Set(EMOJI.map((emoji) => emoji.char)).size).toBe(EMOJI.length)
    expect(new Set(EMOJI.map((emoji) => emoji.en)).size).toBe(EMOJI.length)
    expect(new Set(EMOJI.map((emoji) => emoji.es)).size).toBe(EMOJI.length)
  })

  test('searches names in the UI language, ignoring case and accents', () => {
    expect(searchEmoji('THUMBS', 'en').map((emoji) => emoji.char)).toEqual(['👍', '👎'])
    expect(searchEmoji('pulgar', 'es').map((emoji) => emoji.char)).toEqual(['👍', '👎'])
    expect(searchEmoji('verificacion', 'es').map((emoji) => emoji.char)).toEqual(['✅'])
    expect(searchEmoji('pulgar', 'en')).toEqual([])
    expect(searchEmoji('  ', 'en')).toHaveLength(EMOJI.length)
  })

  test('inserts at the caret, over the selection, and puts the caret after the insert', () => {
    expect(insertAt('hello world', '👋', 5, 5)).toEqual({ value: 'hello👋 world', caret: 7 })
    expect(insertAt('hello world', '👍', 6, 11)).toEqual({ value: 'hello 👍', caret: 8 })
    expect(insertAt('', '🙂', 3, 9)).toEqual({ value: '🙂', caret: 2 })
  })
})
