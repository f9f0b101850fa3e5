// The rep chat box (issue 3): tools, push URL, details, panel, delivery
// states, typing, status notes, ending a session. One context per person.
import { test, expect } from './fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from './people'

test('push URL refuses javascript:, offers Open link when the pop-up is blocked, and opens the page otherwise', async ({ newPerson, baseURL }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  // Stand-in for a pop-up blocker the test can switch: the product calls the real window.open.
  await customer.context.addInitScript(() => {
    const realOpen = window.open.bind(window)
    // Like a real blocker: a pop-up opened by a script is blocked, one opened from a click is not.
    let inClick = false
    window.addEventListener('click', () => { inClick = true; setTimeout(() => (inClick = false)) }, true)
    window.open = (...args: Parameters<typeof window.open>) =>
      (window as unknown as { blockPopups?: boolean }).blockPopups && !inClick ? null : realOpen(...args)
  })
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await rep.page.getByRole('button', { name: 'Push URL' }).click()
  const dialog = rep.page.getByRole('dialog', { name: 'Push URL' })
  await dialog.getByRole('textbox', { name: 'URL' }).fill('javascript:alert(document.cookie)')
  await dialog.getByRole('button', { name: 'Push' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Only http:// and https:// links')
  await expect(rep.page.locator('article[data-kind="url"]')).toHaveCount(0)

  await customer.page.evaluate(() => ((window as unknown as { blockPopups?: boolean }).blockPopups = true))
  const blockedUrl = new URL('icon.svg?blocked', baseURL).href
  await dialog.getByRole('textbox', { name: 'URL' }).fill(blockedUrl)
  await dialog.getByRole('button', { name: 'Push' }).click()
  await expect(dialog).toBeHidden()
  await expect(customer.page.getByRole('button', { name: 'Open link' })).toBeVisible()
  await expect(rep.page.getByText(`The customer's browser blocked opening ${blockedUrl}`)).toBeVisible()
  const fromButton = customer.context.waitForEvent('page')
  await customer.page.getByRole('button', { name: 'Open link' }).click()
  await (await fromButton).waitForURL(blockedUrl)

  await customer.page.evaluate(() => ((window as unknown as { blockPopups?: boolean }).blockPopups = false))
  const openedUrl = new URL('icon.svg?opened', baseURL).href
  const opened = customer.context.waitForEvent('page')
  await rep.page.getByRole('button', { name: 'Push URL' }).click()
  await dialog.getByRole('textbox', { name: 'URL' }).fill(openedUrl)
  await dialog.getByRole('button', { name: 'Push' }).click()
  await (await opened).waitForURL(openedUrl)
  await expect(rep.page.getByText(`The customer opened ${openedUrl}`)).toHaveCount(1)
})

test('toolbar and session menu reach every tool; spell check, font size and the panel are remembered', async ({ newPerson }) => {
  const rep = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const page = rep.page
  const toolbar = page.getByRole('toolbar', { name: 'Session tools' })
  for (const name of ['Push URL', 'Spell check', 'Font size', 'End session']) await expect(toolbar.getByRole('button', { name })).toBeVisible()

  await page.getByRole('button', { name: 'Session menu' }).click()
  const menu = page.getByRole('menu')
  for (const name of ['Push URL', 'Font size', 'End session', 'Help']) await expect(menu.getByRole('menuitem', { name })).toBeVisible()
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Spell check' })).toBeVisible()
  await menu.getByRole('menuitem', { name: 'Help' }).click()
  await expect(page.getByRole('dialog')).toContainText('Run as service')
  await page.keyboard.press('Escape')

  const composer = page.getByRole('textbox', { name: 'Message' })
  const spell = toolbar.getByRole('button', { name: 'Spell check' })
  await expect(spell).toHaveAttribute('aria-pressed', 'true')
  await expect(composer).toHaveAttribute('spellcheck', 'true')
  await expect(composer).toHaveAttribute('lang', 'en')
  await spell.click()
  await expect(spell).toHaveAttribute('aria-pressed', 'false')
  await expect(composer).toHaveAttribute('spellcheck', 'false')

  const fontPx = () => composer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const before = await fontPx()
  await toolbar.getByRole('button', { name: 'Font size' }).click()
  await expect.poll(fontPx).toBeGreaterThan(before)
  const bigger = await fontPx()

  await expect(page.getByRole('complementary', { name: 'Session panel' })).toBeVisible()
  await page.getByRole('button', { name: 'Hide panel' }).click()
  await expect(page.getByRole('complementary', { name: 'Session panel' })).toHaveCount(0)

  await page.reload()
  await expect(page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Spell check' })).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByRole('complementary', { name: 'Session panel' })).toHaveCount(0)
  expect(await fontPx()).toBe(bigger)
  await page.getByRole('button', { name: 'Show panel' }).click()
  await expect(page.getByRole('complementary', { name: 'Session panel' })).toBeVisible()
})

test('the details the customer consented to share head the panel and the transcript', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await customer.page.goto(link.replace('/#/', '/?lang=en#/'))
  await customer.page.getByRole('textbox', { name: 'Your name' }).fill('Carla')
  await customer.page.getByRole('textbox', { name: 'Describe your problem' }).fill('VPN drops every 5 minutes')
  await customer.page.getByRole('checkbox', { name: 'Share my system information' }).check()
  await customer.page.getByRole('button', { name: 'Start chat' }).click()

  const panel = rep.page.getByRole('complementary', { name: 'Session panel' })
  const term = (name: string) => panel.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) })
  for (const name of ['Session ID', 'Portal', 'Started', 'Request', 'Operating system', 'Browser']) await expect(term(name)).toBeVisible()
  await expect(panel.getByRole('definition').filter({ hasText: 'VPN drops every 5 minutes' })).toBeVisible()
  await expect(panel.getByRole('definition').filter({ hasText: /^(Chrome|Chromium) \d+/ })).toBeVisible()
  const sessionId = link.split('/join/')[1]?.split('.')[0] ?? ''
  await expect(panel.getByRole('definition').filter({ hasText: sessionId })).toBeVisible()

  // The same block is the first thing in the transcript log.
  const log = rep.page.getByRole('log', { name: 'Transcript' })
  await log.evaluate((el) => el.scrollTo(0, 0))
  await expect(log.locator('.transcript__row').first()).toContainText('VPN drops every 5 minutes')
  await expect(log.locator('.transcript__row').first().getByRole('term').first()).toHaveText('Session ID')
})

