/** The chat preferences as a reactive object: applied at once, saved locally on every change. */
import { batch, createSignal } from 'solid-js'
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

/** Every key of `Prefs`; the type below fails to compile when one is missing. */
const PREF_KEYS = ['lang', 'spellCheck', 'fontSize', 'panelOpen', 'yellowAfterS', 'redAfterS', 'chatSound'] as const satisfies readonly (keyof Prefs)[]
type MissingKeys = Exclude<keyof Prefs, (typeof PREF_KEYS)[number]>
const allKeysListed: [MissingKeys] extends [never] ? true : MissingKeys = true
void allKeysListed

/**
 * Preferences as an object whose every field is a signal read (an effect that reads `fontSize` reruns when
 * that field changes, not when another does), and its setter for a partial change. Prefs is flat and holds
 * only primitives, so one signal per field does what `solid-js/store` did here without its 2 kB gzip in both
 * pages' first chunk (issue 20, bundles).
 */
export function reactivePrefs(initial: Prefs): [Prefs, (change: Partial<Prefs>) => void] {
  const prefs = {} as Prefs
  const writers = new Map<keyof Prefs, (value: Prefs[keyof Prefs]) => void>()
  for (const key of PREF_KEYS) {
    const [read, write] = createSignal<Prefs[keyof Prefs]>(initial[key])
    Object.defineProperty(prefs, key, { get: read, enumerable: true })
    writers.set(key, (value) => write(() => value))
  }
  // One batch: effects that read two fields (the idle thresholds) see both new values, and run once.
  const set = (change: Partial<Prefs>): void =>
    batch(() => {
      for (const key of PREF_KEYS) if (Object.hasOwn(change, key)) writers.get(key)!(change[key])
    })
  return [prefs, set]
}

/** Loads preferences into a reactive object that saves every change. */
export function createPrefsStore(): PrefsStore {
  const [prefs, setPrefs] = reactivePrefs(loadPrefs())
  return {
    ...PREFS_RULES,
    prefs,
    update(change) {
      setPrefs(change)
      savePrefs({ ...prefs })
    },
  }
}
