/** Find in session's search: every entry of the model (not only the rendered rows), by the words the reader sees. */
import type { Entry } from '../../doc/entry'

const lowered = new WeakMap<Entry, string>()

/**
 * Ids of the entries whose text (`textOf`) contains `query`, case-insensitively, in transcript order.
 * Entries are immutable, so each one's lower-cased text is kept while the entry lives.
 */
export function findMatches(entries: readonly Entry[], query: string, textOf: (entry: Entry) => string): string[] {
  const needle = query.trim().toLocaleLowerCase()
  if (needle === '') return []
  const ids: string[] = []
  for (const entry of entries) {
    // A note's sentence depends on the UI language, so only messages and links (the bulk) are cached.
    let hay = lowered.get(entry)
    if (hay === undefined) {
      hay = textOf(entry).toLocaleLowerCase()
      if (entry.kind !== 'status') lowered.set(entry, hay)
    }
    if (hay.includes(needle)) ids.push(entry.id)
  }
  return ids
}

/** The match after (`step` 1) or before (-1) `currentId`, wrapping; the newest when there is no current one. */
export function stepMatch(matches: readonly string[], currentId: string | undefined, step: 1 | -1): string | undefined {
  if (matches.length === 0) return undefined
  const at = currentId === undefined ? -1 : matches.indexOf(currentId)
  if (at === -1) return matches.at(-1)
  return matches[(at + step + matches.length) % matches.length]
}
