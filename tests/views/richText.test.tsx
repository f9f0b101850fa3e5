// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { linkify, parseRich, safeHref } from '../../src/views/session/richText'
import { RichText, matchRanges } from '../../src/views/session/RichText'
import { EntryView } from '../../src/views/session/EntryView'
import { loadRichText } from '../../src/views/session/richLoader'
import type { Entry } from '../../src/doc/entry'

afterEach(() => {
  document.body.textContent = ''
})

function show(text: string, highlight?: string): HTMLElement {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <RichText blocks={parseRich(text)} highlight={highlight} />, root)
  return root
}

describe('rich message text', () => {
  test('**bold**, _italic_ and `code` become strong, em and code elements', () => {
    const root = show('a **bold** and _italic_ with `x < 1`')
    expect(root.querySelector('strong')?.textContent).toBe('bold')
    expect(root.querySelector('em')?.textContent).toBe('italic')
    expect(root.querySelector('code')?.textContent).toBe('x < 1')
  })

  test('raw HTML stays text: an <img onerror> is characters, not an element', () => {
    const root = show('look <img src=x onerror="alert(1)"> **here** <script>alert(2)</script>')
    expect(root.querySelector('img, script')).toBeNull()
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">')
    expect(root.textContent).toContain('<script>alert(2)</script>')
    expect(root.querySelector('strong')?.textContent).toBe('here')
  })

  test('a code block keeps its lines; lists are lists', () => {
    const root = show('```\nline 1\n  <b>2</b>\n```\n\n- one\n- **two**\n\n3. c\n4. d')
    expect(root.querySelector('pre code')?.textContent).toBe('line 1\n  <b>2</b>')
    expect([...root.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two'])
    expect(root.querySelector('ol')?.getAttribute('start')).toBe('3')
  })

  test('links are http, https or mailto anchors with rel=noopener noreferrer; other schemes stay text', () => {
    const root = show('see https://example.com/a?b=1 or [docs](https://docs.example.org) or mail ana@example.com, not [x](javascript:alert(1)) or ![i](https://t.example/p.png)')
    const links = [...root.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'https://docs.example.org/', 'mailto:ana@example.com', 'https://t.example/p.png'])
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer')
      expect(a.getAttribute('target')).toBe('_blank')
    }
    expect(root.textContent).toContain('[x](javascript:alert(1))')
    // An image is never loaded from a message (it would tell a third party who read it): its address is a link.
    expect(root.textContent).toContain('![i](https://t.example/p.png)')
    expect(root.querySelector('img')).toBeNull()
  })

  test('file names are not links, but www. addresses are', () => {
    expect(linkify('open notes.py and readme.md').some((piece) => piece.kind === 'link')).toBe(false)
    expect(linkify('go to www.example.com')).toEqual([{ kind: 'text', text: 'go to ' }, { kind: 'link', href: 'http://www.example.com/', children: [{ kind: 'text', text: 'www.example.com' }] }])
    expect(safeHref('data:text/html,hi')).toBeUndefined()
    expect(safeHref('file:///etc/passwd')).toBeUndefined()
  })

  test('plain text without markdown is one paragraph, exactly as typed', () => {
    expect(parseRich('  hello,\n  world  ')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '  hello,\n  world  ' }] }])
  })

  test('a hostile 20,000-character nesting renders quickly and as text, without throwing', () => {
    for (const text of ['*'.repeat(20_000), '['.repeat(10_000) + ']'.repeat(10_000), '> '.repeat(10_000), '- '.repeat(10_000), '_a'.repeat(10_000), '`'.repeat(20_000)]) {
      const started = performance.now()
      const blocks = parseRich(text)
      expect(performance.now() - started).toBeLessThan(2_000)
      expect(Array.isArray(blocks)).toBe(true)
    }
  })

  test('find matches are marked, case-insensitively, in text and code', () => {
    const root = show('Printer **printer** `PRINTER`', 'printer')
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Printer', 'printer', 'PRINTER'])
    expect(matchRanges('aaa', 'aa')).toEqual([[0, 2]])
  })

  test('a Find query that changes marks and unmarks the drawn text in place, in links, lists and code blocks too', () => {
    const [query, setQuery] = createSignal<string | undefined>(undefined)
    const root = document.body.appendChild(document.createElement('div'))
    render(() => <RichText blocks={parseRich('see https://printer.example.com\n\n- **printer** one\n\n```\nprinter()\n```')} highlight={query()} />, root)
    const marks = (): string[] => [...root.querySelectorAll('mark')].map((mark) => mark.textContent ?? '')
    const link = root.querySelector('a')
    expect(marks()).toEqual([])
    setQuery('PRINTER')
    expect(marks()).toEqual(['printer', 'printer', 'printer'])
    expect(root.querySelector('a')).toBe(link) // the same nodes: only the text inside changed
    expect(root.querySelector('a')?.textContent).toBe('https://printer.example.com')
    setQuery('')
    expect(marks()).toEqual([])
    expect(root.querySelector('pre code')?.textContent).toBe('printer()')
  })
})

describe('an entry view', () => {
  const entry: Entry = { id: '0000000001000-0000-a', kind: 'chat', audience: 'all', authorId: 'c1', authorName: 'Carla', authorRole: 'customer', text: 'my **printer** is at https://example.com', at: 1 }
  test('shows plain text first, then the rich form once the parser has loaded', async () => {
    const root = document.body.appendChild(document.createElement('div'))
    render(() => <EntryView entry={entry} selfId="r1" viewer="rep" />, root)
    await loadRichText()
    expect(root.querySelector('strong')?.textContent).toBe('printer')
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.com/')
  })
})

describe('text without formatting', () => {
  const CORPUS = [
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">click me</a>',
    '<svg onload="window.__pwned=1"><style>*{display:none}</style>',
    '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
    'control \u0007 bell \u001b[31m escape \u0008 back\u0000nul',
    '  indented\n\n\n  lines\r\n# not a heading\n> nor a quote  ',
    'a \\ backslash \\* and &amp; entity',
  ]
  test.each(CORPUS)('is shown exactly as typed: %j', (text) => {
    expect(show(text).textContent).toBe(text)
  })
})
