// Steps for team portals (issue 22): a rep creates a portal, a customer asks for help on its page.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { withTestQuery } from './people'

/** `page` creates a portal named `name` in its current team and returns its public link. */
export async function createPortal(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Portals', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Portals' })
  await dialog.getByRole('textbox', { name: 'Portal name' }).fill(name)
  await dialog.getByRole('textbox', { name: 'Greeting' }).fill(`Welcome to ${name}`)
  await dialog.getByRole('button', { name: 'Create portal' }).click()
  const link = await dialog.getByRole('textbox', { name: 'Portal link' }).last().inputValue()
  expect(link).toMatch(/#\/p\/[\w-]+\.[\w-]{87}\.[\w-]{43,}$/)
  await dialog.getByRole('button', { name: 'Close' }).click()
  return link
}

/** Opens a portal link and submits a request; the page then says the customer is waiting. */
export async function submitRequest(page: Page, link: string, name: string, problem: string): Promise<void> {
  await page.goto(withTestQuery(link))
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('textbox', { name: 'Describe your problem' }).fill(problem)
  await page.getByRole('button', { name: 'Submit request' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Waiting/ })).toBeVisible()
}

/** The Queue item of a customer. */
export function queueItem(page: Page, customer: string) {
  return page.getByRole('region', { name: 'Queue' }).getByRole('listitem').filter({ hasText: customer })
}
