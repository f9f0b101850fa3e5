// Shared Playwright fixtures for the browser tests. Every person in a test gets
// a browser context of their own: two pages in one context share IndexedDB and
// sync over BroadcastChannel instead of WebRTC (DESIGN.md §2), which would hide
// exactly the bugs these tests exist to catch.
import {
  test as base,
  expect,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
} from '@playwright/test'

/** UI languages the app ships (src/i18n). */
export type Lang = 'en' | 'es'

const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-ES' }

/** Console or page errors seen on one page, recorded as they happen. */
export type PageErrors = {
  /** Human-readable entries, oldest first; assert `expect(errors.list).toEqual([])`. */
  readonly list: string[]
  /** Stop recording (listeners are also dropped when the page closes). */
  stop(): void
}

/**
 * Records uncaught exceptions (`pageerror`) and `console.error` output of a
 * page so a test can assert there were none. `ignore` drops known noise.
 */
export function collectPageErrors(page: Page, ignore: RegExp[] = []): PageErrors {
  const list: string[] = []
  const keep = (text: string) => {
    if (!ignore.some((re) => re.test(text))) list.push(text)
  }
  const onPageError = (error: Error) => keep(`pageerror: ${error.stack ?? error.message}`)
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return
    const { url, lineNumber } = msg.location()
    keep(`console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`)
  }
  page.on('pageerror', onPageError)
  page.on('console', onConsole)
  return {
    list,
    stop() {
      page.off('pageerror', onPageError)
      page.off('console', onConsole)
    },
  }
}

/** One participant: their own context (own storage), one page, and its recorded errors. */
export type Person = {
  readonly lang: Lang
  readonly context: BrowserContext
  readonly page: Page
  readonly errors: PageErrors
}

/** Creates a new person; extra context options (permissions, viewport, …) pass through. */
export type NewPerson = (lang?: Lang, options?: BrowserContextOptions) => Promise<Person>

type Fixtures = {
  /** Factory for people in this test; their contexts close when the test ends. */
  newPerson: NewPerson
}

/** Playwright's `test` with the `newPerson` fixture. */
export const test = base.extend<Fixtures>({
  newPerson: async ({ browser, baseURL, contextOptions }, use) => {
    const contexts: BrowserContext[] = []
    await use(async (lang = 'en', options = {}) => {
      // locale sets navigator.language and Accept-Language, which the app's language detection reads.
      const context = await browser.newContext({ ...contextOptions, baseURL, locale: LOCALES[lang], ...options })
      contexts.push(context)
      const page = await context.newPage()
      return { lang, context, page, errors: collectPageErrors(page) }
    })
    await Promise.all(contexts.map((context) => context.close()))
  },
})

export { expect }
