/** Chat preferences, kept in localStorage: small, read synchronously at start-up. */

/** Languages of the UI. */
export type Lang = 'en' | 'es'

/** The rep's chat preferences. */
export interface Prefs {
  /** Undefined: follow the browser. */
  lang?: Lang
  /** Browser spell checking in the composer. */
  spellCheck: boolean
  /** Transcript and composer text size, percent of the base size. */
  fontSize: number
  /** Whether the right-hand session panel is shown. */
  panelOpen: boolean
  /** A session tab's idle icon turns yellow this many seconds after the rep last wrote to the customer. */
  yellowAfterS: number
  /** … and red after this many (always more than `yellowAfterS`). */
  redAfterS: number
  /** A short beep for a customer message while the console is in the background. */
  chatSound: boolean
}

/** Font sizes the `Font size` tool cycles through, percent. */
export const FONT_SIZES = [90, 100, 115, 130, 150] as const

const PREFS_KEY = 'asiste:prefs'
const DEFAULTS: Prefs = { spellCheck: true, fontSize: 100, panelOpen: true, yellowAfterS: 60, redAfterS: 180, chatSound: true }

/** Longest idle threshold: a day; past that the colour tells the rep nothing new. */
export const MAX_IDLE_S = 86_400

/** What is wrong with a pair of idle thresholds. */
export type IdleThresholdProblem = 'yellowInvalid' | 'redInvalid' | 'redNotAboveYellow'

function isIdleSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_IDLE_S
}

/** Checks idle thresholds: whole seconds, 0 < yellow < red ≤ a day. Undefined when they are fine. */
export function checkIdleThresholds(yellowAfterS: unknown, redAfterS: unknown): IdleThresholdProblem | undefined {
  if (!isIdleSeconds(yellowAfterS)) return 'yellowInvalid'
  if (!isIdleSeconds(redAfterS)) return 'redInvalid'
  if (redAfterS <= yellowAfterS) return 'redNotAboveYellow'
  return undefined
}

/** Validates stored preferences; anything missing or corrupt takes its default. */
export function parsePrefs(raw: unknown): Prefs {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const prefs: Prefs = { ...DEFAULTS }
  if (record.lang === 'en' || record.lang === 'es') prefs.lang = record.lang
  if (typeof record.spellCheck === 'boolean') prefs.spellCheck = record.spellCheck
  if (typeof record.fontSize === 'number' && (FONT_SIZES as readonly number[]).includes(record.fontSize)) prefs.fontSize = record.fontSize
  if (typeof record.panelOpen === 'boolean') prefs.panelOpen = record.panelOpen
  const { yellowAfterS, redAfterS } = record
  if (isIdleSeconds(yellowAfterS) && isIdleSeconds(redAfterS) && redAfterS > yellowAfterS) Object.assign(prefs, { yellowAfterS, redAfterS })
  if (typeof record.chatSound === 'boolean') prefs.chatSound = record.chatSound
  return prefs
}

/** Reads preferences (defaults on missing or corrupt data). */
export function loadPrefs(): Prefs {
  try {
    return parsePrefs(JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}'))
  } catch {
    return parsePrefs({})
  }
}

/** Saves preferences. */
export function savePrefs(prefs: Prefs): void {
  localStorage.setItem(PREFS_KEY, JSON.stringify(prefs))
}
