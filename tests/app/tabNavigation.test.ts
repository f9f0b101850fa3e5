import { describe, expect, it } from 'vitest'
import { arrangeTabs, initialTab, nextUnreadTab, stepTab } from '../../src/app/console/tabNavigation'
import { parseTabLayout } from '../../src/store/tabLayout'

const row = (sessionId: string, createdAt: number) => ({ sessionId, createdAt })
const ids = ['a', 'b', 'c', 'd']

describe('tab order', () => {
  it('keeps the stored order and appends new sessions oldest first', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 3), row('d', 4)]
    expect(arrangeTabs(rows, ['c', 'a']).map((r) => r.sessionId)).toEqual(['c', 'a', 'b', 'd'])
    expect(arrangeTabs(rows, ['gone', 'd']).map((r) => r.sessionId)).toEqual(['d', 'a', 'b', 'c'])
    expect(arrangeTabs(rows, []).map((r) => r.sessionId)).toEqual(['a', 'b', 'c', 'd'])
  })
  it('restores the tab in front if still open, else the last one', () => {
    expect(initialTab(ids, 'b')).toBe('b')
    expect(initialTab(ids, 'ended')).toBe('d')
    expect(initialTab([], 'b')).toBeUndefined()
  })
  it('drops a corrupt stored layout', () => {
    expect(parseTabLayout({ order: ['a', 7, '', 'a', 'b'], active: 3 })).toEqual({ order: ['a', 'b'] })
    expect(parseTabLayout('nonsense')).toEqual({ order: [] })
    expect(parseTabLayout({ order: ['a'], active: 'a' })).toEqual({ order: ['a'], active: 'a' })
  })
})

describe('moving between tabs', () => {
  it('steps with wrap-around', () => {
    expect(stepTab(ids, 'b', 1)).toBe('c')
    expect(stepTab(ids, 'd', 1)).toBe('a')
    expect(stepTab(ids, 'a', -1)).toBe('d')
    expect(stepTab(ids, undefined, 1)).toBe('a')
    expect(stepTab([], 'a', 1)).toBeUndefined()
  })
  it('finds the next tab with unread messages after the current one, wrapping', () => {
    const unread = (counts: Record<string, number>) => (id: string) => counts[id] ?? 0
    expect(nextUnreadTab(ids, 'b', unread({ a: 1, d: 2 }))).toBe('d')
    expect(nextUnreadTab(ids, 'd', unread({ a: 1, d: 2 }))).toBe('a')
    expect(nextUnreadTab(ids, 'b', unread({ b: 3 }))).toBeUndefined()
    expect(nextUnreadTab(ids, 'b', unread({}))).toBeUndefined()
  })

})
