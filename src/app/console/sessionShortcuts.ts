/**
 * Shortcuts inside the session in front, on the same Alt+Shift chord as the
 * session-switching ones (free in Chrome, Firefox, NVDA, JAWS and VoiceOver);
 * letters are matched by `code` because Alt changes the character on macOS.
 */

/** What a session shortcut does. */
export type SessionAction = 'focusComposer' | 'toggleRepsOnly' | 'togglePanel' | 'scriptedMessage'

const KEYS: Record<string, SessionAction> = {
  KeyM: 'focusComposer',
  KeyR: 'toggleRepsOnly',
  KeyP: 'togglePanel',
  KeyS: 'scriptedMessage',
}

/** The action of a key press, or undefined when it is not one of ours. */
export function sessionAction(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): SessionAction | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined
  return KEYS[event.code]
}
