// Helpers shared by the persistence tests (src/store/persistDoc.ts).
import * as Y from 'yjs'
import { persistDoc } from '../../src/store/persistDoc'
import { readTranscript } from '../../src/doc/transcript'

/** A rep's chat message saying `text`. */
export const chat = (text: string) =>
  ({ kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana', authorRole: 'rep', text }) as const

/** The texts of database `name` as the next load of the page reads them. */
export async function reopened(name: string): Promise<string[]> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, name)
  const texts = readTranscript(doc).map((entry) => entry.text)
  await store.close()
  return texts
}
