// The console's transcript is a plain list while a session is short and loads the virtual list (its own
// chunk) only once the session grows long (issue 20, bundles). The rep reading back keeps the place, the
// rows stay in order, and Jump to latest still goes to the end. One browser context; controls by role and name.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSession, startRep } from './people'

/** Appends `count` chat messages numbered from `from` to the open session, as the rep's own writes. */
async function append(page: Page, from: number, count: number): Promise<void> {
  await page.evaluate(
    ({ from, count }) => {
      const room = window.asisteDebug?.roomDocs().find((name) => name.startsWith('rep:')) ?? ''
      for (let i = from; i < from + count; i++) window.asisteDebug?.appendChat(room, `line ${String(i).padStart(3, '0')}`)
    },
    { from, count },
  )
}

const texts = (page: Page): Promise<string[]> => page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"] .entry__text').allInnerTexts()

test('a session growing past the short list while the rep reads back keeps the place and the order; Jump to latest reaches the end', async ({ newPerson }) => {
  const rep = await newPerson()
  const page = rep.page
  const virtualChunk: string[] = []
  page.on('request', (request) => {
    if (/\/VirtualRows-[\w-]+\.js$/.test(new URL(request.url()).pathname)) virtualChunk.push(request.url())
  })
  await startRep(page, 'Ana Rep')
  await newSession(page)
  await append(page, 0, 100)
  const log = page.getByRole('log', { name: 'Transcript' })
  await expect(log.getByText('line 099')).toBeInViewport()
  // A short session: every row is in the page, and the virtual list's code was never fetched.
  expect(await texts(page)).toEqual(Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')}`))
  expect(virtualChunk).toEqual([])

  // The rep scrolls back to read line 050; the session grows past the short list meanwhile.
  const reading = log.getByText('line 050', { exact: true })
  await reading.scrollIntoViewIfNeeded()
  const jump = page.getByRole('button', { name: 'Jump to latest' })
  await expect(jump).toBeVisible()
  const before = await reading.evaluate((el) => el.getBoundingClientRect().top)
  await append(page, 100, 100)
  await expect.poll(() => virtualChunk.length).toBe(1)
  await expect(log.getByText('line 199')).toHaveCount(0, { timeout: 10_000 }) // virtual: rows far below are not rendered
  await expect(reading).toBeInViewport()
  expect(Math.abs((await reading.evaluate((el) => el.getBoundingClientRect().top)) - before)).toBeLessThan(4)
  const shown = await texts(page)
  expect(shown.length).toBeGreaterThan(0)
  expect(shown).toEqual([...shown].sort())
  await expect(jump).toBeVisible()

  await jump.click()
  await expect(log.getByText('line 199')).toBeInViewport()
  await expect(jump).toBeHidden()
  // New lines keep following the end now.
  await append(page, 200, 5)
  await expect(log.getByText('line 204')).toBeInViewport()
  expect(rep.errors.list).toEqual([])
})

test('a long session shown again after another tab shows its newest rows, following the end', async ({ newPerson }) => {
  const rep = await newPerson()
  const page = rep.page
  await startRep(page, 'Ana Rep')
  await newSession(page)
  await append(page, 0, 400)
  const log = page.getByRole('log', { name: 'Transcript' })
  await expect(log.getByText('line 399')).toBeInViewport()
  // Another session in front, then this one again: its transcript mounts long.
  await newSession(page)
  await expect(log.getByText('line 399')).toHaveCount(0)
  await page.getByRole('tab').first().click()
  await expect(log.getByText('line 399')).toBeInViewport()
  expect((await texts(page)).length).toBeLessThan(150)
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeHidden()
  await append(page, 400, 1)
  await expect(log.getByText('line 400')).toBeInViewport()
  expect(rep.errors.list).toEqual([])
})
