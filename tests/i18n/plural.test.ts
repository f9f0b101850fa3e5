// Grammar and formats: counts follow each language's plural rules, sizes and durations are localized.
import { afterEach, describe, expect, it } from 'vitest'
import { formatNumber, setLang, tn } from '../../src/i18n/i18n'
import { formatBytes, formatDuration, formatRelative } from '../../src/i18n/format'
import { en, es } from '../../src/i18n/catalogs'

afterEach(() => setLang('en'))

describe('plural messages', () => {
  it('English: "1 message", "2 messages", "0 messages", "1 connected"', () => {
    setLang('en')
    expect(tn('transcript.count', 1)).toBe('1 message')
    expect(tn('transcript.count', 2)).toBe('2 messages')
    expect(tn('transcript.count', 0)).toBe('0 messages')
    expect(tn('history.imported', 1)).toBe('Imported 1 session.')
    expect(tn('connection.peers', 1)).toBe('1 connected')
  })

  it('Spanish: "1 mensaje", "2 mensajes", "1 conectado", "3 conectados"', () => {
    setLang('es')
    expect(tn('transcript.count', 1)).toBe('1 mensaje')
    expect(tn('transcript.count', 2)).toBe('2 mensajes')
    expect(tn('connection.peers', 1)).toBe('1 conectado')
    expect(tn('connection.peers', 3)).toBe('3 conectados')
    expect(tn('history.deletedAll', 1)).toBe('Se eliminó 1 sesión de este dispositivo.')
  })

  it('a count is a localized number, and a category a catalog lacks falls back to .other', () => {
    setLang('en')
    expect(tn('transcript.count', 12345)).toBe('12,345 messages')
    setLang('es')
    // Spanish has a "many" category for a million; the catalog has no .many, so .other is used.
    expect(tn('transcript.count', 1_000_000)).toBe(`${formatNumber(1_000_000)} mensajes`)
  })

  it('every plural message has its .other form in both catalogs', () => {
    for (const catalog of [en, es]) {
      const plurals = Object.keys(catalog).filter((key) => /\.(zero|one|two|few|many)$/.test(key))
      expect(plurals.length).toBeGreaterThan(3)
      for (const key of plurals) expect(Object.keys(catalog), key).toContain(key.replace(/\.\w+$/, '.other'))
    }
  })
})

describe('formats', () => {
  it('byte sizes in unit style, 1024-based, decimal mark of the language', () => {
    setLang('en')
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(300_480)).toBe('293.4 kB')
    expect(formatBytes(1024 * 1024)).toBe('1 MB')
    setLang('es')
    expect(formatBytes(300_480)).toBe('293,4 kB')
    expect(formatBytes(10.7 * 1024 ** 3)).toBe('10,7 GB')
  })

  it('durations in their largest whole unit', () => {
    setLang('en')
    expect(formatDuration(45)).toBe('45 sec')
    expect(formatDuration(185)).toBe('3 min')
    setLang('es')
    expect(formatDuration(7_300)).toBe('2 h')
  })

  it('relative times through Intl.RelativeTimeFormat', () => {
    const now = Date.UTC(2026, 0, 10, 12)
    setLang('en')
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 minutes ago')
    expect(formatRelative(now - 24 * 3_600_000, now)).toBe('yesterday')
    setLang('es')
    expect(formatRelative(now - 3 * 24 * 3_600_000, now)).toBe('hace 3 días')
  })
})
