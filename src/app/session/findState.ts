/**
 * Find in session, as state a model owns: whether the find bar is open, the
 * query, and which entry holds the current match (an id, not a position, so
 * new messages do not move it). The matching itself is the view's: it searches
 * the words the reader sees.
 */
import { createSignal, type Accessor, type Setter } from 'solid-js'

/** One session's find state. */
export interface FindState {
  open: Accessor<boolean>
  setOpen: Setter<boolean>
  query: Accessor<string>
  setQuery: Setter<string>
  /** The entry of the current match, or undefined to start from the newest match. */
  currentId: Accessor<string | undefined>
  setCurrentId: Setter<string | undefined>
}

/** A closed find bar with an empty query. */
export function createFindState(): FindState {
  const [open, setOpen] = createSignal(false)
  const [query, setQuery] = createSignal('')
  const [currentId, setCurrentId] = createSignal<string>()
  return { open, setOpen, query, setQuery, currentId, setCurrentId }
}
