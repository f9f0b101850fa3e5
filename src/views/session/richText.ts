/**
 * A message's text as a small tree of rich pieces: the light markdown people
 * type in chats (bold, italic, inline code, code blocks, lists) and links.
 * marked's Lexer only tokenizes (its HTML renderer is never used); this module
 * keeps the few token kinds it knows and turns every other one — raw HTML,
 * images, headings, quotes — back into its literal text. Views render the
 * tree as DOM nodes (text nodes for all text), never as HTML. Links are kept
 * only for http:, https: and mailto:.
 */
import { Lexer, type Token, type Tokens } from 'marked'
import { find } from 'linkifyjs'

/** An inline piece of a message. */
export type RichInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: RichInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: RichInline[] }

/** A block of a message: a paragraph, a code block or a list (each item a list of blocks). */
export type RichBlock =
  | { kind: 'paragraph'; children: RichInline[] }
  | { kind: 'codeBlock'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: RichBlock[][] }

/** Nesting deeper than this is shown as its literal text: no message needs it, and a hostile one could ask for thousands of levels. */
const MAX_DEPTH = 12
/** Link schemes a message may carry; anything else (javascript:, data:, file:) stays text. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
/** Characters that can start markdown: a message without any is one paragraph of text (the common, fast case). */
const MARKDOWN_HINT = /[*_`[<\\]|^\s*(?:[-+]|\d{1,9}[.)])\s|^ {4}|^\t/m

/** The href of a link a message may carry (http, https, mailto), normalised; undefined for anything else. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href)
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * Splits plain text into text and links found by linkifyjs. Only links written with their scheme
 * (`https://…`), starting with `www.`, or e-mail addresses count: a bare `notes.py` or `readme.md`
 * names a file far more often than the Paraguayan or Moldovan web.
 */
export function linkify(text: string): RichInline[] {
  const pieces: RichInline[] = []
  let at = 0
  for (const match of find(text)) {
    const written = match.value
    const plausible = match.type === 'email' || /^(?:https?:\/\/|mailto:|www\.)/i.test(written)
    const href = plausible ? safeHref(match.href) : undefined
    if (!href) continue
    if (match.start > at) pieces.push({ kind: 'text', text: text.slice(at, match.start) })
    pieces.push({ kind: 'link', href, children: [{ kind: 'text', text: written }] })
    at = match.end
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) })
  return pieces
}

function literal(raw: string): RichInline[] {
  return linkify(raw)
}

function inlines(tokens: readonly Token[] | undefined, depth: number, inLink = false): RichInline[] {
  const out: RichInline[] = []
  for (const token of tokens ?? []) out.push(...inline(token, depth, inLink))
  return out
}

function inline(token: Token, depth: number, inLink: boolean): RichInline[] {
  const text = (value: string): RichInline[] => (inLink ? [{ kind: 'text', text: value }] : literal(value))
  if (depth > MAX_DEPTH) return text(token.raw)
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? inlines(token.tokens, depth + 1, inLink) : text((token as Tokens.Text).text)
    case 'escape':
      return [{ kind: 'text', text: (token as Tokens.Escape).text }]
    case 'strong':
    case 'em':
      return [{ kind: token.type, children: inlines((token as Tokens.Strong).tokens, depth + 1, inLink) }]
    case 'codespan':
      return [{ kind: 'code', text: (token as Tokens.Codespan).text }]
    case 'br':
      return [{ kind: 'text', text: '\n' }]
    case 'link': {
      const link = token as Tokens.Link
      const href = inLink ? undefined : safeHref(link.href)
      return href ? [{ kind: 'link', href, children: inlines(link.tokens, depth + 1, true) }] : text(link.raw)
    }
    default:
      // html, image, del and anything newer: its literal text (an <img onerror> stays characters on the screen)
      return text(token.raw)
  }
}

function blocks(tokens: readonly Token[], depth: number): RichBlock[] {
  const out: RichBlock[] = []
  const paragraph = (children: RichInline[]): void => {
    const last = out.at(-1)
    // Consecutive literal blocks (a heading, then a quote) read as one paragraph, lines kept.
    if (last?.kind === 'paragraph' && children.length > 0) last.children.push({ kind: 'text', text: '\n' }, ...children)
    else out.push({ kind: 'paragraph', children })
  }
  for (const token of tokens) {
    if (token.type === 'space') continue
    if (depth > MAX_DEPTH) out.push({ kind: 'paragraph', children: literal(token.raw.trimEnd()) })
    else if (token.type === 'paragraph' || (token.type === 'text' && 'tokens' in token)) out.push({ kind: 'paragraph', children: inlines((token as Tokens.Paragraph).tokens, depth + 1) })
    else if (token.type === 'code') out.push({ kind: 'codeBlock', text: (token as Tokens.Code).text })
    else if (token.type === 'list') {
      const list = token as Tokens.List
      out.push({ kind: 'list', ordered: list.ordered, start: typeof list.start === 'number' ? list.start : 1, items: list.items.map((item) => blocks(item.tokens, depth + 1)) })
    } else paragraph(literal(token.raw.trimEnd()))
  }
  return out
}

function formatted(items: readonly (RichBlock | RichInline)[]): boolean {
  return items.some((item) => item.kind !== 'text' && item.kind !== 'link' && (item.kind !== 'paragraph' || formatted(item.children)))
}

/**
 * The rich form of a message's text. A message with no formatting in it is shown exactly as typed
 * (the lexer would trim it, fold its blank lines and turn NUL into U+FFFD), links found. Never
 * throws: whatever the lexer cannot take is shown as typed.
 */
export function parseRich(text: string): RichBlock[] {
  const plain: RichBlock[] = [{ kind: 'paragraph', children: linkify(text) }]
  if (!MARKDOWN_HINT.test(text)) return plain
  try {
    const rich = blocks(Lexer.lex(text, { gfm: false }), 0)
    return formatted(rich) ? rich : plain
  } catch {
    return [{ kind: 'paragraph', children: [{ kind: 'text', text }] }]
  }
}
