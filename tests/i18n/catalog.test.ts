// Spanish and English are product features: every key in both catalogs, and
// no user-visible text typed straight into a view.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import ts from 'typescript'
import { en, es } from '../../src/i18n/catalogs'
import { SPANISH_GLOSSARY, glossaryViolations } from '../../src/i18n/glossary'

const VIEWS = join(import.meta.dirname, '../../src/views')
/** Attributes whose text a person reads or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription'])

function declaresLang(parent: ts.Node): boolean {
  return ts.isJsxElement(parent) && parent.openingElement.attributes.properties.some((attribute) => ts.isJsxAttribute(attribute) && attribute.name.getText() === 'lang')
}

/** Hard-coded, user-visible strings in one TSX source: JSX text with letters, or a literal in a text attribute. */
export function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    // Text inside an element that declares its own `lang` (e.g. "Español" in the language picker) is meant to stay as is.
    if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text) && !declaresLang(node.parent)) found.push(node.text.trim())
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer
      const literal = init && (ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : undefined)
      if (literal && /\p{L}{2,}/u.test(literal.text)) found.push(`${node.name.getText(file)}="${literal.text}"`)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('catalogs', () => {
  it('English and Spanish have exactly the same keys, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of [...Object.entries(en), ...Object.entries(es)]) expect(value.trim(), key).not.toBe('')
  })

  it('both languages use the same {{placeholders}} in each message', () => {
    const names = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(names(es[key]), key).toEqual(names(en[key]))
  })

  it('the check finds hard-coded text (so it can fail)', () => {
    expect(hardCodedStrings('X.tsx', 'const a = <button aria-label="Close">Send now</button>')).toEqual(['aria-label="Close"', 'Send now'])
    expect(hardCodedStrings('X.tsx', 'const a = <option lang="es">Español</option>')).toEqual([])
    expect(hardCodedStrings('X.tsx', "const a = <button aria-label={t('x')}>{t('y')} ↗</button>")).toEqual([])
  })

  it('no view has a hard-coded user-visible string', () => {
    const offenders: string[] = []
    const views = readdirSync(VIEWS, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tsx'))
    expect(views.length).toBeGreaterThan(40) // views live in feature folders: a flat read would check nothing
    for (const name of views) {
      for (const text of hardCodedStrings(name, readFileSync(join(VIEWS, name), 'utf8'))) offenders.push(`${name}: ${text}`)
    }
    expect(offenders).toEqual([])
  })

  it('every Spanish string follows the glossary: plantillas, tamaño de letra, conversación, one term each', () => {
    const offenders = Object.entries(es).flatMap(([key, text]) => glossaryViolations(key, text).map((word) => `${key}: ${word}`))
    expect(offenders).toEqual([])
    // Each term is really used, so the glossary describes this catalog and not a wish list.
    const all = Object.values(es).join('\n').toLowerCase()
    for (const term of SPANISH_GLOSSARY) for (const word of term.use.split(' / ')) expect(all, word).toContain(word)
  })

  it('the glossary check finds a word it bans (so it can fail)', () => {
    expect(glossaryViolations('x', 'Gestionar guiones')).toEqual(['guiones'])
    expect(glossaryViolations('x', 'Tamaño de fuente')).toEqual(['tamaño de fuente'])
    expect(glossaryViolations('portal.codeHint', 'con o sin guion')).toEqual([])
  })
})
