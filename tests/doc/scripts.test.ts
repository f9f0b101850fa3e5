import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  MAX_SCRIPT_CATEGORY_CHARS,
  MAX_SCRIPT_TEXT_CHARS,
  MAX_SCRIPT_TITLE_CHARS,
  ScriptRejected,
  addScript,
  deleteScript,
  moveScript,
  readScript,
  readScripts,
  scriptsMap,
  updateScript,
  type ScriptFields,
  type ScriptRejectReason,
} from '../../src/doc/scripts'
import { LOCAL } from '../../src/doc/schema'
import { fromHostilePeer, makeDoc, syncBoth } from './fixtures'
import { PeerNetwork, mulberry32, pick, type Rng } from './peerNetwork'

const message = (title: string, overrides: Partial<ScriptFields> = {}): ScriptFields => ({
  kind: 'message',
  title,
  text: `Text of ${title}`,
  category: 'General',
  ...overrides,
})

const titles = (doc: Y.Doc, category?: string): string[] =>
  readScripts(doc)
    .filter((script) => category === undefined || script.category === category)
    .map((script) => script.title)

/** Adds scripts with the given titles to one category, in order; returns their ids by title. */
function seed(doc: Y.Doc, names: string[], category = 'General'): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, addScript(doc, message(name, { category }))]))
}

function rejection(write: () => unknown): ScriptRejectReason | undefined {
  try {
    write()
  } catch (error) {
    if (error instanceof ScriptRejected) return error.reason
    throw error
  }
  return undefined
}

describe('script library CRUD', () => {
  test('an added script reads back with trimmed title and category', () => {
    const doc = makeDoc(1)
    const id = addScript(doc, { kind: 'message', title: '  Greeting ', text: ' Hello {{customer.name}} ', category: ' Openers ' })
    expect(readScript(doc, id)).toEqual({ id, kind: 'message', title: 'Greeting', text: ' Hello {{customer.name}} ', category: 'Openers', order: 0 })
  })

  test('lists by category, then position, and filters by kind', () => {
    const doc = makeDoc(1)
    addScript(doc, message('Bye', { category: 'Closing' }))
    addScript(doc, message('Hello', { category: 'Openers' }))
    addScript(doc, { kind: 'url', title: 'Manual', text: 'https://example.com/manual', category: 'Closing' })
    addScript(doc, message('Welcome', { category: 'Openers' }))
    expect(titles(doc)).toEqual(['Bye', 'Manual', 'Hello', 'Welcome'])
    expect(readScripts(doc, 'url').map((s) => s.title)).toEqual(['Manual'])
    expect(readScripts(doc, 'message').map((s) => s.title)).toEqual(['Bye', 'Hello', 'Welcome'])
  })

  test('an edit keeps the position; a new category puts the script at its end', () => {
    const doc = makeDoc(1)
    const ids = seed(doc, ['A', 'B', 'C'])
    seed(doc, ['X'], 'Other')
    updateScript(doc, ids.B!, { title: 'B2', text: 'new text' })
    expect(titles(doc, 'General')).toEqual(['A', 'B2', 'C'])
    expect(readScript(doc, ids.B!)?.text).toBe('new text')
    updateScript(doc, ids.A!, { category: 'Other' })
    expect(titles(doc, 'Other')).toEqual(['X', 'A'])
    expect(titles(doc, 'General')).toEqual(['B2', 'C'])
  })

  test('a deleted script is gone; deleting twice is harmless', () => {
    const doc = makeDoc(1)
    const ids = seed(doc, ['A', 'B'])
    expect(deleteScript(doc, ids.A!)).toBe(true)
    expect(deleteScript(doc, ids.A!)).toBe(false)
    expect(titles(doc)).toEqual(['B'])
  })

  test('editing or moving a script that no longer exists is refused', () => {
    const doc = makeDoc(1)
    expect(rejection(() => updateScript(doc, 'missing', { title: 'x' }))).toBe('unknownScript')
    expect(rejection(() => moveScript(doc, 'missing', 0))).toBe('unknownScript')
  })

  test('every write is one transaction with the local origin', () => {
    const doc = makeDoc(1)
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const ids = seed(doc, ['A', 'B'])
    updateScript(doc, ids.A!, { text: 'changed' })
    moveScript(doc, ids.B!, 0)
    deleteScript(doc, ids.A!)
    expect(origins).toEqual([LOCAL, LOCAL, LOCAL, LOCAL, LOCAL])
  })
})

