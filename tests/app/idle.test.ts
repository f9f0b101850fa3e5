import { describe, expect, it } from 'vitest'
import { idleColour, idleSeconds, isSentToCustomer } from '../../src/app/shell/idle'
import type { Entry } from '../../src/doc/entry'

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)
const after = (seconds: number) => T0 + seconds * 1000

const entry = (over: Partial<Entry>): Entry => ({
  id: `id-${Math.random()}`,
  kind: 'chat',
  audience: 'all',
  authorId: 'me',
  authorName: 'Ana',
  authorRole: 'rep',
  text: 'hello',
  at: T0,
  ...over,
})

describe('idleColour with a fake clock', () => {
  it('is green before the yellow threshold, yellow from it, red from the red threshold', () => {
    expect(idleColour(T0, after(0), 60, 180)).toBe('green')
    expect(idleColour(T0, after(59.999), 60, 180)).toBe('green')
    expect(idleColour(T0, after(60), 60, 180)).toBe('yellow')
    expect(idleColour(T0, after(179.999), 60, 180)).toBe('yellow')
    expect(idleColour(T0, after(180), 60, 180)).toBe('red')
    expect(idleColour(T0, after(86_400), 60, 180)).toBe('red')
  })
  it('follows small thresholds second by second', () => {
    const colours = [0, 1, 2, 3, 4, 5].map((s) => idleColour(T0, after(s), 2, 4))
    expect(colours).toEqual(['green', 'green', 'yellow', 'yellow', 'red', 'red'])
  })
  it('treats a last message from the future (a clock ahead) as just now', () => {
    expect(idleColour(after(30), T0, 2, 4)).toBe('green')
    expect(idleSeconds(after(30), T0)).toBe(0)
  })
  it('counts whole seconds', () => {
    expect(idleSeconds(T0, after(59.9))).toBe(59)
    expect(idleSeconds(T0, after(125))).toBe(125)
  })
})

describe('what resets the idle clock', () => {
  it('only this rep’s chat messages to everyone', () => {
    expect(isSentToCustomer(entry({}), 'me')).toBe(true)
    expect(isSentToCustomer(entry({ audience: 'reps' }), 'me')).toBe(false)
    expect(isSentToCustomer(entry({ kind: 'status', authorRole: 'system', event: 'joined' }), 'me')).toBe(false)
    expect(isSentToCustomer(entry({ kind: 'url', text: 'https://example.com' }), 'me')).toBe(false)
    expect(isSentToCustomer(entry({ authorId: 'other-rep' }), 'me')).toBe(false)
    expect(isSentToCustomer(entry({ authorId: 'me', authorRole: 'customer' }), 'me')).toBe(false)
  })

})
