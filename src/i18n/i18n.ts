/** The active language and the translate function, reactive (switching needs no reload). */
import { createSignal } from 'solid-js'
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { en, type MessageKey } from './en'

/** Supported UI languages. */
export type Lang = 'en' | 'es'

/** A catalog as loaded: every page's strings, and the parts `loadStrings` has fetched. */
type Catalog = Partial<Record<MessageKey, string>>

/**
 * Strings fetched apart from a language's catalog, for one part of the app (merged into it once loaded):
 * `console`, the rep console's own; `media`, the screen-sharing, file and credentials dialogs and cards,
 * which both pages fetch with those tools' code on first use; `export`, the labels of an exported
 * transcript (the rep's Export, the customer's Save chat log), fetched with the code that writes it; `queue`,
 * team portals and the queue (a portal's request page, the console's Portals and queue); `history`, History's
 * view; `scripts`, the script library and the scripted pickers; `dialogs`, the console's preferences, team and
 * invitation dialogs and its tamper warnings (the last four fetched by the console with the view that shows
 * them: most visits open none of them).
 */
export type StringsPart = 'console' | 'media' | 'export' | 'queue' | 'history' | 'scripts' | 'dialogs'

/**
 * Loaded catalogs. English (the fallback, and the source of every key) is in the page's first chunk;
 * Spanish is its own chunk, fetched only when the page is shown in Spanish (issue 20). Each part is a
 * chunk of its own in each language, fetched only by `loadStrings` (the console's by `loadConsoleStrings`).
 */
const catalogs: Partial<Record<Lang, Catalog>> & { en: Catalog } = { en: { ...en } }
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Catalog>> = {
  es: () => import('./es').then((module) => module.es),
}
const partLoaders: Record<StringsPart, Record<Lang, () => Promise<Catalog>>> = {
  console: {
    en: () => import('./consoleStrings').then((module) => module.consoleEn),
    es: () => import('./consoleStrings.es').then((module) => module.consoleEs),
  },
  media: {
    en: () => import('./mediaToolStrings').then((module) => module.mediaToolsEn),
    es: () => import('./mediaToolStrings.es').then((module) => module.mediaToolsEs),
  },
  queue: {
    en: () => import('./queueStrings').then((module) => module.queueEn),
    es: () => import('./queueStrings.es').then((module) => module.queueEs),
  },
  export: {
    en: () => import('./exportStrings').then((module) => module.exportEn),
    es: () => import('./exportStrings.es').then((module) => module.exportEs),
  },
  history: {
    en: () => import('./historyStrings').then((module) => module.historyEn),
    es: () => import('./historyStrings.es').then((module) => module.historyEs),
  },
  scripts: {
    en: () => import('./scripts').then((module) => module.scriptsEn),
    es: () => import('./scripts.es').then((module) => module.scriptsEs),
  },
  dialogs: {
    en: () => import('./consoleDialogStrings').then((module) => module.consoleDialogsEn),
    es: () => import('./consoleDialogStrings.es').then((module) => module.consoleDialogsEs),
  },
}
/** Parts the page has asked for: every language loaded from now on brings them too. */
const wantedParts = new Set<StringsPart>()
const loading = new Map<string, Promise<void>>()
/** `lang:part` of every part merged into its language's catalog. */
const merged = new Set<string>()
// Bumped when strings merge into a loaded catalog, so text already on screen in that language is read again.
const [catalogVersion, setCatalogVersion] = createSignal(0)

/** Runs a fetch once per name; a failed one (offline, new deploy) may be retried by the next call. */
function once(name: string, fetch: () => Promise<void>): Promise<void> {
  let pending = loading.get(name)
  if (!pending) {
    pending = fetch().catch((error: unknown) => {
      loading.delete(name)
      throw error
    })
    loading.set(name, pending)
  }
  return pending
}

function loadBase(next: Lang): Promise<void> {
  if (next === 'en') return Promise.resolve()
  return once(next, () =>
    loaders[next]().then((catalog) => {
      catalogs[next] = { ...catalogs[next], ...catalog }
    }),
  )
}

function loadPart(next: Lang, part: StringsPart): Promise<void> {
  return once(`${next}:${part}`, async () => {
    const strings = await partLoaders[part][next]()
    await loadBase(next) // the part is merged into the language's catalog, which must be there first
    catalogs[next] = { ...catalogs[next], ...strings }
    merged.add(`${next}:${part}`)
    setCatalogVersion((version) => version + 1)
  })
}

/** Fetches a language's catalog (once), with the parts the page has asked for; resolves when `t()` can use it. */
export async function loadLang(next: Lang): Promise<void> {
  await Promise.all([loadBase(next), ...[...wantedParts].map((part) => loadPart(next, part))])
}

/**
 * Fetches a part's strings in the current language (and in the one a switch is waiting for); later
 * language switches bring them along. Resolves once `t()` has them: load them with the code that shows them.
 */
export async function loadStrings(part: StringsPart): Promise<void> {
  wantedParts.add(part)
  await Promise.all([...new Set([lang(), wanted])].map((next) => loadPart(next, part)))
}

/** Fetches the rep console's strings (its own, and the export's its Details panel shows); the console renders once this resolves. The media tools' come with the tools. */
export async function loadConsoleStrings(): Promise<void> {
  await Promise.all([loadStrings('console'), loadStrings('export')])
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
  // English is always there, a part asked for in another language may not be: switch at once only with every part.
  if (catalogs[next] && [...wantedParts].every((part) => merged.has(`${next}:${part}`))) return apply(next)
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
const active = (): Catalog => {
  catalogVersion()
  return catalogs[lang()] ?? catalogs.en
}

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

/**
 * Builds the UI language's number, plural and time formatters ahead of need. The first `Intl` formatter a page
 * builds costs ~35–45 ms (Chromium loads its locale data then); the customer's page calls this when idle while
 * the intake form is on screen, so a late join's first render of the transcript does not pay it.
 */
export function prepareFormats(): void {
  const current = lang()
  if (!pluralRules.has(current)) pluralRules.set(current, new Intl.PluralRules(current))
  formatNumber(0)
  formatTime(0)
}

export type { MessageKey }
