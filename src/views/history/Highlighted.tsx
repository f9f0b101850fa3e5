/** Text with matched ranges wrapped in <mark>: built as text nodes, never as HTML. */
import { For } from 'solid-js'

/** Splits `text` at `ranges` ([start, end), sorted, disjoint) into plain and marked pieces. */
export function splitHighlights(text: string, ranges: readonly (readonly [number, number])[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), hit: false })
    pieces.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false })
  return pieces
}

/** Renders `text` with its matches marked. */
export function Highlighted(props: { text: string; ranges: readonly (readonly [number, number])[] }) {
  return <For each={splitHighlights(props.text, props.ranges)}>{(piece) => (piece.hit ? <mark>{piece.text}</mark> : <span>{piece.text}</span>)}</For>
}
