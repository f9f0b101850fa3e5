/** Issue 20: the rep console's own strings are a chunk apart; the catalog the customer page loads holds none of them. */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { en } from '../../src/i18n/en'
import { es } from '../../src/i18n/es'
import { CONSOLE_ONLY_PREFIXES, consoleEn } from '../../src/i18n/consoleStrings'
import { consoleEs } from '../../src/i18n/consoleStrings.es'
import { historyEn } from '../../src/i18n/historyStrings'
import { scriptsEn } from '../../src/i18n/scripts'
import { consoleDialogsEn } from '../../src/i18n/consoleDialogStrings'

/** The src/ modules a file pulls in with static value imports (type-only imports are left out). */
function staticGraph(start: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const match of code.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const base = join(dirname(file), match[1]!)
      const found = [`${base}.ts`, `${base}.tsx`, base].find((candidate) => {
        try {
          return readFileSync(candidate) !== undefined
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

const consoleOnly = (key: string): boolean => CONSOLE_ONLY_PREFIXES.some((prefix) => key.startsWith(prefix))

async function freshI18n() {
  vi.resetModules()
  return import('../../src/i18n/i18n')
}

describe('the console strings, apart from the catalog every page loads', () => {
  it('the catalog every page loads holds no console-only key, in either language', () => {
    expect(Object.keys(en).filter(consoleOnly)).toEqual([])
    expect(Object.keys(es).filter(consoleOnly)).toEqual([])
  })

  it('the check would see a console-only key (so it can fail)', () => {
    expect(['scripts.title', 'prefs.sound', 'customer.title'].filter(consoleOnly)).toEqual(['scripts.title', 'prefs.sound'])
  })

  it('English and Spanish console strings have the same keys, and no key is in both parts', () => {
    expect(Object.keys(consoleEs).sort()).toEqual(Object.keys(consoleEn).sort())
    expect(Object.keys(consoleEn).filter((key) => key in en)).toEqual([])
    expect(Object.keys(consoleEn).length).toBeGreaterThan(50) // the rest are parts fetched with their views (history, scripts, dialogs, queue)
  })

  it('no customer page module statically imports the console strings', () => {
    const graph = [...staticGraph('src/main.tsx'), ...staticGraph('src/views/customer/CustomerPage.tsx'), ...staticGraph('src/app/customer/customerSessionModel.ts')]
    const files = graph.map((file) => file.replaceAll('\\', '/'))
    expect(files).toContain('src/i18n/en.ts')
    expect(files.filter((file) => /consoleStrings|\/scripts\.ts$|tabsStrings|historyStrings/.test(file))).toEqual([])
  })

  it('no module of the customer page names a console-only key', () => {
    const graph = [...staticGraph('src/views/customer/CustomerPage.tsx'), ...staticGraph('src/app/customer/customerSessionModel.ts'), ...staticGraph('src/main.tsx')]
    const named = new Set(graph.filter((file) => !file.includes('/i18n/')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'([\w]+\.[\w.]+)'/g)].map((match) => match[1]!)))
    expect([...named].filter((key) => key in consoleEn || key in historyEn || key in scriptsEn || key in consoleDialogsEn)).toEqual([])
  })

  it('console strings are keys until loadConsoleStrings, then text; a language switch brings them in that language', async () => {
    const i18n = await freshI18n()
    expect(i18n.t('tabs.opening')).toBe('tabs.opening')
    await i18n.loadConsoleStrings()
    expect(i18n.t('tabs.opening')).toBe(consoleEn['tabs.opening'])
    await i18n.loadLang('es')
    i18n.setLang('es')
    expect(i18n.lang()).toBe('es')
    expect(i18n.t('tabs.opening')).toBe(consoleEs['tabs.opening'])
    expect(i18n.t('loading')).toBe('Cargando…')
  })

  it('asked for while the page is Spanish, the console strings come in Spanish', async () => {
    const i18n = await freshI18n()
    await i18n.loadLang('es')
    i18n.setLang('es')
    expect(i18n.t('tabs.opening')).toBe('tabs.opening')
    await i18n.loadConsoleStrings()
    expect(i18n.t('tabs.opening')).toBe(consoleEs['tabs.opening'])
  })
})

describe("the console's own `console.` strings", () => {
  it('are in its chunk in both languages; the catalog every page loads keeps only the unread title the customer page uses too', () => {
    expect(Object.keys(en).filter((key) => key.startsWith('console.'))).toEqual(['console.titleUnread'])
    expect(Object.keys(es).filter((key) => key.startsWith('console.'))).toEqual(['console.titleUnread'])
    for (const key of ['console.newSession', 'console.copyLink', 'console.copied', 'console.sessionCode'] as const) {
      expect(consoleEn[key]).toBeTruthy()
      expect(consoleEs[key]).toBeTruthy()
    }
  })
})
