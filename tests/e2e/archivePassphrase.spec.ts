// Export all with a passphrase (issue 19): History says the archive holds
// reps-only notes in plaintext unless a passphrase is given; an encrypted export
// holds nothing readable, and Import on a fresh context needs that passphrase.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { newSession, say, startRep } from './people'

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('searchbox', { name: 'Search transcripts' })).toBeVisible()
}

test('an encrypted "Export all" imports only with its passphrase, with a clear message otherwise', async ({ newPerson }) => {
  const first = await newPerson()
  await startRep(first.page, 'Ana Rep')
  await newSession(first.page)
  await say(first.page, 'Cartucho de tóner agotado')
  await openHistory(first.page)
  await expect(first.page.getByText(/reps-only messages and session notes included\. Without a passphrase the file is plain text/)).toBeVisible()
  const passphrase = first.page.getByLabel('Archive passphrase (optional, for Export all and Import)')
  await passphrase.fill('azul cielo 42')
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Export all' }).click()])
  const path = await download.path()
  const file = await readFile(path, 'utf8')
  expect(JSON.parse(file)).toMatchObject({ format: 'asiste-archive-encrypted', kdf: { name: 'PBKDF2', hash: 'SHA-256' }, cipher: { name: 'AES-GCM' } })
  expect(file).not.toContain('asiste:rep:')

  const fresh = await newPerson()
  await startRep(fresh.page, 'Beto Rep')
  await openHistory(fresh.page)
  const importFile = async (): Promise<void> => {
    const [chooser] = await Promise.all([fresh.page.waitForEvent('filechooser'), fresh.page.getByRole('button', { name: 'Import' }).click()])
    await chooser.setFiles(path)
  }
  await importFile()
  await expect(fresh.page.getByText('This archive is encrypted: type its passphrase above, then import it again.')).toBeVisible()
  const freshPassphrase = fresh.page.getByLabel('Archive passphrase (optional, for Export all and Import)')
  await freshPassphrase.fill('azul cielo 41')
  await importFile()
  await expect(fresh.page.getByText('The passphrase does not open this archive (or the file was altered).')).toBeVisible()
  await freshPassphrase.fill('azul cielo 42')
  await importFile()
  await expect(fresh.page.getByText('Imported 1 session.')).toBeVisible()
  await fresh.page.getByRole('searchbox', { name: 'Search transcripts' }).fill('toner')
  await expect(fresh.page.getByRole('list', { name: 'Search results' }).locator('mark')).toHaveText(['tóner'])
  expect(first.errors.list).toEqual([])
  expect(fresh.errors.list).toEqual([])
})
