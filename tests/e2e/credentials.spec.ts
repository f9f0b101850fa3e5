// Login credentials request (issue 7): sealed to the requesting rep's ECDH key,
// shown to that rep once, never stored in plaintext. Rep and customer each have
// their own browser context.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { joinAsCustomer, newSession, startRep } from './people'

/** Everything a page holds: its open documents and awareness (debug hook), and every IndexedDB record. */
function heldText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [window.asisteDebug?.dumpText() ?? 'NO DEBUG HOOKS']
    const decoder = new TextDecoder()
    const text = (value: unknown): string => (value instanceof Uint8Array ? decoder.decode(value) : value instanceof ArrayBuffer ? decoder.decode(new Uint8Array(value)) : JSON.stringify(value) ?? '')
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      for (const store of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        parts.push(`${name}/${store}:`, ...values.map(text))
      }
      db.close()
    }
    return parts.join('\n')
  })
}

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
  for (const page of [rep.page, customer.page]) await expect(page.getByText('Carla provided login credentials')).toBeVisible()
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
