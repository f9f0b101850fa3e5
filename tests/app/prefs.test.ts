import { describe, expect, it } from 'vitest'
import { createEffect, createRoot } from 'solid-js'
import { MAX_IDLE_S, checkIdleThresholds, parsePrefs, type Prefs } from '../../src/store/prefs'
import { nextFontSize, reactivePrefs } from '../../src/app/shell/prefsStore'

const DEFAULTS = { spellCheck: true, fontSize: 100, panelOpen: true, yellowAfterS: 60, redAfterS: 180, chatSound: true }

describe('chat preferences', () => {
  it('missing or corrupt values take their defaults', () => {
    expect(parsePrefs(null)).toEqual(DEFAULTS)
    expect(parsePrefs({ lang: 'fr', spellCheck: 'yes', fontSize: 999, panelOpen: 0, yellowAfterS: '60', redAfterS: null, chatSound: 'no' })).toEqual(DEFAULTS)
  })
  it('valid values are kept', () => {
    const stored = { lang: 'es', spellCheck: false, fontSize: 130, panelOpen: false, yellowAfterS: 2, redAfterS: 4, chatSound: false }
    expect(parsePrefs(stored)).toEqual(stored)
  })
  it('the font size tool cycles through the sizes', () => {
    expect(nextFontSize(100)).toBe(115)
    expect(nextFontSize(150)).toBe(90)
    expect(nextFontSize(12345)).toBe(90)
  })
})

describe('reactive preferences', () => {
  it('an effect reruns when a field it reads changes, not when another does, and once for a change of two fields', () => {
    const [prefs, set] = reactivePrefs(parsePrefs({}))
    const seen: string[] = []
    const dispose = createRoot((dispose) => {
      createEffect(() => seen.push(`font ${prefs.fontSize}`))
      createEffect(() => seen.push(`idle ${prefs.yellowAfterS}/${prefs.redAfterS}`))
      return dispose
    })
    expect(seen).toEqual(['font 100', 'idle 60/180'])
    set({ chatSound: false })
    set({ fontSize: 130 })
    set({ yellowAfterS: 10, redAfterS: 20 })
    set({ fontSize: 130 }) // the same value: nothing reruns
    expect(seen).toEqual(['font 100', 'idle 60/180', 'font 130', 'idle 10/20'])
    expect(prefs.chatSound).toBe(false)
    dispose()
  })
  it('spreads to a plain object of every field (what is saved), and a field can be set back to undefined', () => {
    const [prefs, set] = reactivePrefs(parsePrefs({ lang: 'es' }))
    expect({ ...prefs }).toEqual(parsePrefs({ lang: 'es' }))
    set({ lang: undefined })
    const saved: Partial<Prefs> = JSON.parse(JSON.stringify({ ...prefs }))
    expect(saved).toEqual(parsePrefs({}))
    expect('lang' in saved).toBe(false)
  })
})

describe('idle thresholds', () => {
  it('accept whole seconds with 0 < yellow < red', () => {
    expect(checkIdleThresholds(1, 2)).toBeUndefined()
    expect(checkIdleThresholds(60, 180)).toBeUndefined()
    expect(checkIdleThresholds(MAX_IDLE_S - 1, MAX_IDLE_S)).toBeUndefined()
  })
  it('reject red at or below yellow', () => {
    expect(checkIdleThresholds(60, 60)).toBe('redNotAboveYellow')
    expect(checkIdleThresholds(60, 30)).toBe('redNotAboveYellow')
  })
  it('reject zero, negatives, fractions, huge values and non-numbers', () => {
    expect(checkIdleThresholds(0, 10)).toBe('yellowInvalid')
    expect(checkIdleThresholds(-5, 10)).toBe('yellowInvalid')
    expect(checkIdleThresholds(1.5, 10)).toBe('yellowInvalid')
    expect(checkIdleThresholds(Number.NaN, 10)).toBe('yellowInvalid')
    expect(checkIdleThresholds('5', 10)).toBe('yellowInvalid')
    expect(checkIdleThresholds(5, -10)).toBe('redInvalid')
    expect(checkIdleThresholds(5, Infinity)).toBe('redInvalid')
    expect(checkIdleThresholds(5, MAX_IDLE_S + 1)).toBe('redInvalid')
    expect(checkIdleThresholds(5, undefined)).toBe('redInvalid')
  })
  it('stored thresholds that break the rule fall back to the defaults together', () => {
    expect(parsePrefs({ yellowAfterS: 100, redAfterS: 50 })).toMatchObject({ yellowAfterS: 60, redAfterS: 180 })
    expect(parsePrefs({ yellowAfterS: -1, redAfterS: 50 })).toMatchObject({ yellowAfterS: 60, redAfterS: 180 })
    expect(parsePrefs({ yellowAfterS: 10 })).toMatchObject({ yellowAfterS: 60, redAfterS: 180 })
  })
})