test('delivery states, typing, a customer leaving, and ending the session', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)

  await say(rep.page, 'Hello, anyone there?')
  const mine = rep.page.locator('article[data-kind="chat"]').filter({ hasText: 'Hello, anyone there?' })
  await expect(mine).toHaveAttribute('data-delivery', 'outbox')
  await expect(mine).toContainText('In outbox')

  await joinAsCustomer(customer.page, link, 'Carla')
  await expectChat(customer.page, ['Hello, anyone there?'])
  await expect(mine).toHaveAttribute('data-delivery', /delivered|seen/)

  await customer.page.getByRole('textbox', { name: 'Message' }).fill('I am writing a long answ')
  await expect(rep.page.getByText('Carla is typing…')).toBeVisible()
  await say(customer.page, 'I am writing a long answer')
  await expect(rep.page.getByText('Carla is typing…')).toHaveCount(0)

  await customer.context.close()
  // Presence comes from live connections: "left" is noted once, a few seconds after the link dies.
  await expect(rep.page.getByText('Carla left the session')).toHaveCount(1, { timeout: 20_000 })

  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'End session' }).click()
  const end = rep.page.getByRole('dialog', { name: 'End session' })
  await end.getByRole('button', { name: 'End' }).click()
  await expect(end.getByRole('alert')).toHaveText('Choose an outcome.')
  await end.getByRole('radio', { name: 'Resolved', exact: true }).check()
  await end.getByRole('textbox', { name: 'Closing note' }).fill('Reset the VPN profile')
  await end.getByRole('button', { name: 'End' }).click()
  await expect(rep.page.getByText('Session ended by Ana Rep')).toHaveCount(1)
  await expect(rep.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0)
  await expect(rep.page.getByText('This session has ended.')).toBeVisible()
})

test('the ended session reaches the customer, whose composer closes', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()
  await rep.page.getByRole('button', { name: 'Session menu' }).click()
  await rep.page.getByRole('menuitem', { name: 'End session' }).click()
  const end = rep.page.getByRole('dialog', { name: 'End session' })
  await end.getByRole('radio', { name: 'Unknown' }).check()
  await end.getByRole('button', { name: 'End' }).click()
  await expect(customer.page.getByText('The representative ended this session. Thank you!')).toBeVisible()
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0)
})

test('the chat box of a session comes to the front by itself when its customer joins', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const first = await newSession(rep.page)
  await newSession(rep.page)
  // The second (newest) session is in front; the customer joins the first.
  const tabs = rep.page.getByRole('tablist', { name: 'Sessions' }).getByRole('tab')
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true')
  await joinAsCustomer(customer.page, first, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toHaveAttribute('aria-selected', 'true')
  // The customer joined, so the join block is folded; unfolded, it shows the first session's link.
  await rep.page.getByText('Customer link and session code').click()
  await expect(rep.page.getByRole('textbox', { name: 'Customer link' })).toHaveValue(first)
})
