/**
 * A message's text rendered rich (richText.ts): paragraphs, code, lists and
 * safe links, all as DOM nodes with text nodes for the text — never HTML.
 * `highlight` marks where a Find query matches (case-insensitive).
 */
import { For, Show, type JSX } from 'solid-js'
import type { RichBlock, RichInline } from './richText'
import { splitHighlights } from '../history/Highlighted'
import './rich.css'

/** Ranges of `query` in `text`, case-insensitive, sorted and disjoint. */
export function matchRanges(text: string, query: string): [number, number][] {
  const needle = query.toLocaleLowerCase()
  if (needle === '') return []
  const hay = text.toLocaleLowerCase()
  const ranges: [number, number][] = []
  // Lower-casing can change lengths (rare: İ): then there are no safe offsets, and nothing is marked.
  if (hay.length !== text.length) return ranges
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length])
  return ranges
}

/** Text with the Find query's matches in <mark>; with no query (the usual case), one text node and nothing to keep. */
export function MarkedText(props: { text: string; highlight: string | undefined }) {
  return (
    <Show when={props.highlight} fallback={props.text}>
      {(query) => (
        <For each={splitHighlights(props.text, matchRanges(props.text, query()))}>
          {(piece) => (piece.hit ? <mark class="find-hit">{piece.text}</mark> : piece.text)}
        </For>
      )}
    </Show>
  )
}

// The pieces are the parser's output for one text, never changed in place (a new text is a new tree): each
// is drawn by its kind once, with no Switch of reactive Matches per piece. A message's new row is drawn in
// the rep's Enter (issue 20, Enter dispatch); only the Find query stays reactive.

function inlineView(item: RichInline, highlight: () => string | undefined): JSX.Element {
  switch (item.kind) {
    case 'text':
      return <MarkedText text={item.text} highlight={highlight()} />
    case 'code':
      return <code><MarkedText text={item.text} highlight={highlight()} /></code>
    case 'strong':
      return <strong><Inlines items={item.children} highlight={highlight()} /></strong>
    case 'em':
      return <em><Inlines items={item.children} highlight={highlight()} /></em>
    case 'link':
      return (
        <a href={item.href} target="_blank" rel="noopener noreferrer">
          <Inlines items={item.children} highlight={highlight()} />
        </a>
      )
  }
}

function Inlines(props: { items: RichInline[]; highlight: string | undefined }) {
  return <For each={props.items}>{(item) => inlineView(item, () => props.highlight)}</For>
}

function blockView(block: RichBlock, highlight: () => string | undefined): JSX.Element {
  switch (block.kind) {
    case 'paragraph':
      return <p><Inlines items={block.children} highlight={highlight()} /></p>
    case 'codeBlock':
      return <pre><code><MarkedText text={block.text} highlight={highlight()} /></code></pre>
    case 'list': {
      const items = <For each={block.items}>{(item) => <li><Blocks blocks={item} highlight={highlight()} /></li>}</For>
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>
    }
  }
}

function Blocks(props: { blocks: RichBlock[]; highlight: string | undefined }) {
  return <For each={props.blocks}>{(block) => blockView(block, () => props.highlight)}</For>
}

/** Renders rich blocks inside a `div.entry__text`. */
export function RichText(props: { blocks: RichBlock[]; highlight?: string | undefined }) {
  return (
    <div class="entry__text rich">
      <Blocks blocks={props.blocks} highlight={props.highlight} />
    </div>
  )
}
