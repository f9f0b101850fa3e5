/** Session notes: one `Y.Text` in the rep doc, co-edited by the session's reps. */
import * as Y from 'yjs'
import { ROOT } from './schema'

/** The shared notes text of a rep doc. */
export function notesText(doc: Y.Doc): Y.Text {
  return doc.getText(ROOT.notes)
}

/** The notes as a plain string. */
export function readNotes(doc: Y.Doc): string {
  return notesText(doc).toString()
}

/** Longest notes text accepted from the editor (a long page of notes, far below the sync limits). */
export const MAX_NOTES_CHARS = 100_000

/**
 * Turns the editor's new value into the smallest Y.Text edit (one delete and
 * one insert between the common prefix and suffix), so concurrent edits by
 * other reps elsewhere in the text merge without lost keystrokes.
 */
export function applyTextValue(text: Y.Text, next: string, origin: unknown): void {
  const current = text.toString()
  if (current === next) return
  let start = 0
  const shortest = Math.min(current.length, next.length)
  while (start < shortest && current[start] === next[start]) start++
  let end = 0
  while (end < shortest - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++
  text.doc?.transact(() => {
    const removed = current.length - start - end
    if (removed > 0) text.delete(start, removed)
    const inserted = next.slice(start, next.length - end)
    if (inserted.length > 0) text.insert(start, inserted)
  }, origin)
}

/** Where a caret at `index` ends up after a remote delta (inserts before it push it right, deletes pull it left). */
export function shiftIndex(index: number, delta: { insert?: unknown; delete?: number; retain?: number }[]): number {
  let position = 0
  let result = index
  for (const op of delta) {
    if (op.retain !== undefined) position += op.retain
    else if (typeof op.insert === 'string') {
      if (position <= result) result += op.insert.length
      position += op.insert.length
    } else if (op.delete !== undefined) {
      if (position < result) result -= Math.min(op.delete, result - position)
    }
    if (position > result) break
  }
  return result
}