describe('reordering', () => {
  test('moves a script to the top, the bottom and the middle of its category', () => {
    const doc = makeDoc(1)
    const ids = seed(doc, ['A', 'B', 'C', 'D'])
    seed(doc, ['Z'], 'Zeta')
    moveScript(doc, ids.D!, 0)
    expect(titles(doc, 'General')).toEqual(['D', 'A', 'B', 'C'])
    moveScript(doc, ids.D!, 3)
    expect(titles(doc, 'General')).toEqual(['A', 'B', 'C', 'D'])
    moveScript(doc, ids.A!, 2)
    expect(titles(doc, 'General')).toEqual(['B', 'C', 'A', 'D'])
    expect(titles(doc, 'Zeta')).toEqual(['Z'])
  })

  test('clamps the target index and writes nothing when the script stays put', () => {
    const doc = makeDoc(1)
    const ids = seed(doc, ['A', 'B', 'C'])
    moveScript(doc, ids.A!, 99)
    expect(titles(doc)).toEqual(['B', 'C', 'A'])
    moveScript(doc, ids.A!, -5)
    expect(titles(doc)).toEqual(['A', 'B', 'C'])
    let updates = 0
    doc.on('update', () => updates++)
    moveScript(doc, ids.B!, 1)
    moveScript(doc, ids.A!, Number.NaN)
    expect(updates).toBe(0)
  })

  test('renumbers the category when repeated moves exhaust the room between two orders', () => {
    const doc = makeDoc(1)
    seed(doc, ['A', 'B', 'C'])
    for (let i = 0; i < 120; i++) {
      const last = readScripts(doc)[2]!
      moveScript(doc, last.id, 1)
      expect(titles(doc)).toEqual(i % 2 === 0 ? ['A', 'C', 'B'] : ['A', 'B', 'C'])
    }
    expect(readScripts(doc).every((script) => Number.isFinite(script.order))).toBe(true)
  })

  test('two peers moving different scripts at the same time keep both moves', () => {
    const a = makeDoc(1)
    const b = makeDoc(2)
    const ids = seed(a, ['A', 'B', 'C', 'D'])
    syncBoth(a, b)
    moveScript(a, ids.D!, 0)
    moveScript(b, ids.A!, 3)
    syncBoth(a, b)
    expect(titles(a)).toEqual(['D', 'B', 'C', 'A'])
    expect(titles(b)).toEqual(titles(a))
  })

  test('two peers moving scripts into the same gap converge to one order', () => {
    const a = makeDoc(1)
    const b = makeDoc(2)
    const ids = seed(a, ['A', 'B', 'C', 'D'])
    syncBoth(a, b)
    moveScript(a, ids.C!, 0)
    moveScript(b, ids.D!, 0)
    syncBoth(a, b)
    expect(titles(a)).toEqual(titles(b))
    expect(titles(a).slice(2)).toEqual(['A', 'B'])
    expect(new Set(titles(a).slice(0, 2))).toEqual(new Set(['C', 'D']))
  })

  test('two peers moving the same script to different places converge', () => {
    const a = makeDoc(1)
    const b = makeDoc(2)
    const ids = seed(a, ['A', 'B', 'C'])
    syncBoth(a, b)
    moveScript(a, ids.B!, 0)
    moveScript(b, ids.B!, 2)
    syncBoth(a, b)
    expect(titles(a)).toEqual(titles(b))
    expect(titles(a)).toHaveLength(3)
  })
})

/** One random library edit by `doc`. */
function randomEdit(rng: Rng, doc: Y.Doc, step: number): void {
  const scripts = readScripts(doc)
  const target = scripts[pick(rng, Math.max(scripts.length, 1))]
  const roll = rng()
  if (!target || roll < 0.3) addScript(doc, message(`s${step}`, { category: ['A', 'B'][pick(rng, 2)]! }))
  else if (roll < 0.75) moveScript(doc, target.id, pick(rng, scripts.length + 1))
  else if (roll < 0.9) updateScript(doc, target.id, { title: `t${step}`, category: ['A', 'B'][pick(rng, 2)]! })
  else deleteScript(doc, target.id)
}

describe('convergence of concurrent library edits', () => {
  test.each(Array.from({ length: 20 }, (_, i) => i + 1))('seed %i: peers adding, moving, editing and deleting end with the same list', (seed) => {
    const rng = mulberry32(seed)
    const docs = Array.from({ length: 3 }, (_, i) => makeDoc(i + 1))
    const network = new PeerNetwork(docs, rng)
    for (let step = 0; step < 200; step++) {
      const roll = rng()
      if (roll < 0.35) randomEdit(rng, docs[pick(rng, docs.length)]!, step)
      else if (roll < 0.4) network.toggleRandomPeer()
      else network.deliverOne()
    }
    network.flush()
    const expected = readScripts(docs[0]!)
    for (const doc of docs) expect(readScripts(doc), `seed ${seed}`).toEqual(expected)
    network.destroy()
  })
})

