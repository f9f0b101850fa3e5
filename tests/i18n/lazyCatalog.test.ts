/** Issue 20: only English ships with the page; Spanish is fetched when the page is shown in Spanish. */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

/** The src/ modules i18n.ts pulls in with static value imports (what lands in the page's first chunks). */
function staticGraph(start: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const match of code.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const base = join(dirname(file), match[1]!)
      const candidates = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]
      const found = candidates.find((candidate) => {
        try {
          readFileSync(candidate)
          return true
        } catch {
          return false
        }
      })
      if (found) visit(found)
    }
  }
  visit(start)
  return seen
}

async function freshI18n() {
  vi.resetModules()
  return import('../../src/i18n/i18n')
}

describe('per-language catalog chunks', () => {
  it('i18n.ts imports no Spanish module statically', () => {
    const graph = [...staticGraph('src/i18n/i18n.ts')].map((file) => file.replaceAll('\\', '/'))
    expect(graph).toContain('src/i18n/en.ts')
    expect(graph.filter((file) => file.endsWith('/es.ts') || file.endsWith('.es.ts'))).toEqual([])
  })

  it('setLang waits for the Spanish catalog, then switches: no mix of languages', async () => {
    const i18n = await freshI18n()
    i18n.setLang('es')
    expect(i18n.lang()).toBe('en') // not loaded yet: the page stays English
    expect(i18n.t('loading')).toBe('Loading…')
    await i18n.loadLang('es')
    expect(i18n.lang()).toBe('es')
    expect(i18n.t('loading')).toBe('Cargando…')
    i18n.setLang('en') // loaded catalogs switch at once
    expect(i18n.t('loading')).toBe('Loading…')
  })

  it('the latest switch wins when a catalog arrives late', async () => {
    const i18n = await freshI18n()
    i18n.setLang('es')
    i18n.setLang('en')
    await i18n.loadLang('es')
    expect(i18n.lang()).toBe('en')
    expect(i18n.t('loading')).toBe('Loading…')
  })
})
