// Offline first: the installable PWA shell, an offline start from the precache
// and IndexedDB, and the outbox. One browser context per person.
//
// Network faults used here: `asisteDebug.pauseNetwork()` disconnects every
// y-webrtc provider of the rep's page (Playwright's setOffline does not cut
// WebRTC); `context.setOffline(true)` makes every HTTP request fail, so the
// reload is served by the service worker — the signaling server is shared by
// parallel tests and stays up. After that reload the page opens no signaling
// socket and no peer link until the context is online again.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../../playwright.config'
import { collectPageErrors, test, expect } from './fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from './people'
import { inviteAndJoin, joinTeamOf } from './teamSteps'

/** Waits until the service worker is active, then lists the URLs in its caches. */
async function precachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready
    const urls: string[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) urls.push(request.url)
    }
    return urls
  })
}

test('the rep console is installable and its app shell is precached', async ({ baseURL }) => {
  // Chromium never offers to install from an incognito profile (Playwright's newContext), so this
  // one person gets a persistent profile of their own in a temporary directory.
  const profileDir = await mkdtemp(join(tmpdir(), 'asiste-install-'))
  const context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions(), baseURL })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const errors = collectPageErrors(page)
    await startRep(page, 'Ana Rep')
    await expect.poll(() => precachedUrls(page)).toContainEqual(expect.stringMatching(/\/index\.html(\?|$)/))
    const urls = await precachedUrls(page)
    expect(urls.some((url) => /\/assets\/.+\.js(\?|$)/.test(url))).toBe(true)
    expect(urls.some((url) => /\/pwa-512x512\.png(\?|$)/.test(url))).toBe(true)

    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    expect(errors.list).toEqual([])
  } finally {
    await context.close()
    await rm(profileDir, { recursive: true, force: true })
  }
})

test('offline: the console starts with no network, keeps the outbox across a reload, and delivers in order on reconnect', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(rep.page, 'before the cut')
  await expectChat(customer.page, ['before the cut'])
  await expect.poll(() => precachedUrls(rep.page)).toContainEqual(expect.stringMatching(/\/index\.html(\?|$)/))

  // Cut the rep's peer links, then write: the messages wait in the outbox.
  await rep.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await expect(customer.page.getByRole('status', { name: 'Connection' })).toHaveText('Waiting for your representative')
  await say(rep.page, 'offline one')
  await say(rep.page, 'offline two')
  const transcript = rep.page.getByRole('log', { name: 'Transcript' })
  await expect(transcript.getByRole('article').filter({ hasText: 'offline two' })).toContainText('In outbox')

  // No network at all, and a reload: the shell comes from the precache, the session from IndexedDB.
  await rep.context.setOffline(true)
  await rep.page.reload()
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()
  await expect(rep.page.getByRole('status', { name: 'Connection' })).toContainText('Offline')
  await expectChat(rep.page, ['before the cut', 'offline one', 'offline two'])
  await expect(transcript.getByRole('article').filter({ hasText: 'offline two' })).toContainText('In outbox')
  await say(rep.page, 'offline three')
  await expect(transcript.getByRole('article').filter({ hasText: 'offline three' })).toContainText('In outbox')
  expect(await customer.page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"]').count()).toBe(1)

  // Back online: everything goes out by itself, in the order it was written, once.
  await rep.context.setOffline(false)
  await expectChat(customer.page, ['before the cut', 'offline one', 'offline two', 'offline three'])
  await expect(rep.page.getByRole('status', { name: 'Connection' })).toContainText('Online')
  await expect(transcript.getByRole('article').filter({ hasText: 'offline three' })).not.toContainText('In outbox')
})

test('offline: notes and status changes made with no network are marked as waiting, keep the mark across a reload, and clear it once another rep has them', async ({ newPerson }) => {
  const repA = await newPerson()
  const repB = await newPerson()
  await startRep(repA.page, 'Ana Rep')
  await startRep(repB.page, 'Bruno Rep')
  await joinTeamOf(repA.page, repB.page, 'Ana Rep', 'Bruno Rep')
  await newSession(repA.page)
  await inviteAndJoin(repA.page, repB.page, 'Bruno Rep')
  const notesA = repA.page.getByRole('textbox', { name: 'Session notes' })
  const notesB = repB.page.getByRole('textbox', { name: 'Session notes' })
  const waitingA = repA.page.getByRole('status').filter({ hasText: /^◷ Saved on this device — waiting to sync$/ })
  const sessionWaitingA = repA.page.getByRole('status').filter({ hasText: 'Session changes saved on this device — waiting to sync' })
  const anaOnB = repB.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem').filter({ hasText: 'Ana Rep' })
  await expect(notesB).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => precachedUrls(repA.page)).toContainEqual(expect.stringMatching(/\/index\.html(\?|$)/))

  // Online, Bruno acknowledges Ana's edit: the mark shows at most briefly, then is gone.
  await notesA.fill('Printer model X\n')
  await expect(notesB).toHaveValue('Printer model X\n')
  await expect(waitingA).toHaveCount(0)

  // Ana's links are cut; her edit (a deletion, then a new line) waits, and says so.
  await repA.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await notesA.fill('Printer\nCall back at 5\n')
  await expect(waitingA).toBeVisible()
  await expect(notesB).toHaveValue('Printer model X\n')
  // A status change too: Ana hides herself.
  await expect(sessionWaitingA).toHaveCount(0)
  repA.page.once('dialog', (dialog) => void dialog.accept()) // offline, Ana sees no other visible rep and is warned
  await repA.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Hide me' }).click()
  await expect(sessionWaitingA).toBeVisible()
  await expect(anaOnB.getByRole('img', { name: 'Visible' })).toBeVisible()

  // No network at all and a reload: the notes and the mark come back from this device.
  await repA.context.setOffline(true)
  await repA.page.reload()
  await expect(repA.page.getByRole('status', { name: 'Connection' })).toContainText('Offline')
  await expect(notesA).toHaveValue('Printer\nCall back at 5\n')
  await expect(waitingA).toBeVisible()
  await expect(sessionWaitingA).toBeVisible()

  // Back online: Bruno gets the offline edit without a click, and Ana's mark clears.
  await repA.context.setOffline(false)
  await expect(notesB).toHaveValue('Printer\nCall back at 5\n', { timeout: 30_000 })
  await expect(anaOnB.getByRole('img', { name: 'Hidden' })).toBeVisible({ timeout: 30_000 })
  await expect(waitingA).toHaveCount(0, { timeout: 15_000 })
  await expect(sessionWaitingA).toHaveCount(0, { timeout: 15_000 })
})
