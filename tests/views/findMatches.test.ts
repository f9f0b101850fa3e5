import { describe, expect, test } from 'vitest'
import { findMatches, stepMatch } from '../../src/views/session/findMatches'
import type { Entry } from '../../src/doc/entry'

const entry = (n: number, text: string, kind: Entry['kind'] = 'chat'): Entry => ({
  id: `${String(n).padStart(13, '0')}-0000-a`,
  kind,
  audience: 'all',
  authorId: 'a',
  authorName: 'Ana',
  authorRole: 'rep',
  text,
  at: n,
  ...(kind === 'status' ? { event: 'joined' as const } : {}),
})

describe('find in session', () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => entry(i + 1, i % 25_000 === 7 ? `Invoice ${i}` : `message ${i}`))

  test('searches every entry of the model, case-insensitively, in transcript order', () => {
    const matches = findMatches(entries, '  INVOICE ', (e) => e.text)
    expect(matches).toEqual([8, 25_008, 50_008, 75_008].map((n) => entry(n, '').id))
    expect(findMatches(entries, '   ', (e) => e.text)).toEqual([])
  })

  test('searches a status note by the sentence the reader sees, in the current language', () => {
    const note = entry(1, 'Carla', 'status')
    expect(findMatches([note], 'joined', () => 'Carla joined the session')).toEqual([note.id])
    expect(findMatches([note], 'joined', () => 'Carla se unió a la sesión')).toEqual([])
  })

  test('steps forward and back with wrap-around, starting from the newest match', () => {
    const ids = ['a', 'b', 'c']
    expect(stepMatch(ids, undefined, 1)).toBe('c')
    expect(stepMatch(ids, 'c', 1)).toBe('a')
    expect(stepMatch(ids, 'a', -1)).toBe('c')
    expect(stepMatch(ids, 'b', -1)).toBe('a')
    expect(stepMatch(ids, 'gone', 1)).toBe('c')
    expect(stepMatch([], 'a', 1)).toBeUndefined()
  })
})
