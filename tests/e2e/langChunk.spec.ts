// Issue 20: only the active language's catalog loads. English ships with the page; Spanish is its own
// chunk, fetched before the first render (no English flash) and only when the page is shown in Spanish.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Records the page's language and text the first time the app renders anything into #root. */
async function recordFirstRender(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { firstRender?: { lang: string; text: string } }
    const observer = new MutationObserver(() => {
      const text = document.getElementById('root')?.textContent ?? ''
      if (w.firstRender || !text.trim()) return
      w.firstRender = { lang: document.documentElement.lang, text }
      observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
}

const firstRender = (page: Page) => page.evaluate(() => (window as unknown as { firstRender?: { lang: string; text: string } }).firstRender)
const catalogScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\/assets\/es-[\w-]+\.js$/.test(name)))

test('a Spanish page fetches the Spanish catalog and its first render is already Spanish', async ({ newPerson }) => {
  const { page } = await newPerson('es')
  await recordFirstRender(page)
  // A slow network: the catalog arrives well after the app's own modules, so rendering without waiting for it would show English.
  await page.route(/\/assets\/es-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await route.fulfill({ response })
  })
  await page.goto('/#/')
  await expect(page.getByRole('textbox', { name: 'Su nombre' })).toBeVisible()
  const first = await firstRender(page)
  expect(first?.lang).toBe('es')
  expect(first?.text).not.toMatch(/Loading|Welcome|Your name/)
  expect(await catalogScripts(page)).toHaveLength(1)
})

test('an English page never fetches the Spanish catalog, and switching in Preferences loads it then switches', async ({ newPerson }) => {
  const { page } = await newPerson('en')
  await page.goto('/?lang=en#/')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ana Rep')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('button', { name: 'New session' })).toBeVisible()
  expect(await catalogScripts(page)).toEqual([])
  await page.getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('dialog').getByRole('combobox', { name: 'Language' }).selectOption('es')
  await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Idioma' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  expect(await catalogScripts(page)).toHaveLength(1)
})
