// Sessions own their state (issue 16): what a session holds outlives its view
// and, where it must, a reload. One browser context per person.
import { expect, test } from './fixtures'
import { joinAsCustomer, newSession, say, startRep } from './people'

test('unread counts survive a reload', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const carlaTab = rep.page.getByRole('tab', { name: /^Carla/ })
  await expect(carlaTab).toHaveAttribute('aria-selected', 'true')
  await newSession(rep.page) // Carla's session goes to the background
  await expect(carlaTab).toHaveAttribute('aria-selected', 'false')
  await say(customer.page, 'first while you were away')
  await say(customer.page, 'second while you were away')
  await expect(carlaTab).toHaveAttribute('data-unread', '2')

  await rep.page.reload()
  const reloaded = rep.page.getByRole('tab', { name: /^Carla/ })
  await expect(reloaded).toHaveAccessibleName(/^Carla, 2 unread/)
  await expect(reloaded).toHaveAttribute('data-unread', '2')
  await reloaded.click()
  await expect(reloaded).not.toHaveAttribute('data-unread')
  await rep.page.reload() // read stays read
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toHaveAccessibleName(/^Carla, idle/)
})

test("an ended session's tab closes and the session stays in History", async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'thanks, it prints now')
  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'End session' }).click()
  const end = rep.page.getByRole('dialog', { name: 'End session' })
  await end.getByRole('radio', { name: 'Resolved', exact: true }).check()
  await end.getByRole('button', { name: 'End' }).click()

  const close = rep.page.getByRole('button', { name: 'Close session' })
  await expect(close).toBeVisible()
  await close.click()
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toHaveCount(0)
  await expect(rep.page.getByRole('tabpanel')).toHaveCount(0)

  await rep.page.getByRole('link', { name: 'History' }).click()
  const past = rep.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')
  await expect(past).toHaveCount(1)
  await expect(past.first()).toContainText('Carla')
  await rep.page.reload() // a closed session is not reopened as a tab
  await rep.page.goto('/?lang=en&debug=1#/')
  await expect(rep.page.getByRole('button', { name: 'New session' })).toBeVisible()
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toHaveCount(0)
})

test('a peer who opens the customer link after the customer joined is listed as an unverified peer, with what to do', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  const intruder = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const attendees = rep.page.getByRole('list', { name: 'Attendees' })
  await expect(attendees.getByRole('listitem').filter({ hasText: 'Carla' })).toBeVisible()
  await expect(attendees.getByRole('listitem').filter({ hasText: /^Unverified peer/ })).toHaveCount(0)

  // Someone else with the link: its page joins the customer room but is not the customer who joined.
  await intruder.page.goto(link.replace('/#/', '/?lang=en#/'))
  await expect(intruder.page.getByRole('textbox', { name: 'Your name' })).toBeVisible()
  const unverified = attendees.getByRole('listitem').filter({ hasText: /^Unverified peer/ })
  await expect(unverified).toHaveCount(1, { timeout: 20_000 })
  await expect(rep.page.getByRole('alert').filter({ hasText: 'end this session and start a new one' })).toBeVisible()

  await intruder.context.close() // gone: the warning goes with it once the link drops
  await expect(unverified).toHaveCount(0, { timeout: 30_000 })
})

test('the console warns before the browser runs out of storage for the sessions, and points to History', async ({ newPerson }) => {
  const rep = await newPerson()
  // Stands in for a nearly full disk: the browser's own estimate, as the page reads it.
  await rep.context.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 9.2e9, quota: 1e10 }) })
  })
  await startRep(rep.page, 'Ana Rep')
  const alert = rep.page.getByRole('alert').filter({ hasText: 'running out of storage' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('Export and delete old sessions')
  await alert.getByRole('link', { name: 'History' }).click()
  await expect(rep.page.getByRole('searchbox', { name: 'Search transcripts' })).toBeVisible() // where old sessions are exported and deleted

  const roomy = await newPerson()
  await startRep(roomy.page, 'Bea Rep')
  await expect(roomy.page.getByRole('alert').filter({ hasText: 'running out of storage' })).toHaveCount(0)
})

test('a customer page moved to another join link leaves the first session: its room and its document are closed', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const first = await newSession(rep.page)
  const second = await newSession(rep.page)
  await joinAsCustomer(customer.page, first, 'Carla')
  await say(customer.page, 'only for the first session')
  await expect.poll(() => customer.page.evaluate(() => window.asisteDebug!.dumpText()), { timeout: 10_000 }).toContain('only for the first session')
  await customer.page.evaluate((hash) => (location.hash = hash), new URL(second).hash)
  await expect(customer.page.getByRole('button', { name: 'Start chat' })).toBeVisible()
  // The first session's connection is gone from the page (it held the message), the second one's is open.
  await expect.poll(() => customer.page.evaluate(() => window.asisteDebug!.dumpText()), { timeout: 10_000 }).not.toContain('only for the first session')
  expect(customer.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})
