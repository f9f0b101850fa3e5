/** Chat preferences, kept in localStorage: small, read synchronously at start-up. */

/** Languages of the UI. */
export type Lang = 'en' | 'es'

/** The rep's chat preferences. */
export interface Prefs {
  /** Undefined: follow the browser. */
  lang?: Lang
}

const PREFS_KEY = 'asiste:prefs'

/** Reads preferences (defaults on missing or corrupt data). */
export function loadPrefs(): Prefs {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}')
    const lang = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).lang : undefined
    return lang === 'en' || lang === 'es' ? { lang } : {}
  } catch {
    return {}
  }
}

/** Saves preferences. */
export function savePrefs(prefs: Prefs): void {
  localStorage.setItem(PREFS_KEY, JSON.stringify(prefs))
}
