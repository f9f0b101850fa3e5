// prepareFormats builds the UI language's Intl formatters once, ahead of need: the first render of a transcript then builds none.
import { afterEach, expect, test } from 'vitest'
import { formatNumber, formatTime, prepareFormats, setLang, tn } from '../../src/i18n/i18n'

type Built = 'NumberFormat' | 'PluralRules' | 'DateTimeFormat'
const restores: (() => void)[] = []

/** Counts the `Intl[name]` objects built from now on (and which locale each was for). */
function countBuilds(name: Built): string[] {
  const original = Intl[name]
  const locales: string[] = []
  ;(Intl as Record<Built, unknown>)[name] = new Proxy(original, {
    construct(target, args: unknown[]) {
      locales.push(String(args[0]))
      return Reflect.construct(target, args) as object
    },
  })
  restores.push(() => ((Intl as Record<Built, unknown>)[name] = original))
  return locales
}

afterEach(() => {
  restores.splice(0).forEach((restore) => restore())
})

test('after prepareFormats, counting and timing messages in that language builds no formatter', () => {
  setLang('es')
  const [numbers, plurals, times] = [countBuilds('NumberFormat'), countBuilds('PluralRules'), countBuilds('DateTimeFormat')]
  prepareFormats()
  expect([numbers, plurals, times]).toEqual([['es'], ['es'], ['es']])
  prepareFormats() // a second call builds nothing more
  expect(tn('transcript.count', 2502)).toMatch(/2\.?502/)
  expect(formatNumber(12_345)).not.toBe('')
  expect(formatTime(0)).not.toBe('')
  expect([numbers, plurals, times]).toEqual([['es'], ['es'], ['es']])
})
