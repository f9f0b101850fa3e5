// The customer side: coming in by session code (the portal), intake with and
// without consent, the connection banner, a hostile peer's javascript: URL,
// saving the chat log, and resuming after a reload. Joining by link is
// covered in chat.spec.ts. One browser context per person.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { LOOKUP_ANSWER_MS, acceptCustomer, expectChat, joinAsCustomer, newSession, say, sessionCode, startRep, submitCode } from './people'

const NOT_VALID = 'This code is not valid or has expired'

/** Fills in and submits the intake form (with `rep`: the intake came in by code, and that rep accepts it). */
async function intake(page: Page, name: string, problem: string, consent: boolean, rep?: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('textbox', { name: 'Describe your problem' }).fill(problem)
  if (consent) await page.getByRole('checkbox', { name: 'Share my system information' }).check()
  await page.getByRole('button', { name: 'Start chat' }).click()
  if (rep) await acceptCustomer(rep, name)
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
}

/** Comes in by code as the portal page would be used (the code typed in lower case with a space); `rep` accepts the intake. */
async function joinByCode(page: Page, rep: Page, code: string, name: string, consent = false): Promise<void> {
  await submitCode(page, ` ${code.toLowerCase().replace('-', ' ')} `)
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeVisible({ timeout: LOOKUP_ANSWER_MS })
  await intake(page, name, 'My printer does not print', consent, rep)
}

/** The Details panel's row labels. */
function detailTerms(rep: Page) {
  return rep.getByRole('complementary', { name: 'Session panel' }).getByRole('term')
}

