/** The active language and the translate function, reactive (switching needs no reload). */
import { createSignal } from 'solid-js'
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { en, type MessageKey } from './en'
import { es } from './es'

/** Supported UI languages. */
export type Lang = 'en' | 'es'

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, es }

/** Picks the language: explicit choice, else the browser's first supported language, else English. */
export function pickLang(explicit: string | null | undefined, browserLanguages: readonly string[]): Lang {
  if (explicit === 'en' || explicit === 'es') return explicit
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'es' || base === 'en') return base
  }
  return 'en'
}

const [lang, setLangSignal] = createSignal<Lang>('en')

/** The current UI language. */
export { lang }

/** Switches the UI language (and the document's `lang`). */
export function setLang(next: Lang): void {
  setLangSignal(next)
  if (typeof document !== 'undefined') document.documentElement.lang = next
}

const translate = translator(() => catalogs[lang()], resolveTemplate)

/** Translates a catalog key, filling `{{param}}` placeholders. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(key, params) ?? key
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and every transcript row formats a time.
const timeFormats = new Map<Lang, Intl.DateTimeFormat>()
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>()

function formatterFor(cache: Map<Lang, Intl.DateTimeFormat>, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const current = lang()
  let format = cache.get(current)
  if (!format) {
    format = new Intl.DateTimeFormat(current, options)
    cache.set(current, format)
  }
  return format
}

/** Formats a time of day in the UI language. */
export function formatTime(ms: number): string {
  return formatterFor(timeFormats, { hour: '2-digit', minute: '2-digit' }).format(ms)
}

/** Formats a date and time in the UI language. */
export function formatDateTime(ms: number): string {
  return formatterFor(dateTimeFormats, { dateStyle: 'medium', timeStyle: 'short' }).format(ms)
}

export type { MessageKey }
