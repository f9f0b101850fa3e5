import { describe, expect, test } from 'vitest'
import { mergeSorted } from '../../src/app/session/createTranscript'
import type { Entry } from '../../src/doc/entry'
import { chat } from '../doc/fixtures'

describe('mergeSorted', () => {
  const entry = (id: string, text = id) => ({ ...chat({ text }), id }) as unknown as Entry

  test('merges by id and keeps the existing entry on an id in both', () => {
    const merged = mergeSorted([entry('a'), entry('c'), entry('e', 'old')], [entry('b'), entry('e', 'new'), entry('f')])
    expect(merged.map((e) => e.id)).toEqual(['a', 'b', 'c', 'e', 'f'])
    expect(merged.find((e) => e.id === 'e')?.text).toBe('old')
  })

  test('either side may be empty or run past the other', () => {
    expect(mergeSorted([], [entry('a')]).map((e) => e.id)).toEqual(['a'])
    expect(mergeSorted([entry('x'), entry('y')], []).map((e) => e.id)).toEqual(['x', 'y'])
    expect(mergeSorted([entry('a')], [entry('b'), entry('c')]).map((e) => e.id)).toEqual(['a', 'b', 'c'])
  })
})
