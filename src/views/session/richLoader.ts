/**
 * Loads the rich-text parser (marked's lexer and linkifyjs, ~20 kB gzip) on
 * first use, after the page has drawn: until then messages show as plain text,
 * then redraw rich. Keeps both libraries out of the customer page's first load.
 */
import { createSignal } from 'solid-js'
import type { RichBlock } from './richText'

type Parse = (text: string) => RichBlock[]

const [parser, setParser] = createSignal<Parse>()
let loading: Promise<void> | undefined

/** Starts loading the parser (once); resolves when it is ready. */
export function loadRichText(): Promise<void> {
  loading ??= import('./richText').then((module) => {
    setParser(() => module.parseRich)
  }).catch(() => {
    loading = undefined // offline before the chunk was cached: plain text now, another try on the next render
  })
  return loading
}

/** The parser once loaded (reactive), else undefined; asking starts the load. */
export function richParser(): Parse | undefined {
  const parse = parser()
  if (!parse) void loadRichText()
  return parse
}
