// Hostile strings through the text fields, both directions: what was typed is exactly what is shown
// (textContent), and no payload runs (each one would set window.__pwned). SECURITY.md, "Text is inert".
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { joinAsCustomer, newSession, say, startRep } from './people'

const PWN = 'window.__pwned=1'
/** A 1 MB paste, its error and a refused send must not freeze the page: well under what a person notices as a hang. */
const PASTE_BUDGET_MS = 5_000
/** One of each kind of trouble; every script payload sets `window.__pwned` if it ever runs. */
const CORPUS = [
  `<img src=x onerror="${PWN}">`,
  `<script>${PWN}</script>`,
  `<a href="javascript:${PWN}">click me</a>`,
  `javascript:${PWN}`,
  `<svg onload="${PWN}"><style>*{display:none}</style>`,
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
  'control \u0007 bell \u001b[31m escape \u0008 back\u0000nul',
  'right-to-left \u202Egnp.exe\u202C and \u2066isolate\u2069',
  'emoji 👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 e\u0301 and zero\u200Bwidth',
  'x'.repeat(5_000),
]
const NAME = `<img src=x onerror="${PWN}">\u202E Carla` // within the 80-char name limit
const REP_NAME = `<b>Rafa</b><script>${PWN}</script>`
const REQUEST = CORPUS.slice(0, 9).join(' | ') // within the 2,000-char request limit

/** textContent of the chat messages on a page, top to bottom. */
function chatContents(page: Page): Promise<string[]> {
  return page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"] .entry__text').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''))
}

/** textContent of the authors shown on chat messages. */
function authors(page: Page): Promise<string[]> {
  return page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"] .entry__author').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''))
}

async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  await expect(page.locator('main img, main script, main svg[onload], main a[href^="javascript:"]')).toHaveCount(0)
}

test('hostile strings in names, request, chat both ways and rep-only messages render exactly and never run', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, REP_NAME)
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, NAME, REQUEST)

  // The intake reaches the rep's details exactly.
  const details = rep.page.locator('dl.details dd')
  await expect.poll(() => details.evaluateAll((nodes) => nodes.map((node) => node.textContent)), { timeout: 15_000 }).toEqual(expect.arrayContaining([NAME, REQUEST]))

  // Customer → rep, then rep → customer, then rep-only (stays with the rep). The transcript is
  // virtualised, so each message is checked as the newest one, which is always rendered.
  for (const text of CORPUS) {
    await say(customer.page, text)
    await expect.poll(async () => (await chatContents(rep.page)).at(-1), { timeout: 15_000 }).toBe(text)
  }
  for (const text of CORPUS) {
    await say(rep.page, `rep: ${text}`)
    await expect.poll(async () => (await chatContents(customer.page)).at(-1), { timeout: 15_000 }).toBe(`rep: ${text}`)
  }
  await rep.page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'Reps only' })
  await say(rep.page, `reps only: ${CORPUS[0]}`)
  await expect.poll(async () => (await chatContents(rep.page)).at(-1), { timeout: 15_000 }).toBe(`reps only: ${CORPUS[0]}`)
  expect((await chatContents(customer.page)).at(-1)).toBe(`rep: ${CORPUS.at(-1)}`)

  // Names come through as typed, on the other side's messages.
  await say(customer.page, 'last word')
  await expect.poll(async () => (await authors(rep.page)).at(-1), { timeout: 15_000 }).toBe(NAME)
  expect((await authors(customer.page)).at(-2)).toBe(REP_NAME)
  await expectNothingRan(rep.page)
  await expectNothingRan(customer.page)

  // A 1 MB paste: a clear message at once, the page stays responsive, nothing sent, nothing cut.
  const box = customer.page.getByRole('textbox', { name: 'Message' })
  const started = Date.now()
  await box.fill('a'.repeat(1_000_000))
  await expect(customer.page.getByRole('alert')).toHaveText('This message is 1000000 characters long; the limit is 20000. Shorten it or send it in parts.')
  await box.press('Enter')
  expect(Date.now() - started).toBeLessThan(PASTE_BUDGET_MS)
  expect(await box.evaluate((node) => (node as HTMLTextAreaElement).value.length)).toBe(1_000_000)
  await rep.page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'Customer and reps' })
  await say(rep.page, 'after the paste')
  await expect.poll(async () => (await chatContents(customer.page)).at(-1), { timeout: 15_000 }).toBe('after the paste')
})