test('a customer comes in with the session code the rep reads out, and they chat', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const code = await sessionCode(rep.page)

  await joinByCode(customer.page, rep.page, code, 'Pablo Portal')
  // The session runs on the strong key: the page is now the join link, marked as come in by code.
  expect(customer.page.url()).toMatch(/#\/join\/[\w-]+\.[\w-]{22,}\.[\w-]{43,}\?via=portal$/) // the portal hands over the verification key too
  await expect(rep.page.getByRole('tab', { name: /^Pablo Portal/ })).toBeVisible()

  await say(customer.page, 'hello from the portal')
  await say(rep.page, 'hello Pablo')
  await expectChat(customer.page, ['hello from the portal', 'hello Pablo'])
  await expectChat(rep.page, ['hello from the portal', 'hello Pablo'])

  const panel = rep.page.getByRole('complementary', { name: 'Session panel' })
  await expect(panel.getByRole('definition').filter({ hasText: 'Portal (session code)' })).toBeVisible()
  // The code is spent: the rep no longer offers it.
  await expect(rep.page.getByText(/^Session code\s/)).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('a wrong code and a spent code each get the clear message after a bounded wait; a malformed one at once', async ({ newPerson }) => {
  const rep = await newPerson()
  const first = await newPerson()
  const second = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const code = await sessionCode(rep.page)

  // Malformed (0 and O are not in the alphabet, and it is too short): said at once, no lookup.
  await submitCode(second.page, 'O0-12')
  await expect(second.page.getByRole('alert')).toContainText('A session code has 6 letters and digits')

  // A well-formed code nobody announces: the page shows progress, then says so — it never hangs.
  await submitCode(second.page, code === 'ZZZ-ZZZ' ? 'YYY-YYY' : 'ZZZ-ZZZ')
  const looking = second.page.getByRole('status').filter({ hasText: 'Looking for your session…' })
  await expect(looking).toBeVisible()
  await expect(looking.getByRole('progressbar')).toBeVisible()
  const started = Date.now()
  await expect(second.page.getByRole('alert')).toContainText(NOT_VALID, { timeout: LOOKUP_ANSWER_MS })
  expect(Date.now() - started).toBeLessThan(LOOKUP_ANSWER_MS)

  // The first customer uses the code; once the rep accepts their intake it is spent.
  await joinByCode(first.page, rep.page, code, 'Primera')
  await expect(rep.page.getByRole('tab', { name: /^Primera/ })).toBeVisible()
  await expect(rep.page.getByText(/^Session code\s/)).toHaveCount(0)

  await submitCode(second.page, code)
  await expect(second.page.getByRole('alert')).toContainText(NOT_VALID, { timeout: LOOKUP_ANSWER_MS })
  expect(second.page.url()).toMatch(/#\/portal$/)
})

test('the rep sees system facts only with consent: without it, nothing but name and request', async ({ newPerson }) => {
  const rep = await newPerson()
  const withConsent = await newPerson()
  const without = await newPerson()
  await startRep(rep.page, 'Ana Rep')

  const firstLink = await newSession(rep.page)
  await joinAsCustomer(without.page, firstLink, 'Nadia Nada', 'Keep my details private')
  await expect(rep.page.getByRole('tab', { name: /^Nadia Nada/ })).toHaveAttribute('aria-selected', 'true')
  const terms = detailTerms(rep.page)
  await expect(terms.filter({ hasText: /^Request$/ })).toBeVisible()
  const shownWithout = await terms.allInnerTexts()
  for (const label of ['Operating system', 'Browser', 'Language', 'Time zone', 'Screen', 'Memory', 'CPU cores', 'Connection type', 'Network']) {
    expect(shownWithout).not.toContain(label)
  }

  const secondLink = await newSession(rep.page)
  await withConsent.page.goto(secondLink.replace('/#/', '/?lang=en#/'))
  await intake(withConsent.page, 'Carla Comparte', 'VPN drops', true)
  await expect(rep.page.getByRole('tab', { name: /^Carla Comparte/ })).toHaveAttribute('aria-selected', 'true')
  await expect(terms.filter({ hasText: /^Operating system$/ })).toBeVisible()
  const exposed = await withConsent.page.evaluate(() => ({
    memory: 'deviceMemory' in navigator,
    connection: typeof (navigator as Navigator & { connection?: { effectiveType?: string } }).connection?.effectiveType === 'string',
  }))
  const expected = ['Operating system', 'Browser', 'Language', 'Time zone', 'Screen', 'CPU cores']
  if (exposed.memory) expected.push('Memory')
  if (exposed.connection) expected.push('Connection type')
  const shownWith = await terms.allInnerTexts()
  for (const label of expected) expect(shownWith).toContain(label)
  const panel = rep.page.getByRole('complementary', { name: 'Session panel' })
  await expect(panel.getByRole('definition').filter({ hasText: /^\d+×\d+ @[\d.]+x$/ })).toBeVisible()

  // Back on the first session: still nothing but name and request.
  await rep.page.getByRole('tab', { name: /^Nadia Nada/ }).click()
  await expect(terms.filter({ hasText: /^Request$/ })).toBeVisible()
  expect(await terms.allInnerTexts()).not.toContain('Operating system')
})

test("a javascript: URL written into the customer's document by a hostile peer is not opened and is reported to the rep", async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(rep.page, 'hi Carla')
  await expectChat(customer.page, ['hi Carla'])

  let openedPages = 0
  customer.context.on('page', () => openedPages++)
  const dialogs: string[] = []
  customer.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const HOSTILE = 'javascript:alert(document.cookie)'
  // The hostile peer is simulated through the customer page's debug hook: the entry is written in a
  // scratch Y.Doc (another Yjs client) and applied to the customer doc as that peer's remote update
  // (origin 'test-remote-peer'), which is what the push handler reacts to. The rep UI would refuse to push it.
  const injected = await customer.page.evaluate(
    (text) =>
      window.asisteDebug?.injectRemoteEntry('customer', `${Date.now().toString(36).padStart(9, '0')}.zzzz.hostile`, {
        kind: 'url',
        audience: 'all',
        authorId: 'hostile-peer',
        authorName: 'Ana Rep',
        authorRole: 'rep',
        text,
        at: Date.now(),
      }),
    HOSTILE,
  )
  expect(injected).toBe(true)

  const refused = rep.page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="status"]').filter({ hasText: 'refused' })
  await expect(refused).toContainText(HOSTILE)
  await expect(customer.page.locator('a[href^="javascript:"]')).toHaveCount(0)
  await expect(customer.page.getByRole('button', { name: 'Open link' })).toHaveCount(0)
  expect(openedPages).toBe(0)
  expect(dialogs).toEqual([])
})

test("Save chat log downloads the customer's own transcript: name, messages in order, nothing rep-only", async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla Cliente', 'Printer jams on page 2')
  await say(customer.page, 'one: it jams')
  await expectChat(rep.page, ['one: it jams'])

  const NOTE = 'SECRET NOTE: customer sounds annoyed'
  const REP_ONLY = 'REP ONLY: check the firmware'
  await rep.page.getByRole('textbox', { name: 'Session notes' }).fill(NOTE)
  await rep.page.getByRole('combobox', { name: 'Send to' }).selectOption('reps')
  await say(rep.page, REP_ONLY)
  await rep.page.getByRole('combobox', { name: 'Send to' }).selectOption('all')
  await say(rep.page, 'two: try tray 1')
  await say(customer.page, 'three: that worked')
  await expectChat(customer.page, ['one: it jams', 'two: try tray 1', 'three: that worked'])

  const [download] = await Promise.all([customer.page.waitForEvent('download'), customer.page.getByRole('button', { name: 'Save chat log' }).click()])
  expect(download.suggestedFilename()).toMatch(/^asiste-[\w-]+-\d{4}-\d{2}-\d{2}\.txt$/)
  const text = await readFile(await download.path(), 'utf8')
  expect(text).toContain('Customer: Carla Cliente')
  expect(text).toContain('Request: Printer jams on page 2')
  expect(text).toContain(`Session ID: ${link.split('/join/')[1]?.split('.')[0] ?? '?'}`)
  const positions = ['one: it jams', 'two: try tray 1', 'three: that worked'].map((message) => text.indexOf(message))
  expect(positions.every((at) => at > 0)).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  expect(text).toContain('Ana Rep: two: try tray 1')
  expect(text).not.toContain('SECRET NOTE')
  expect(text).not.toContain('REP ONLY')
})

