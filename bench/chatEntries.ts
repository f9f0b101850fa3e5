/**
 * Chat entries for the model-level benchmarks and for seeding big sessions:
 * written with the app's own `appendEntry` (validation, sortable ids, the
 * `LOCAL` origin), so sizes and costs are the product's.
 */
import type * as Y from 'yjs'
import { appendEntry } from '../src/doc/transcript'

/** A 100-character chat line (the size the bytes-per-message budget is stated for), tagged with `i`. */
export function chatText(i: number): string {
  const head = `#${i} `
  return head + 'The printer shows error 0x41 again after the restart; the tray light blinks orange, then it stops. '.repeat(2).slice(0, 100 - head.length)
}

/** Appends message `i` as the customer (even) or the rep (odd) would, at `at`. */
export function appendChat(doc: Y.Doc, i: number, at: number, author: 'rep' | 'customer' = i % 2 === 0 ? 'customer' : 'rep'): string {
  return appendEntry(doc, {
    kind: 'chat',
    audience: 'all',
    authorId: author === 'rep' ? 'rep-7' : 'cust-1',
    authorName: author === 'rep' ? 'Rafa' : 'Carla',
    authorRole: author,
    text: chatText(i),
    at,
  })
}
