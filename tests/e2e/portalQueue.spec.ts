// Team portals and the queue (issue 22): a customer asks for help on a portal page, every rep of the
// team sees the request, exactly one rep gets it, and the customer ends up chatting with that one.
// Each person has their own browser context.
import { test, expect } from './fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from './people'
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
  await expect(loser.page.getByRole('region', { name: 'Queue' }).getByRole('status').filter({ hasText: `Taken by ${winnerName}` })).toBeVisible({ timeout: 20_000 }) // the team's day doc reaches the loser (once over 10 s at load 12)
  await expect(winner.page.getByRole('region', { name: 'Queue' })).toContainText('You took the request of Carla')
  for (const rep of [repA, repB]) await expect(queueItem(rep.page, 'Carla')).toHaveCount(0)

  // They chat: the intake was not typed twice, and the Details panel names the portal.
  await say(customer.page, 'Hello, is anyone there?')
  await expectChat(winner.page, ['Hello, is anyone there?'])
  await say(winner.page, 'Yes, I am here to help')
  await expectChat(customer.page, ['Hello, is anyone there?', 'Yes, I am here to help'])
  await expect(winner.page.getByRole('complementary', { name: 'Session panel' }).locator('.details')).toContainText('Printers Inc')
  await expect(loser.page.getByRole('tab', { name: /^Carla/ })).toHaveCount(0)
  // The queue's numbers, for every rep of the team: nobody waiting, one taken today by the winner.
  for (const rep of [repA, repB]) {
    const numbers = rep.page.getByRole('region', { name: 'Queue' }).getByRole('definition')
    await expect(numbers.nth(0)).toHaveText('0')
    await expect(numbers.nth(2)).toHaveText(`${winnerName}: 1`)
  }
  // History lists the session only for the winner, with its portal.
  await winner.page.getByRole('link', { name: 'History' }).click()
  await expect(winner.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')).toHaveCount(1)
  await expect(winner.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')).toContainText('Portal: Printers Inc')
  await loser.page.getByRole('link', { name: 'History' }).click()
  await expect(loser.page.getByRole('searchbox', { name: 'Search transcripts' })).toBeVisible()
  await expect(loser.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')).toHaveCount(0)
  for (const person of [repA, repB, customer]) expect(person.errors.list).toEqual([])
})

// Reps go offline by disconnecting every y-webrtc provider of their page (asisteDebug.pauseNetwork):
// Playwright's setOffline does not cut WebRTC (DESIGN.md §2).
const pause = (page: import('@playwright/test').Page) => page.evaluate(() => window.asisteDebug?.pauseNetwork())
const resume = (page: import('@playwright/test').Page) => page.evaluate(() => window.asisteDebug?.resumeNetwork())

test('a request made while every rep is offline is taken later; a take made offline loses to the pick made meanwhile, and its rep is told', async ({ newPerson }) => {
  test.setTimeout(150_000)
  const repA = await newPerson()
  const repB = await newPerson()
  const customer = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Rep')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Rep')
  const link = await createPortal(repA.page, 'Printers Inc')
  await expect(repB.page.getByRole('region', { name: 'Queue' })).toBeVisible() // B has the portal too

  await pause(repA.page)
  await pause(repB.page)
  await submitRequest(customer.page, link, 'Dora', 'Paper jam on floor 3')
  await customer.page.waitForTimeout(1_500) // nobody to see it: let time pass (there is no event for "nobody received it")
  for (const rep of [repA, repB]) await expect(queueItem(rep.page, 'Dora')).toHaveCount(0)

  // A comes back, sees the request, goes offline again and takes it there.
  await resume(repA.page)
  await expect(queueItem(repA.page, 'Dora')).toContainText('Paper jam on floor 3', { timeout: 20_000 })
  await pause(repA.page)
  await queueItem(repA.page, 'Dora').getByRole('button', { name: 'Take' }).click()
  await expect(repA.page.getByRole('tab', { name: /^Dora/ })).toHaveCount(1)

  // B comes back and takes it online: the customer picks B (A's claim has not reached anyone).
  await resume(repB.page)
  await queueItem(repB.page, 'Dora').getByRole('button', { name: 'Take' }).click({ timeout: 20_000 })
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 15_000 })
  await say(customer.page, 'Thanks for coming back')
  await expectChat(repB.page, ['Thanks for coming back'])

  // A reconnects: its claim was earlier, but the pick is final. A is told and its session is closed.
  await resume(repA.page)
  await expect(repA.page.getByRole('region', { name: 'Queue' }).getByRole('status').filter({ hasText: 'Taken by Bruno Rep' })).toBeVisible({ timeout: 20_000 })
  await expect(repA.page.getByRole('tab', { name: /^Dora/ })).toHaveCount(0)
  await expect(repB.page.getByRole('tab', { name: /^Dora/ })).toHaveCount(1)
  await expectChat(customer.page, ['Thanks for coming back'])
  for (const person of [repA, repB, customer]) expect(person.errors.list).toEqual([])
})

test('the customer can add details and cancel; the request survives closing the tab', async ({ newPerson }) => {
  test.setTimeout(90_000)
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await createPortal(rep.page, 'Printers Inc')
  await submitRequest(customer.page, link, 'Elena', 'Scanner is slow')
  await expect(customer.page.getByRole('status').filter({ hasText: /^Waiting/ })).toContainText('number 1')
  await expect(queueItem(rep.page, 'Elena')).toBeVisible({ timeout: 20_000 })

  // Close the tab and come back: still waiting, same request.
  await customer.page.close()
  const again = await customer.context.newPage()
  await again.goto(link.replace('/#/', '/?lang=en&debug=1#/'))
  await expect(again.getByRole('status').filter({ hasText: /^Waiting/ })).toBeVisible()
  await again.getByRole('textbox', { name: 'Add details' }).fill('It is model X-200')
  await again.getByRole('button', { name: 'Add to my request' }).click()
  await expect(queueItem(rep.page, 'Elena')).toContainText('It is model X-200')
  await again.getByRole('button', { name: 'Cancel request' }).click()
  await expect(again.getByRole('status')).toContainText('Your request was cancelled')
  await expect(queueItem(rep.page, 'Elena')).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
})

