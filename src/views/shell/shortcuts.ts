/**
 * The console's one keymap and its one document listener: Alt+Shift chords
 * (free in Chrome, Firefox, NVDA, JAWS and VoiceOver; letters matched by
 * `code` because Alt changes the character on macOS) for switching sessions
 * and for the session in front, plus the tablist's roving keys. Ctrl+F (⌘F)
 * opens Find in session while a session is in front: the browser's own find
 * cannot reach the transcript's unrendered rows.
 */
import { onCleanup } from 'solid-js'

/** What a console shortcut does. */
export type Shortcut = 'next' | 'previous' | 'nextUnread' | 'focusComposer' | 'toggleRepsOnly' | 'togglePanel' | 'scriptedMessage' | 'find'

const BY_CODE: Record<string, Shortcut> = {
  KeyU: 'nextUnread',
  KeyM: 'focusComposer',
  KeyR: 'toggleRepsOnly',
  KeyP: 'togglePanel',
  KeyS: 'scriptedMessage',
  KeyF: 'find',
}
const BY_KEY: Record<string, Shortcut> = { ArrowDown: 'next', ArrowUp: 'previous' }

/** The shortcut of a key press, or undefined when it is not one of ours. */
export function shortcutOf(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'key' | 'code'>): Shortcut | undefined {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyF') return 'find'
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined
  return BY_KEY[event.key] ?? BY_CODE[event.code]
}

/** Where a key moves in the tablist (roving focus: the focused tab is also selected). */
export type TablistMove = 'next' | 'previous' | 'first' | 'last'

const TABLIST_KEYS: Record<string, TablistMove> = { ArrowRight: 'next', ArrowLeft: 'previous', Home: 'first', End: 'last' }

/** The tablist move of a key, if any. */
export function tablistMove(key: string): TablistMove | undefined {
  return TABLIST_KEYS[key]
}

type Handler = (shortcut: Shortcut, event: KeyboardEvent) => boolean

const handlers = new Set<Handler>()
const onKeyDown = (event: KeyboardEvent): void => {
  const shortcut = shortcutOf(event)
  if (!shortcut) return
  for (const handler of handlers) {
    if (handler(shortcut, event)) {
      event.preventDefault()
      return
    }
  }
}

/** Handles console shortcuts while the calling component lives; `handle` returns whether it took the key. */
export function useShortcuts(handle: Handler): void {
  if (handlers.size === 0) document.addEventListener('keydown', onKeyDown)
  handlers.add(handle)
  onCleanup(() => {
    handlers.delete(handle)
    if (handlers.size === 0) document.removeEventListener('keydown', onKeyDown)
  })
}
