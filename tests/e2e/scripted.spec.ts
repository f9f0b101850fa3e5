// Scripted messages and URLs: a rep builds the team library in `Manage scripts`,
// then inserts a script through the `/` shortcut or the toolbar; variables the
// console knows are filled in, unknown ones are asked for, so the customer
// never receives raw {{braces}}.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { expectChat, joinAsCustomer, newSession, startRep } from './people'

/** Opens `Manage scripts` from the (empty) picker of the toolbar button `tool`. */
async function openLibrary(page: Page, tool: 'Scripted message' | 'Scripted URL'): Promise<void> {
  await page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: tool }).click()
  const picker = page.getByRole('dialog', { name: tool === 'Scripted URL' ? 'Scripted URLs' : 'Scripted messages' })
  await expect(picker.getByRole('searchbox', { name: 'Search' })).toBeFocused()
  await picker.getByRole('button', { name: 'Manage scripts' }).click()
  await expect(picker).toBeHidden()
  await expect(page.getByRole('dialog', { name: 'Manage scripts' })).toBeVisible()
}

/** Adds one script through the library's form. */
async function addScript(page: Page, script: { kind: 'Message' | 'URL'; title: string; text: string; category: string }): Promise<void> {
  const library = page.getByRole('dialog', { name: 'Manage scripts' })
  await library.getByRole('button', { name: 'Add script' }).click()
  await library.getByRole('textbox', { name: 'Title' }).fill(script.title)
  await library.getByRole('radio', { name: script.kind }).check()
  await library.getByRole('textbox', { name: script.kind === 'URL' ? 'URL' : 'Text' }).fill(script.text)
  await library.getByRole('combobox', { name: 'Category' }).fill(script.category)
  await library.getByRole('button', { name: 'Save' }).click()
}

/** Closes the library and checks no dialog is left over the chat. */
async function closeLibrary(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'Manage scripts' }).getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

test('a scripted message typed with / asks for an unknown variable and the customer gets it filled in', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)

  await openLibrary(rep.page, 'Scripted message')
  await addScript(rep.page, { kind: 'Message', title: 'Greeting', text: 'Hello {{customer.name}}, I am {{rep.name}}. Ticket {{ticket}}', category: 'Openers' })
  const library = rep.page.getByRole('dialog', { name: 'Manage scripts' })
  await expect(library.getByRole('button', { name: 'Edit Greeting' })).toBeVisible()
  await closeLibrary(rep.page)

  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  const box = rep.page.getByRole('textbox', { name: 'Message' })
  await box.click()
  await box.pressSequentially('/gre')
  const picker = rep.page.getByRole('dialog', { name: 'Scripted messages' })
  await expect(picker.getByRole('searchbox', { name: 'Search' })).toHaveValue('gre')
  await picker.getByRole('option', { name: 'Greeting' }).click()

  // Known variables are filled in; only `ticket` is asked for, and Insert waits for it.
  await expect(picker.getByRole('textbox', { name: 'customer.name' })).toHaveCount(0)
  await expect(picker.getByRole('textbox', { name: 'rep.name' })).toHaveCount(0)
  const insert = picker.getByRole('button', { name: 'Insert' })
  await expect(insert).toBeDisabled()
  await picker.getByRole('textbox', { name: 'ticket' }).fill('123')
  await insert.click()
  await expect(picker).toBeHidden()

  // Inserted, not sent: the rep can still edit before pressing Enter.
  const expected = 'Hello Carla, I am Ana Rep. Ticket 123'
  await expect(box).toHaveValue(expected)
  await expectChat(customer.page, [])
  await box.press('Enter')
  await expect(box).toHaveValue('')
  await expectChat(customer.page, [expected])
  await expectChat(rep.page, [expected])
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('a scripted URL must be http(s) and is inserted into the message box', async ({ newPerson }) => {
  const rep = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)

  await openLibrary(rep.page, 'Scripted URL')
  const library = rep.page.getByRole('dialog', { name: 'Manage scripts' })
  await addScript(rep.page, { kind: 'URL', title: 'Evil', text: 'javascript:alert(1)', category: 'Docs' })
  await expect(library.getByRole('alert')).toContainText('http://')
  await library.getByRole('textbox', { name: 'Title' }).fill('Printer manual')
  await library.getByRole('textbox', { name: 'URL' }).fill('https://example.com/manual')
  await library.getByRole('button', { name: 'Save' }).click()
  await expect(library.getByRole('button', { name: 'Edit Printer manual' })).toBeVisible()
  await expect(library.getByRole('button', { name: 'Edit Evil' })).toHaveCount(0)
  await closeLibrary(rep.page)

  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Scripted URL' }).click()
  const picker = rep.page.getByRole('dialog', { name: 'Scripted URLs' })
  await picker.getByRole('searchbox', { name: 'Search' }).fill('manual')
  await picker.getByRole('searchbox', { name: 'Search' }).press('Enter')
  await expect(picker).toBeHidden()
  await expect(rep.page.getByRole('textbox', { name: 'Message' })).toHaveValue('https://example.com/manual')
  expect(rep.errors.list).toEqual([])
})
