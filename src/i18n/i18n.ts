/** The active language and the translate function, reactive (switching needs no reload). */
import { createSignal } from 'solid-js'
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { en, type MessageKey } from './en'

/** Supported UI languages. */
export type Lang = 'en' | 'es'

type Catalog = Record<MessageKey, string>

/**
 * Loaded catalogs. English (the fallback, and the source of every key) is in the page's first chunk;
 * Spanish is its own chunk, fetched only when the page is shown in Spanish (issue 20).
 */
const catalogs: Partial<Record<Lang, Catalog>> & { en: Catalog } = { en }
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Catalog>> = {
  es: () => import('./es').then((module) => module.es),
}
const loading = new Map<Lang, Promise<void>>()

/** Fetches a language's catalog (once); resolves when `t()` can use it. */
export function loadLang(next: Lang): Promise<void> {
  if (catalogs[next]) return Promise.resolve()
  let pending = loading.get(next)
  if (!pending) {
    pending = loaders[next as Exclude<Lang, 'en'>]().then(
      (catalog) => {
        catalogs[next] = catalog
      },
      (error: unknown) => {
        loading.delete(next) // a failed fetch (offline, new deploy) may be retried by the next switch
        throw error
      },
    )
    loading.set(next, pending)
  }
  return pending
}

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

let wanted: Lang = 'en'

function apply(next: Lang): void {
  setLangSignal(next)
  if (typeof document !== 'undefined') document.documentElement.lang = next
}

/**
 * Switches the UI language (and the document's `lang`): at once if its catalog is loaded, else once it
 * has loaded — the page keeps its current language until then, never a mix, and the latest call wins
 * when switches overlap. If the catalog cannot be fetched the page stays in its current language.
 * The page's first language is loaded with `loadLang` before the first render, so it shows no English first.
 */
export function setLang(next: Lang): void {
  wanted = next
  if (catalogs[next]) return apply(next)
  loadLang(next).then(
    () => {
      if (wanted === next) apply(next)
    },
    (error: unknown) => {
      if (wanted === next) wanted = lang()
      console.warn(`Could not load the ${next} catalog`, error)
    },
  )
}

/** The active catalog: English until another language's catalog has loaded (setLang waits for it). */
const active = (): Catalog => catalogs[lang()] ?? en

const translate = translator(active, resolveTemplate)

/** Translates a catalog key, filling `{{param}}` placeholders. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(key, params) ?? key
}

/** A message with plural forms: the catalog holds `<base>.other` and whichever of `<base>.one`, `.many`, … the languages need. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey]

const pluralRules = new Map<Lang, Intl.PluralRules>()
const numberFormats = new Map<Lang, Intl.NumberFormat>()

/** Formats a count in the UI language ("1,234" / "1234"; "12 345"). */
export function formatNumber(value: number): string {
  const current = lang()
  let format = numberFormats.get(current)
  if (!format) numberFormats.set(current, (format = new Intl.NumberFormat(current)))
  return format.format(value)
}

/** Translates a counted message with the language's plural rules: "1 message", "2 messages", "1 conectado". `{{count}}` is the localized number. */
export function tn(base: PluralKey, count: number, params?: Record<string, string | number>): string {
  const current = lang()
  let rules = pluralRules.get(current)
  if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current)))
  const exact = `${base}.${rules.select(count)}`
  const key = (exact in active() ? exact : `${base}.other`) as MessageKey
  return t(key, { ...params, count: formatNumber(count) })
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
