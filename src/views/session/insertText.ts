/** Text insertion at a text field's caret, as a pure function (the field's value is owned by its model). */

/** Inserts `text` into `value` over the selection [start, end); returns the new value and the caret after the insert. */
export function insertAt(value: string, text: string, start: number, end: number): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length))
  const to = Math.max(from, Math.min(end, value.length))
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length }
}
