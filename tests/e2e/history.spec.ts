// History: every session on this device, full-text search that folds accents
// and case, read-only transcripts, Delete, and Export all → Import on a fresh
// context. One browser context per person; no network fault is needed here.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { newSession, say, startRep } from './people'

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('searchbox', { name: 'Search transcripts' })).toBeVisible()
}

/** Names of this device's document databases (what History deletes for good). */
function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : [])))
}

test('history search finds a word of an old session with and without accents, highlighted, and opens it read-only', async ({ newPerson }) => {
  const rep = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  await say(rep.page, 'La canción de cuna no suena en el altavoz')
  await newSession(rep.page)
  await say(rep.page, 'The printer queue is stuck')
  // A later start: the index was saved, and the sessions come back from this device.
  await rep.page.reload()
  await openHistory(rep.page)
  await expect(rep.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')).toHaveCount(2)

  const search = rep.page.getByRole('searchbox', { name: 'Search transcripts' })
  const results = rep.page.getByRole('list', { name: 'Search results' })
  for (const query of ['cancion', 'CANCIÓN', 'canción']) {
    await search.fill(query)
    await expect(results.getByRole('listitem')).toHaveCount(1)
    await expect(results.locator('mark')).toHaveText(['canción'])
  }
  await search.fill('altavoz cuna')
  await expect(results.locator('mark')).toHaveText(['cuna', 'altavoz'])
  await search.fill('impresora')
  await expect(rep.page.getByText('No message matches “impresora”.')).toBeVisible()

  await search.fill('printer')
  await results.getByRole('button').first().click()
  const transcript = rep.page.getByRole('log', { name: 'Transcript' })
  await expect(transcript.locator('article[data-kind="chat"]')).toHaveText([/The printer queue is stuck/])
  await expect(rep.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
})

test('export all → import restores the sessions on a fresh context, and delete removes their databases', async ({ newPerson }) => {
  const first = await newPerson()
  await startRep(first.page, 'Ana Rep')
  await newSession(first.page)
  await say(first.page, 'Necesito ayuda con la impresora térmica')
  await openHistory(first.page)
  await expect(first.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')).toHaveCount(1)
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Export all' }).click()])
  const archive = await download.path()

  const fresh = await newPerson()
  await startRep(fresh.page, 'Beto Rep')
  await openHistory(fresh.page)
  await expect(fresh.page.getByText('No sessions on this device yet.')).toBeVisible()
  const [chooser] = await Promise.all([fresh.page.waitForEvent('filechooser'), fresh.page.getByRole('button', { name: 'Import' }).click()])
  await chooser.setFiles(archive)
  await expect(fresh.page.getByText('Imported 1 session.')).toBeVisible()
  const rows = fresh.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')
  await expect(rows).toHaveCount(1)
  await fresh.page.getByRole('searchbox', { name: 'Search transcripts' }).fill('termica')
  await expect(fresh.page.getByRole('list', { name: 'Search results' }).locator('mark')).toHaveText(['térmica'])
  await rows.getByRole('button', { name: 'Open transcript' }).click()
  await expect(fresh.page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"]')).toHaveText([/impresora térmica/])

  const sessionId = await rows.first().getAttribute('data-session-id')
  expect(await databaseNames(fresh.page)).toContain(`asiste:rep:${sessionId}`)
  fresh.page.once('dialog', (dialog) => void dialog.accept())
  await rows.getByRole('button', { name: /^Delete session of/ }).click()
  await expect(fresh.page.getByText('No sessions on this device yet.')).toBeVisible()
  await expect.poll(() => databaseNames(fresh.page)).not.toContain(`asiste:rep:${sessionId}`)
  expect(await databaseNames(fresh.page)).not.toContain(`asiste:customer:${sessionId}`)
  await fresh.page.getByRole('searchbox', { name: 'Search transcripts' }).fill('termica')
  await expect(fresh.page.getByText('No message matches “termica”.')).toBeVisible()
})

/** Whether the service worker has precached the app shell (then a reload needs no network). */
function shellPrecached(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) if (/\/index\.html(\?|$)/.test(request.url)) return true
    }
    return false
  })
}

test('offline: after a reload with no network, History searches the saved index in its worker', async ({ newPerson }) => {
  const rep = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  await say(rep.page, 'El módem parpadea en naranja')
  await openHistory(rep.page)
  await expect(rep.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem')).toHaveCount(1)
  await expect.poll(() => shellPrecached(rep.page)).toBe(true)

  // No network at all: the shell and the search worker's script come from the precache, the index from IndexedDB.
  await rep.context.setOffline(true)
  await rep.page.reload()
  await openHistory(rep.page)
  const search = rep.page.getByRole('searchbox', { name: 'Search transcripts' })
  const results = rep.page.getByRole('list', { name: 'Search results' })
  await search.fill('MODEM naran')
  await expect(results.locator('mark')).toHaveText(['módem', 'naranja'])
  await search.fill('parpadeo') // a typo in a longer word still finds it
  await expect(results.locator('mark')).toHaveText(['parpadea'])
  await search.fill('verde')
  await expect(rep.page.getByText('No message matches “verde”.')).toBeVisible()
  expect(await rep.page.evaluate(() => navigator.onLine)).toBe(false)
  // Only the requests the cut refuses (config, signaling) may fail; a search worker that failed to start would show here.
  expect(rep.errors.list.filter((line) => !line.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([])
})
