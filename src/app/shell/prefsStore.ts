/** The chat preferences as a reactive store: applied at once, saved locally on every change. */
import { createStore } from 'solid-js/store'
import { FONT_SIZES, MAX_IDLE_S, checkIdleThresholds, loadPrefs, savePrefs, type IdleThresholdProblem, type Prefs } from '../../store/prefs'

export { FONT_SIZES, MAX_IDLE_S, checkIdleThresholds, type IdleThresholdProblem, type Prefs }

/** Reactive preferences with a setter that persists. */
export interface PrefsStore {
  prefs: Prefs
  update(change: Partial<Prefs>): void
}

/** Loads preferences into a store. */
export function createPrefsStore(): PrefsStore {
  const [prefs, setPrefs] = createStore<Prefs>(loadPrefs())
  return {
    prefs,
    update(change) {
      setPrefs(change)
      savePrefs({ ...prefs })
    },
  }
}

/** The next font size in the cycle after `current`. */
export function nextFontSize(current: number): number {
  const index = FONT_SIZES.findIndex((size) => size === current)
  return FONT_SIZES[(index + 1) % FONT_SIZES.length] ?? 100
}
