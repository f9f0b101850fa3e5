/** The chat preferences as a reactive store: applied at once, saved locally on every change. */
import { createStore } from 'solid-js/store'
import { FONT_SIZES, MAX_IDLE_S, checkIdleThresholds, loadPrefs, savePrefs, type IdleThresholdProblem, type Prefs } from '../../store/prefs'

export { FONT_SIZES, MAX_IDLE_S, checkIdleThresholds, type IdleThresholdProblem, type Prefs }

/** Reactive preferences with a setter that persists. */
export interface PrefsStore {
  prefs: Prefs
  update(change: Partial<Prefs>): void
  /** What the preferences accept (the form's bounds). */
  limits: { fontSizes: readonly number[]; maxIdleS: number }
  /** Why a pair of idle thresholds is refused, if it is. */
  checkIdle(yellowS: unknown, redS: unknown): IdleThresholdProblem | undefined
  /** The font size after `current` in the Font size tool's cycle. */
  nextFontSize(current: number): number
}

/** The next font size in the cycle after `current`. */
export function nextFontSize(current: number): number {
  const index = FONT_SIZES.findIndex((size) => size === current)
  return FONT_SIZES[(index + 1) % FONT_SIZES.length] ?? 100
}

/** The rules of the preferences, for the form that edits them. */
export const PREFS_RULES = { limits: { fontSizes: FONT_SIZES, maxIdleS: MAX_IDLE_S }, checkIdle: checkIdleThresholds, nextFontSize } satisfies Pick<PrefsStore, 'limits' | 'checkIdle' | 'nextFontSize'>

/** Loads preferences into a store. */
export function createPrefsStore(): PrefsStore {
  const [prefs, setPrefs] = createStore<Prefs>(loadPrefs())
  return {
    ...PREFS_RULES,
    prefs,
    update(change) {
      setPrefs(change)
      savePrefs({ ...prefs })
    },
  }
}