describe('validation', () => {
  test('refuses empty, whitespace-only and over-long fields with a reason', () => {
    const doc = makeDoc(1)
    expect(rejection(() => addScript(doc, message('  ')))).toBe('titleEmpty')
    expect(rejection(() => addScript(doc, message('x'.repeat(MAX_SCRIPT_TITLE_CHARS + 1))))).toBe('titleTooLong')
    expect(rejection(() => addScript(doc, message('T', { text: ' \n ' })))).toBe('textEmpty')
    expect(rejection(() => addScript(doc, message('T', { text: 'x'.repeat(MAX_SCRIPT_TEXT_CHARS + 1) })))).toBe('textTooLong')
    expect(rejection(() => addScript(doc, message('T', { category: 'c'.repeat(MAX_SCRIPT_CATEGORY_CHARS + 1) })))).toBe('categoryTooLong')
    expect(rejection(() => addScript(doc, message('x'.repeat(MAX_SCRIPT_TITLE_CHARS))))).toBeUndefined()
    const id = addScript(doc, message('T'))
    expect(rejection(() => updateScript(doc, id, { title: '' }))).toBe('titleEmpty')
    expect(readScript(doc, id)?.title).toBe('T')
  })

  test('a URL script must be an absolute http(s) URL', () => {
    const doc = makeDoc(1)
    const url = (text: string) => rejection(() => addScript(doc, { kind: 'url', title: 'Link', text, category: '' }))
    for (const text of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://example.com', '/relative', 'example.com', 'https//x']) {
      expect(url(text), text).toBe('notHttpUrl')
    }
    expect(url(' https://example.com/help?q=1 ')).toBeUndefined()
    expect(url('http://localhost:8080/')).toBeUndefined()
    expect(readScripts(doc, 'url').map((s) => s.text)).toEqual(['https://example.com/help?q=1', 'http://localhost:8080/'])
  })

  test('turning a message into a URL script re-checks the text', () => {
    const doc = makeDoc(1)
    const id = addScript(doc, message('Hi', { text: 'Hello there' }))
    expect(rejection(() => updateScript(doc, id, { kind: 'url' }))).toBe('notHttpUrl')
    expect(readScript(doc, id)?.kind).toBe('message')
  })

  test('hostile values from a peer are dropped, valid ones kept', () => {
    const doc = makeDoc(1)
    const good = addScript(doc, message('Good'))
    const valid = { kind: 'message', title: 'T', text: 'x', category: '', order: 1 }
    fromHostilePeer(doc, (peer) => {
      const map = scriptsMap(peer)
      map.set('bad-kind', { ...valid, kind: 'html' })
      map.set('bad-title', { ...valid, title: 42 })
      map.set('blank-title', { ...valid, title: '   ' })
      map.set('long-title', { ...valid, title: 'x'.repeat(MAX_SCRIPT_TITLE_CHARS + 1) })
      map.set('long-text', { ...valid, text: 'x'.repeat(MAX_SCRIPT_TEXT_CHARS + 1) })
      map.set('long-category', { ...valid, category: 'x'.repeat(MAX_SCRIPT_CATEGORY_CHARS + 1) })
      map.set('nan-order', { ...valid, order: Number.NaN })
      map.set('inf-order', { ...valid, order: Number.POSITIVE_INFINITY })
      map.set('string-order', { ...valid, order: '1' })
      map.set('js-url', { ...valid, kind: 'url', text: 'javascript:alert(document.cookie)' })
      map.set('array', [valid])
      map.set('ytype', new Y.Map())
      map.set('__proto__', valid)
      map.set('bad id!', valid)
      map.set('ok-from-peer', valid)
    })
    expect(readScripts(doc).map((s) => s.id).sort()).toEqual([good, 'ok-from-peer'].sort())
    expect(readScript(doc, 'js-url')).toBeUndefined()
  })

  test('moving ignores hostile neighbours and still places the script', () => {
    const doc = makeDoc(1)
    const ids = seed(doc, ['A', 'B'])
    fromHostilePeer(doc, (peer) => scriptsMap(peer).set('huge', { kind: 'message', title: 'H', text: 'h', category: 'General', order: Number.MAX_VALUE }))
    moveScript(doc, ids.A!, 3)
    expect(titles(doc)).toEqual(['B', 'H', 'A'])
  })
})
