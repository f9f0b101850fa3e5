// Login credentials request (issue 7): sealed to the requesting rep's ECDH key,
// shown to that rep once, never stored in plaintext. Rep and customer each have
// their own browser context.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { heldText, joinAsCustomer, newSession, startRep } from './people'


test('credentials reach only the requesting rep, once, and no document or IndexedDB of any peer holds them in plaintext', async ({ newPerson }) => {
  const USER = 'carla.admin.4711'
  const PASSWORD = 'Pa55-unique-9f3e7c'
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await rep.page.getByRole('button', { name: 'Session menu' }).click()
  await rep.page.getByRole('menuitem', { name: 'Request login credentials' }).click()
  const request = customer.page.getByRole('dialog', { name: 'Login credentials request' })
  await expect(request).toContainText('Ana Rep')
  await request.getByRole('textbox', { name: 'User name' }).fill(USER)
  await request.getByLabel('Password').fill(PASSWORD)
  await request.getByRole('button', { name: 'Send credentials' }).click()
  await expect(request).toBeHidden()

  const shown = rep.page.getByRole('dialog', { name: 'Login credentials' })
  await expect(shown).toContainText(USER)
  await expect(shown).toContainText(PASSWORD)
  await expect(rep.page.getByText('Carla provided login credentials')).toBeVisible()
  await expect(customer.page.getByText('You provided login credentials')).toBeVisible() // worded for the reader
  await shown.getByRole('button', { name: 'Close' }).click()
  await expect(rep.page.getByText(PASSWORD)).toHaveCount(0) // shown once: closing forgets them

  // A second request, declined: the transcript says so and nothing else.
  await rep.page.getByRole('button', { name: 'Session menu' }).click()
  await rep.page.getByRole('menuitem', { name: 'Request login credentials' }).click()
  await request.getByRole('button', { name: 'Decline' }).click()
  await expect(rep.page.getByText('Carla declined to provide login credentials')).toBeVisible()

  for (const page of [rep.page, customer.page]) {
    const held = await heldText(page)
    expect(held).toContain('Carla') // the scan does see session data…
    expect(held.split(PASSWORD).length - 1, 'password occurrences').toBe(0) // …and never the credentials
    expect(held.split(USER).length - 1, 'user name occurrences').toBe(0)
  }
})

/** How many private keys of credential requests the page keeps in IndexedDB. */
const keptKeys = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'asiste-credential-keys')) return 0
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asiste-credential-keys')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('keys').objectStore('keys').count()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    return count
  })

test('a credentials request survives a tab switch and a rep reload', async ({ newPerson }) => {
  test.setTimeout(90_000)
  const USER = 'carla.after.reload'
  const PASSWORD = 'Reload-proof-7c1d'
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const carlaTab = rep.page.getByRole('tab', { name: /^Carla/ })
  await expect(carlaTab).toBeVisible()

  await rep.page.getByRole('button', { name: 'Session menu' }).click()
  await rep.page.getByRole('menuitem', { name: 'Request login credentials' }).click()
  const request = customer.page.getByRole('dialog', { name: 'Login credentials request' })
  await expect(request).toContainText('Ana Rep')
  expect(await keptKeys(rep.page)).toBe(1)

  // Another session comes to the front (the first one's view is unmounted), then the first one again.
  await newSession(rep.page)
  await expect(carlaTab).toHaveAttribute('aria-selected', 'false')
  await carlaTab.click()
  await expect(carlaTab).toHaveAttribute('aria-selected', 'true')

  // The rep's page reloads before the customer answers: only the key in IndexedDB can open the answer now.
  await rep.page.reload()
  await expect(carlaTab).toBeVisible()
  await carlaTab.click()
  await request.getByRole('textbox', { name: 'User name' }).fill(USER)
  await request.getByLabel('Password').fill(PASSWORD)
  await request.getByRole('button', { name: 'Send credentials' }).click()

  const shown = rep.page.getByRole('dialog', { name: 'Login credentials' })
  await expect(shown).toContainText(USER)
  await expect(shown).toContainText(PASSWORD)
  await shown.getByRole('button', { name: 'Close' }).click()
  await expect(rep.page.getByText(PASSWORD)).toHaveCount(0)
  await expect.poll(() => keptKeys(rep.page)).toBe(0) // used once, then deleted
  for (const page of [rep.page, customer.page]) {
    const held = await heldText(page)
    expect(held.split(PASSWORD).length - 1, 'password occurrences').toBe(0)
  }
  // Shown once: another reload does not bring them back.
  await rep.page.reload()
  await carlaTab.click()
  await expect(rep.page.getByText('Carla provided login credentials')).toBeVisible()
  await expect(rep.page.getByRole('dialog', { name: 'Login credentials' })).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
})