/** A file offered by dropping it on a page's message box (any name a file system could hold). */
async function dropFile(page: Page, name: string): Promise<void> {
  const drop = await page.evaluateHandle((fileName) => {
    const data = new DataTransfer()
    data.items.add(new File(['bytes'], fileName, { type: 'text/plain' }))
    return data
  }, name)
  await page.getByRole('textbox', { name: 'Message' }).dispatchEvent('drop', { dataTransfer: drop })
}

/** textContent of the offer row of the transcript's `Incoming file` dialog for `name` (declined once read). */
async function offerLine(page: Page, name: string): Promise<string> {
  const offer = page.getByRole('log', { name: 'Transcript' }).getByRole('dialog', { name: 'Incoming file' }).filter({ hasText: name })
  await expect(offer).toBeVisible({ timeout: 15_000 })
  const line = (await offer.locator('.files__name').textContent()) ?? ''
  await offer.getByRole('button', { name: 'Decline' }).click()
  await expect(offer).toContainText('Declined')
  return line
}

test('hostile strings in session notes, a scripted item and file names both ways render exactly and never run', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, REP_NAME)
  const link = await newSession(rep.page)

  // A scripted message whose title and text are hostile (title within 120 chars, no {{variables}}).
  const title = `${CORPUS[0]} ${CORPUS[7]}`
  const text = [...CORPUS.slice(0, 5), ...CORPUS.slice(6, 9)].join(' | ')
  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Scripted message' }).click()
  await rep.page.getByRole('dialog', { name: 'Scripted messages' }).getByRole('button', { name: 'Manage scripts' }).click()
  const library = rep.page.getByRole('dialog', { name: 'Manage scripts' })
  await library.getByRole('button', { name: 'Add script' }).click()
  await library.getByRole('textbox', { name: 'Title' }).fill(title)
  await library.getByRole('radio', { name: 'Message' }).check()
  await library.getByRole('textbox', { name: 'Text' }).fill(text)
  await library.getByRole('combobox', { name: 'Category' }).fill(CORPUS[1] ?? '')
  await library.getByRole('button', { name: 'Save' }).click()
  const item = library.locator('.scripts-library__item')
  await expect(item).toHaveCount(1)
  expect(await item.locator('.scripts-list__title').textContent()).toBe(title)
  expect(await item.locator('.scripts-list__text').textContent()).toBe(text)
  expect(await library.locator('.scripts-list__category').first().textContent()).toBe(CORPUS[1])
  await library.getByRole('button', { name: 'Close' }).click()
  await expect(rep.page.getByRole('dialog')).toHaveCount(0)

  await joinAsCustomer(customer.page, link, NAME)
  await expect(rep.page.getByRole('tab', { name: /Carla/ })).toBeVisible({ timeout: 15_000 })

  // The picker shows the title exactly; the inserted and sent text reaches the customer exactly.
  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Scripted message' }).click()
  const picker = rep.page.getByRole('dialog', { name: 'Scripted messages' })
  const option = picker.getByRole('option')
  expect(await option.locator('.scripts-list__title').textContent()).toBe(title)
  await option.click()
  const box = rep.page.getByRole('textbox', { name: 'Message' })
  await expect(box).toHaveValue(text)
  await box.press('Enter')
  await expect.poll(async () => (await chatContents(customer.page)).at(-1), { timeout: 15_000 }).toBe(text)
  expect((await chatContents(rep.page)).at(-1)).toBe(text)

  // Session notes (rep doc, shared Y.Text) keep every character.
  const notesText = CORPUS.join('\n')
  const notes = rep.page.getByRole('textbox', { name: 'Session notes' })
  await notes.fill(notesText)
  await expect(notes).toHaveValue(notesText)

  // File names, both ways: shown exactly in the other side's `Incoming file` offer, in the transcript.
  const toRep = `${CORPUS[0]}\u202Egnp.exe 👩‍👩‍👧‍👦.txt`
  await dropFile(customer.page, toRep)
  expect(await offerLine(rep.page, toRep)).toBe(`${toRep} (5 bytes) · From ${NAME}`)
  const toCustomer = `<svg onload="${PWN}">{{x}} \u2066e\u0301\u2069.pdf`
  await dropFile(rep.page, toCustomer)
  expect(await offerLine(customer.page, toCustomer)).toBe(`${toCustomer} (5 bytes) · From ${REP_NAME}`)

  await expectNothingRan(rep.page)
  await expectNothingRan(customer.page)
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})