test('a flood of requests from one peer takes two places; genuine requests still arrive and are taken', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const hostile = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await createPortal(rep.page, 'Printers Inc')
  await hostile.page.goto(link.replace('/#/', '/?lang=en&debug=1#/'))
  await expect(hostile.page.getByRole('button', { name: 'Submit request' })).toBeVisible()
  await expect.poll(() => hostile.page.evaluate(() => window.asisteDebug?.roomDocs().some((room) => room.startsWith('queue:')))).toBe(true)
  const written = await hostile.page.evaluate(() => window.asistePortalFlood?.floodRequests(300))
  expect(written).toBe(300)
  const queue = rep.page.getByRole('region', { name: 'Queue' })
  await expect(queue.getByRole('listitem').filter({ hasText: 'Flood' }).first()).toBeVisible({ timeout: 20_000 })

  await submitRequest(customer.page, link, 'Fabio', 'Genuine: toner empty')
  await expect(customer.page.getByRole('status').filter({ hasText: /^Waiting/ })).toContainText('number 3') // behind the flood's two places
  await expect(queueItem(rep.page, 'Fabio')).toBeVisible({ timeout: 20_000 })
  await expect(queue.getByRole('listitem').filter({ hasText: 'Flood' })).toHaveCount(2)


  // Marked spam, the flood's writer counts for none.
  await queue.getByRole('listitem').filter({ hasText: 'Flood' }).first().getByRole('button', { name: 'Mark as spam' }).click()
  await expect(queue.getByRole('listitem').filter({ hasText: 'Flood' })).toHaveCount(0)

  // The hostile peer marks every request closed (the mark is in clear): the customer's page takes its own back.
  expect(await hostile.page.evaluate(() => window.asistePortalFlood?.closeAll())).toBe(301)
  await expect.poll(() => hostile.page.evaluate(() => window.asistePortalFlood?.openCount())).toBe(1)
  await expect(queueItem(rep.page, 'Fabio')).toBeVisible()
  await queueItem(rep.page, 'Fabio').getByRole('button', { name: 'Take' }).click()
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 15_000 })
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('a rep hands a session back to the team queue; two team mates press Take at once and exactly one takes the session over', async ({ newPerson }) => {
  test.setTimeout(150_000)
  const repA = await newPerson()
  const repB = await newPerson()
  const repC = await newPerson()
  const customer = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Rep')
  await startRep(repC.page, 'Ciro Rep')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Rep')
  await joinTeamOf(repA.page, repC.page, 'Ana Rep', 'Ciro Rep')
  const link = await newSession(repA.page)
  await joinAsCustomer(customer.page, link, 'Hugo')
  await say(customer.page, 'hello')
  await expectChat(repA.page, ['hello'])

  await repA.page.getByRole('button', { name: 'Session menu' }).click()
  await repA.page.getByRole('menuitem', { name: 'Transfer session' }).click()
  const dialog = repA.page.getByRole('dialog', { name: 'Transfer session' })
  await dialog.getByRole('combobox', { name: 'Team mate' }).selectOption({ label: 'Team queue (any representative)' })
  await dialog.getByRole('textbox', { name: /Comment/ }).fill('needs a billing specialist')
  await dialog.getByRole('button', { name: 'Transfer' }).click()
  // The hand-back's note names the queue in words (its strings load with the Transfer dialog, not only with the Queue region).
  await expect(repA.page.getByRole('log', { name: 'Transcript' })).toContainText('Queue was invited (reps only)')

  for (const rep of [repB, repC]) {
    await expect(queueItem(rep.page, 'Hugo')).toContainText('Handed back by Ana Rep', { timeout: 20_000 })
    await expect(queueItem(rep.page, 'Hugo')).toContainText('needs a billing specialist')
  }
  await expect(queueItem(repA.page, 'Hugo')).toHaveCount(0) // not offered back to the rep who handed it over
  await Promise.all([repB, repC].map((rep) => queueItem(rep.page, 'Hugo').getByRole('button', { name: 'Take' }).click()))

  const tabs = (page: typeof repA.page) => page.getByRole('tab', { name: /^Hugo/ })
  await expect.poll(async () => (await tabs(repB.page).count()) + (await tabs(repC.page).count()), { timeout: 30_000 }).toBe(1)
  const winner = (await tabs(repB.page).count()) === 1 ? repB : repC
  const loser = winner === repB ? repC : repB
  const winnerName = winner === repB ? 'Bruno Rep' : 'Ciro Rep'
  await expect(loser.page.getByRole('region', { name: 'Queue' }).getByRole('status').filter({ hasText: `Taken by ${winnerName}` })).toBeVisible({ timeout: 20_000 }) // the team's day doc reaches the loser (once over 10 s at load 12)
  await expect(customer.page.getByText('Ana Rep left the session')).toBeVisible({ timeout: 20_000 })
  await expect(tabs(repA.page)).toHaveCount(0)
  await say(winner.page, `${winnerName} here, taking over`)
  await expectChat(customer.page, ['hello', `${winnerName} here, taking over`])
  await expect(tabs(loser.page)).toHaveCount(0)
  for (const person of [repA, repB, repC, customer]) expect(person.errors.list).toEqual([])
})
