// Co-representatives (issue 4): teams, invitations, hidden reps, rep-only
// messages, shared notes, transfer. Rep A, rep B and the customer each have
// their own browser context.
import { test, expect } from './fixtures'
import { expectChat, heldText, joinAsCustomer, newSession, say, startRep } from './people'
import { invite, joinTeamOf } from './teamSteps'

test('a hidden rep reads the chat and writes rep-only messages and notes; none of it reaches the customer until he shows himself', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const repA = await newPerson()
  const repB = await newPerson()
  const customer = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Oculto')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Oculto')

  const link = await newSession(repA.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'My VPN keeps dropping')
  await expectChat(repA.page, ['My VPN keeps dropping'])

  await invite(repA.page, 'Bruno Oculto', { hidden: true, comment: 'difficult customer, please watch' })
  const banner = repB.page.getByRole('region', { name: 'Invite representative' })
  await expect(banner).toContainText('Ana Rep invites you, hidden, to a session with Carla')
  await expect(banner).toContainText('difficult customer, please watch')
  await banner.getByRole('button', { name: 'Join' }).click()
  await expect(repB.page.getByRole('tab', { name: /^Carla/ })).toBeVisible({ timeout: 30_000 })
  await expectChat(repB.page, ['My VPN keeps dropping'])

  // B is hidden: his composer goes to reps only, and he is listed as Hidden.
  await expect(repB.page.getByRole('combobox', { name: 'Send to' })).toHaveValue('reps')
  await expect(repB.page.getByRole('combobox', { name: 'Send to' })).toBeDisabled()
  const REP_ONLY = 'rep-only: check her VPN client version first'
  await say(repB.page, REP_ONLY)
  await expect(repA.page.locator('article[data-audience="reps"]').filter({ hasText: REP_ONLY })).toBeVisible()
  await expect(repA.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem').filter({ hasText: 'Bruno Oculto' }).getByRole('img', { name: 'Hidden' })).toBeVisible()

  const NOTES = 'internal notes: suspected split tunnel misconfiguration'
  await repB.page.getByRole('textbox', { name: 'Session notes' }).fill(NOTES)
  await expect(repA.page.getByRole('textbox', { name: 'Session notes' })).toHaveValue(NOTES)

  // A rep-only message from A too, and a message for everyone so the customer is in sync.
  await repA.page.getByRole('combobox', { name: 'Send to' }).selectOption('reps')
  await say(repA.page, 'rep-only from Ana')
  await repA.page.getByRole('combobox', { name: 'Send to' }).selectOption('all')
  await say(repA.page, 'Carla, let me check')
  await expectChat(customer.page, ['My VPN keeps dropping', 'Carla, let me check'])

  // Scan everything the customer's browser holds: IndexedDB, its documents' full state, awareness received.
  const held = await heldText(customer.page)
  expect(held).toContain('Carla, let me check') // the scan does see the customer's data…
  for (const secret of ['Bruno', 'Oculto', REP_ONLY, 'rep-only from Ana', NOTES, 'difficult customer']) {
    expect(held, `customer holds "${secret}"`).not.toContain(secret) // …and none of the reps' private data
  }
  await expect(customer.page.getByText('Bruno')).toHaveCount(0)

  // B shows himself: the customer sees him join and his next message.
  await repB.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Show me' }).click()
  await expect(customer.page.getByText('Bruno Oculto joined the session')).toBeVisible()
  await expect(repB.page.getByRole('combobox', { name: 'Send to' })).toBeEnabled()
  await say(repB.page, 'Hi Carla, Bruno here')
  await expectChat(customer.page, ['My VPN keeps dropping', 'Carla, let me check', 'Hi Carla, Bruno here'])

  // Both visible reps see the customer go; each notes it, yet every peer shows the note once.
  await customer.context.close()
  for (const rep of [repA, repB]) await expect(rep.page.getByText('Carla left the session')).toHaveCount(1, { timeout: 25_000 })
  // His hidden arrival was noted for reps only; his showing himself once, for everyone.
  await expect(repA.page.locator('article[data-audience="reps"]').filter({ hasText: 'Bruno Oculto joined the session' })).toHaveCount(1)
  await expect(repA.page.locator('article[data-audience="all"]').filter({ hasText: 'Bruno Oculto joined the session' })).toHaveCount(1)
})

test('two reps edit the notes at once, one of them offline for part of it: both end with every keystroke', async ({ newPerson }) => {
  const repA = await newPerson()
  const repB = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Rep')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Rep')
  await newSession(repA.page)
  await invite(repA.page, 'Bruno Rep')
  await repB.page.getByRole('region', { name: 'Invite representative' }).getByRole('button', { name: 'Join' }).click()
  const notesA = repA.page.getByRole('textbox', { name: 'Session notes' })
  const notesB = repB.page.getByRole('textbox', { name: 'Session notes' })
  await expect(notesB).toBeVisible({ timeout: 30_000 })

  await notesA.fill('shared start\n')
  await expect(notesB).toHaveValue('shared start\n')
  // Who is editing is shown to the other rep.
  await expect(repB.page.getByText('Ana Rep is editing the notes')).toBeVisible()

  // B goes offline (all its providers disconnected) and types; A types at the same time.
  await repB.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await notesB.press('End')
  await notesB.pressSequentially('B offline line. ')
  await notesA.press('Control+Home')
  await notesA.pressSequentially('A online line. ')
  await repB.page.evaluate(() => window.asisteDebug?.resumeNetwork())
  // While both are online they keep typing concurrently.
  await Promise.all([notesA.pressSequentially('A again. '), notesB.pressSequentially('B again.')])

  await expect.poll(async () => (await notesA.inputValue()) === (await notesB.inputValue()), { timeout: 20_000 }).toBe(true)
  const final = await notesA.inputValue()
  for (const piece of ['shared start', 'A online line. ', 'B offline line. ', 'A again. ', 'B again.']) expect(final).toContain(piece)
})

test('a transfer hands the session to a team mate: the customer sees the first rep leave and the second join', async ({ newPerson }) => {
  test.setTimeout(90_000)
  const repA = await newPerson()
  const repB = await newPerson()
  const customer = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Rep')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Rep')
  const link = await newSession(repA.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'hello')
  await expectChat(repA.page, ['hello'])

  await repA.page.getByRole('button', { name: 'Session menu' }).click()
  await repA.page.getByRole('menuitem', { name: 'Transfer session' }).click()
  const dialog = repA.page.getByRole('dialog', { name: 'Transfer session' })
  await dialog.getByRole('combobox', { name: 'Team mate' }).selectOption({ label: 'Bruno Rep' })
  await dialog.getByRole('textbox', { name: /Comment/ }).fill('VPN specialist needed')
  await dialog.getByRole('button', { name: 'Transfer' }).click()

  const banner = repB.page.getByRole('region', { name: 'Invite representative' })
  await expect(banner).toContainText('Ana Rep wants to transfer the session with Carla to you')
  await banner.getByRole('button', { name: 'Join' }).click()
  await expect(customer.page.getByText('Bruno Rep joined the session')).toBeVisible({ timeout: 30_000 })
  await expect(customer.page.getByText('Ana Rep left the session')).toBeVisible({ timeout: 20_000 })
  await expect(repA.page.getByRole('tab', { name: /^Carla/ })).toHaveCount(0)
  await say(repB.page, 'Bruno here, taking over')
  await expectChat(customer.page, ['hello', 'Bruno here, taking over'])
})
