/**
 * What each session's chat box remembers while another tab is in front: the
 * draft, where the transcript was scrolled, and whether the side panel is
 * open. The session's model owns it, so switching tabs (which remounts the
 * view) loses nothing.
 */
import { createSignal, type Accessor, type Setter } from 'solid-js'
import type { VirtualItem } from '@tanstack/solid-virtual'
import { createFindState, type FindState } from './findState'

/** Where a transcript was scrolled, enough to put it back exactly. */
export interface TranscriptScroll {
  /** The scroll offset in pixels. */
  offset: number
  /** Whether the reader was at the end, following new messages (then the offset is ignored). */
  following: boolean
  /** Measured row sizes, so restoring the offset lands on the same rows. */
  measurements: VirtualItem[]
}

/** One session's remembered view state. */
export interface SessionViewState {
  draft: Accessor<string>
  setDraft: Setter<string>
  /** Undefined until the rep toggles the panel in this session: then the preference applies. */
  panelOpen: Accessor<boolean | undefined>
  setPanelOpen: Setter<boolean | undefined>
  /** Saved when the transcript unmounts; read when it mounts again. */
  scroll: TranscriptScroll | undefined
  /** Find in session: open or not, the query, the current match. */
  find: FindState
}

/** A fresh view state (also what a view uses when nobody owns one for it). */
export function createSessionViewState(): SessionViewState {
  const [draft, setDraft] = createSignal('')
  const [panelOpen, setPanelOpen] = createSignal<boolean>()
  return { draft, setDraft, panelOpen, setPanelOpen, scroll: undefined, find: createFindState() }
}