test('the customer banner tells connected, representative away and offline; nothing typed offline is lost', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  // The banner is the status line that says one of its four sentences (the Connection indicator is another status).
  const banner = customer.page.getByRole('status').filter({ hasText: /^(Connected|Connecting to your representative…|Your representative is not connected.*|You're offline.*)$/ })
  await expect(banner).toHaveText('Connected')

  // Links are cut by disconnecting every y-webrtc provider of a page (asisteDebug.pauseNetwork): setOffline would not cut WebRTC.
  await rep.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await expect(banner).toContainText('Your representative is not connected right now', { timeout: 15_000 })
  await rep.page.evaluate(() => window.asisteDebug?.resumeNetwork())
  await expect(banner).toHaveText('Connected', { timeout: 15_000 })

  await customer.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await expect(banner).toHaveText("You're offline — your messages will be sent when you're back.")
  await say(customer.page, 'typed while offline')
  await customer.page.evaluate(() => window.asisteDebug?.resumeNetwork())
  await expect(banner).toHaveText('Connected', { timeout: 15_000 })
  await expectChat(rep.page, ['typed while offline'])
})

test('a customer who came in by code resumes after a reload: no second intake, same transcript, still connected', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  await joinByCode(customer.page, rep.page, await sessionCode(rep.page), 'Rita Recarga')
  await say(customer.page, 'before reload')
  await say(rep.page, 'reply before reload')
  await expectChat(customer.page, ['before reload', 'reply before reload'])

  await customer.page.reload()
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await expect(customer.page.getByRole('button', { name: 'Start chat' })).toHaveCount(0)
  await expectChat(customer.page, ['before reload', 'reply before reload'])
  await say(customer.page, 'after reload')
  await expectChat(rep.page, ['before reload', 'reply before reload', 'after reload'])
  // Still one customer, named once, in the rep's tabs.
  await expect(rep.page.getByRole('tab', { name: /^Rita Recarga/ })).toHaveCount(1)
})
