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
  await expect(customer.page.getByRole('status', { name: 'Connection' })).toContainText('0 connected')
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
