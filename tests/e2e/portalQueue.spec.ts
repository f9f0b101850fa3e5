// Team portals and the queue (issue 22): a customer asks for help on a portal page, every rep of the
// team sees the request, exactly one rep gets it, and the customer ends up chatting with that one.
// Each person has their own browser context.
import { test, expect } from './fixtures'
import { expectChat, say, startRep } from './people'
import { joinTeamOf } from './teamSteps'
import { createPortal, queueItem, submitRequest } from './portalSteps'

test('a request on a portal page reaches both reps; both press Take at once, exactly one gets it, and the customer chats with that one', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const repA = await newPerson()
  const repB = await newPerson()
  const customer = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Rep')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Rep')
  const link = await createPortal(repA.page, 'Printers Inc')

  await submitRequest(customer.page, link, 'Carla', 'The printer shows error 42')
  await expect(customer.page.getByRole('heading', { name: 'Printers Inc' })).toBeVisible() // the signed facts verified
  for (const rep of [repA, repB]) {
    await expect(queueItem(rep.page, 'Carla')).toContainText('The printer shows error 42', { timeout: 20_000 })
    await expect(queueItem(rep.page, 'Carla')).toContainText('Portal: Printers Inc')
  }

  // Both take at the same moment.
  await Promise.all([repA, repB].map((rep) => queueItem(rep.page, 'Carla').getByRole('button', { name: 'Take' }).click()))

  // The customer's page moves into the chat by itself.
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 15_000 })
  // Exactly one rep keeps a session with Carla; the other is told who took it.
  const tabsOf = (page: typeof repA.page) => page.getByRole('tab', { name: /^Carla/ })
  await expect
    .poll(async () => (await tabsOf(repA.page).count()) + (await tabsOf(repB.page).count()), { timeout: 15_000 })
    .toBe(1)
  const winner = (await tabsOf(repA.page).count()) === 1 ? repA : repB
  const loser = winner === repA ? repB : repA
  const winnerName = winner === repA ? 'Ana Rep' : 'Bruno Rep'
  await expect(loser.page.getByRole('region', { name: 'Queue' }).getByRole('status').filter({ hasText: `Taken by ${winnerName}` })).toBeVisible()
  await expect(winner.page.getByRole('region', { name: 'Queue' })).toContainText('You took the request of Carla')
  for (const rep of [repA, repB]) await expect(queueItem(rep.page, 'Carla')).toHaveCount(0)

  // They chat: the intake was not typed twice, and the Details panel names the portal.
  await say(customer.page, 'Hello, is anyone there?')
  await expectChat(winner.page, ['Hello, is anyone there?'])
  await say(winner.page, 'Yes, I am here to help')
  await expectChat(customer.page, ['Hello, is anyone there?', 'Yes, I am here to help'])
  await expect(winner.page.getByRole('complementary', { name: 'Session panel' }).locator('.details')).toContainText('Printers Inc')
  await expect(loser.page.getByRole('tab', { name: /^Carla/ })).toHaveCount(0)
  for (const person of [repA, repB, customer]) expect(person.errors.list).toEqual([])
})
