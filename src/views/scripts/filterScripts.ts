/** Search and grouping of scripts for the picker and the library (pure, no DOM). */
import type { Script } from '../../doc/scripts'
import { foldText } from '../../doc/text'

/** Scripts of one category, in library order. */
export interface ScriptGroup {
  category: string
  scripts: Script[]
}


/** The scripts whose title, text or category contain every word of `query` (accent- and case-insensitive). */
export function filterScripts(scripts: readonly Script[], query: string): Script[] {
  const words = foldText(query).split(/\s+/).filter((word) => word !== '')
  if (words.length === 0) return [...scripts]
  return scripts.filter((script) => {
    const haystack = foldText(`${script.title}\n${script.text}\n${script.category}`)
    return words.every((word) => haystack.includes(word))
  })
}

/** Consecutive scripts of the same category (the input is in library order, so each category is one run). */
export function groupByCategory(scripts: readonly Script[]): ScriptGroup[] {
  const groups: ScriptGroup[] = []
  for (const script of scripts) {
    const last = groups.at(-1)
    if (last && last.category === script.category) last.scripts.push(script)
    else groups.push({ category: script.category, scripts: [script] })
  }
  return groups
}
