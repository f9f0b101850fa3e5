// Everyday conveniences of the console (issue 21): an oversized paste is refused at once, the join
// block copies its link, counts read as grammar. Controls are found by role and name (UI-CONTRACT.md).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { joinAsCustomer, newSession, say, startRep } from './people'

/** A person notices a hang past this; the paste used to take ~100 s. */
const PASTE_BUDGET_MS = 1_000
const CLIPBOARD = ['clipboard-read', 'clipboard-write']

/** Milliseconds, by the page's clock, from the paste event to the next frame the page draws. */
async function timePaste(page: Page, paste: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { pasteTook?: Promise<number> }
    w.pasteTook = new Promise((resolve) => {
      document.addEventListener('paste', () => {
        const start = performance.now()
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)))
      }, { capture: true, once: true })
    })
  })
  await paste()
  return page.evaluate(() => (window as unknown as { pasteTook: Promise<number> }).pasteTook)
}

test('a 1 MB paste of A is refused within a second, with a clear message, and the draft is kept', async ({ newPerson }) => {
  const rep = await newPerson('en', { permissions: CLIPBOARD })
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const box = rep.page.getByRole('textbox', { name: 'Message' })
  await box.fill('my draft ')
  await rep.page.evaluate(() => navigator.clipboard.writeText('A'.repeat(1_000_000)))
  await box.focus()
  await box.press('End')
  const took = await timePaste(rep.page, () => box.press('ControlOrMeta+V'))
  test.info().annotations.push({ type: 'paste 1 MB refused (ms)', description: took.toFixed(1) })
  expect(took).toBeLessThan(PASTE_BUDGET_MS)
  await expect(rep.page.getByRole('alert')).toHaveText(/^Not pasted: the message would be 1,000,009 characters long, and the limit is 20,000\./)
  await expect(box).toHaveValue('my draft ')
  // A paste that fits still lands.
  await rep.page.evaluate(() => navigator.clipboard.writeText('hello'))
  await box.press('ControlOrMeta+V')
  await expect(box).toHaveValue('my draft hello')
})

test('Copy link puts the customer link on the clipboard and says Copied; the join block folds once the customer joined', async ({ newPerson }) => {
  const rep = await newPerson('en', { permissions: CLIPBOARD })
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await rep.page.getByRole('button', { name: 'Copy link' }).click()
  await expect(rep.page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1)
  expect(await rep.page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  await rep.page.getByRole('button', { name: 'Copy code' }).click()
  expect(await rep.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/)

  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('textbox', { name: 'Customer link' })).toBeHidden()
  await rep.page.getByText('Customer link and session code').click()
  await expect(rep.page.getByRole('textbox', { name: 'Customer link' })).toHaveValue(link)
})

test('toolbar: icons with short visible labels on a wide screen, names unchanged; − / + font size shows the size in use', async ({ newPerson }) => {
  const rep = await newPerson('en', { viewport: { width: 1280, height: 800 } })
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const toolbar = rep.page.getByRole('toolbar', { name: 'Session tools' })
  const push = toolbar.getByRole('button', { name: 'Push URL' })
  await expect(push).toHaveText('Push')
  await expect(push.locator('svg')).toHaveCount(1)
  // No text glyphs that a font may lack: every toolbar button draws an SVG icon.
  for (const button of await toolbar.getByRole('button').all()) await expect(button.locator('svg')).toHaveCount(1)
  const shown = toolbar.getByText(/^\d+\s?%$/)
  const before = Number((await shown.innerText()).replace(/\D/g, ''))
  await toolbar.getByRole('button', { name: 'Font size' }).click()
  await expect.poll(async () => Number((await shown.innerText()).replace(/\D/g, ''))).toBeGreaterThan(before)
  await toolbar.getByRole('button', { name: 'Smaller text' }).click()
  await expect(shown).toHaveText(`${before}%`)
})

test('the customer chat is headed by the name of the representative who writes, with initials', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(rep.page, 'Hello Carla')
  await expect(customer.page.getByRole('heading', { level: 1 })).toHaveText('Chat with Ana Rep')
  await expect(customer.page.locator('.avatar')).toHaveText('AR')
})

test('the only visible rep is warned before hiding; cancelling keeps them visible', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const toolbar = rep.page.getByRole('toolbar', { name: 'Session tools' })
  const warned = new Promise<string>((resolve) => rep.page.once('dialog', (dialog) => {
    resolve(dialog.message())
    void dialog.dismiss()
  }))
  await toolbar.getByRole('button', { name: 'Hide me' }).click()
  expect(await warned).toMatch(/^You are the only representative the customer can see/)
  await expect(toolbar.getByRole('button', { name: 'Hide me' })).toBeVisible()
  rep.page.once('dialog', (dialog) => void dialog.accept())
  await toolbar.getByRole('button', { name: 'Hide me' }).click()
  await expect(toolbar.getByRole('button', { name: 'Show me' })).toBeVisible()
})

test('at 390×844 the transcript and the composer are not covered; the panel opens as a drawer and closes again', async ({ newPerson }) => {
  const rep = await newPerson('en', { viewport: { width: 390, height: 844 } })
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(rep.page, 'Hello Carla')
  const page = rep.page
  const log = page.getByRole('log', { name: 'Transcript' })
  const box = page.getByRole('textbox', { name: 'Message' })
  const send = page.getByRole('button', { name: 'Send', exact: true })
  await expect(page.getByRole('complementary', { name: 'Session panel' })).toHaveCount(0)
  /** Whether the element itself is what a tap at its centre reaches (nothing drawn over it). */
  const onTop = (locator: typeof log) => locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
  for (const control of [log, box, send]) {
    const rect = await control.boundingBox()
    expect(rect).not.toBeNull()
    if (!rect) continue
    expect(rect.x).toBeGreaterThanOrEqual(0)
    expect(rect.x + rect.width).toBeLessThanOrEqual(390)
    expect(rect.y + rect.height).toBeLessThanOrEqual(844)
    expect(await onTop(control)).toBe(true)
  }
  const logRect = await log.boundingBox()
  const boxRect = await box.boundingBox()
  expect(logRect && boxRect && logRect.y + logRect.height <= boxRect.y).toBe(true)
  expect(logRect?.height ?? 0).toBeGreaterThan(120)

  await page.getByRole('button', { name: 'Show panel' }).click()
  const panel = page.getByRole('complementary', { name: 'Session panel' })
  await expect(panel).toBeVisible()
  expect(await onTop(page.getByRole('button', { name: 'Hide panel' }))).toBe(true)
  await page.getByRole('button', { name: 'Hide panel' }).click()
  await expect(panel).toHaveCount(0)
  expect(await onTop(box)).toBe(true)
})
