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
