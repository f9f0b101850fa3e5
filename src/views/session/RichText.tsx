/**
 * A message's text rendered rich (richText.ts): paragraphs, code, lists and
 * safe links, all as DOM nodes with text nodes for the text — never HTML.
 * `highlight` marks where a Find query matches (case-insensitive).
 */
import { For, Match, Switch } from 'solid-js'
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

/** Text with the Find query's matches in <mark>. */
export function MarkedText(props: { text: string; highlight: string | undefined }) {
  return (
    <For each={splitHighlights(props.text, matchRanges(props.text, props.highlight ?? ''))}>
      {(piece) => (piece.hit ? <mark class="find-hit">{piece.text}</mark> : piece.text)}
    </For>
  )
}

function Inlines(props: { items: RichInline[]; highlight: string | undefined }) {
  return (
    <For each={props.items}>
      {(item) => (
        <Switch>
          <Match when={item.kind === 'text' && item}>{(piece) => <MarkedText text={piece().text} highlight={props.highlight} />}</Match>
          <Match when={item.kind === 'code' && item}>{(piece) => <code><MarkedText text={piece().text} highlight={props.highlight} /></code>}</Match>
          <Match when={item.kind === 'strong' && item}>{(piece) => <strong><Inlines items={piece().children} highlight={props.highlight} /></strong>}</Match>
          <Match when={item.kind === 'em' && item}>{(piece) => <em><Inlines items={piece().children} highlight={props.highlight} /></em>}</Match>
          <Match when={item.kind === 'link' && item}>
            {(piece) => (
              <a href={piece().href} target="_blank" rel="noopener noreferrer">
                <Inlines items={piece().children} highlight={props.highlight} />
              </a>
            )}
          </Match>
        </Switch>
      )}
    </For>
  )
}

function Blocks(props: { blocks: RichBlock[]; highlight: string | undefined }) {
  return (
    <For each={props.blocks}>
      {(block) => (
        <Switch>
          <Match when={block.kind === 'paragraph' && block}>{(piece) => <p><Inlines items={piece().children} highlight={props.highlight} /></p>}</Match>
          <Match when={block.kind === 'codeBlock' && block}>{(piece) => <pre><code><MarkedText text={piece().text} highlight={props.highlight} /></code></pre>}</Match>
          <Match when={block.kind === 'list' && block}>
            {(piece) => {
              const items = (
                <For each={piece().items}>{(item) => <li><Blocks blocks={item} highlight={props.highlight} /></li>}</For>
              )
              return piece().ordered ? <ol start={piece().start}>{items}</ol> : <ul>{items}</ul>
            }}
          </Match>
        </Switch>
      )}
    </For>
  )
}

/** Renders rich blocks inside a `div.entry__text`. */
export function RichText(props: { blocks: RichBlock[]; highlight?: string | undefined }) {
  return (
    <div class="entry__text rich">
      <Blocks blocks={props.blocks} highlight={props.highlight} />
    </div>
  )
}
