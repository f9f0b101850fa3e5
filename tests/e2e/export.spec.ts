// Export transcript: a rep downloads the session as text, web page and JSON.
// Contract (shared/UI-CONTRACT.md): toolbar `Session tools` → button
// `Export transcript` → dialog `Export transcript` (radios under `Format`,
// checkboxes `Include rep-only messages` / `Include session notes`, buttons
// `Download` and `Close`).
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from './people'

const CUSTOMER = 'Carla Cliente'
const REP = 'Ana Rep'
const FIRST = 'Hola, <b>ayuda</b> & "gracias"'
const SECOND = 'Hello Carla, I am Ana.\nLet us check the driver.'

/** Picks `format` in the open export dialog, clicks Download and returns the file's name and text. */
async function download(page: Page, format: string): Promise<{ name: string; text: string }> {
  const dialog = page.getByRole('dialog', { name: 'Export transcript' })
  await dialog.getByRole('radio', { name: format }).check()
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') }
}

test('a rep exports the transcript as text, web page and JSON: details first, messages in order with names', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, REP)
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, CUSTOMER, 'My printer does not print')
  await expect(rep.page.getByRole('tab', { name: new RegExp(`^${CUSTOMER}`) })).toBeVisible()

  await say(customer.page, FIRST)
  await expectChat(rep.page, [FIRST])
  await say(rep.page, SECOND)
  await expectChat(rep.page, [FIRST, SECOND])
  await expectChat(customer.page, [FIRST, SECOND])

  const exportButton = rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Export transcript' })
  await exportButton.click()
  const dialog = rep.page.getByRole('dialog', { name: 'Export transcript' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('checkbox', { name: 'Include rep-only messages' })).not.toBeChecked()
  await expect(dialog.getByRole('checkbox', { name: 'Include session notes' })).not.toBeChecked()

  // Text: header lines, a blank line, then `[time] Name: text` lines (continuations indented).
  const txt = await download(rep.page, 'Text (.txt)')
  expect(txt.name).toMatch(/^asiste-[\w-]+-\d{4}-\d\d-\d\d\.txt$/)
  const lines = txt.text.split('\n')
  expect(lines[0]).toMatch(/^Session ID: [\w-]+$/)
  expect(lines).toContain('Portal: Support link')
  expect(lines).toContain(`Customer: ${CUSTOMER}`)
  expect(lines).toContain('Request: My printer does not print')
  const stamp = String.raw`\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]`
  const first = lines.findIndex((line) => new RegExp(`^${stamp} ${CUSTOMER}: `).test(line))
  const second = lines.findIndex((line) => new RegExp(`^${stamp} ${REP}: `).test(line))
  expect(first).toBeGreaterThan(lines.indexOf(''))
  expect(lines.indexOf('')).toBeGreaterThan(lines.indexOf(`Customer: ${CUSTOMER}`))
  expect(lines[first]?.endsWith(`${CUSTOMER}: ${FIRST}`)).toBe(true)
  expect(second).toBeGreaterThan(first)
  expect(lines.slice(second, second + 2)).toEqual([expect.stringMatching(new RegExp(`${REP}: Hello Carla, I am Ana\\.$`)), '    Let us check the driver.'])
  expect(txt.text).not.toContain('(reps only)')

  // Web page: self-contained, no script, the message text shown as text.
  const html = await download(rep.page, 'Web page (.html)')
  expect(html.name).toBe(txt.name.replace(/\.txt$/, '.html'))
  expect(html.text).not.toMatch(/<script/i)
  expect(html.text.indexOf('Session ID')).toBeLessThan(html.text.indexOf('&#60;b&#62;ayuda'))
  const viewer = await rep.context.newPage()
  await viewer.setContent(html.text)
  await expect(viewer.getByRole('heading', { name: 'Details' })).toBeVisible()
  await expect(viewer.locator('li.entry[data-kind="chat"] strong')).toHaveText([CUSTOMER, REP])
  await expect(viewer.locator('li.entry[data-kind="chat"] .text')).toHaveText([FIRST, SECOND])
  await expect(viewer.locator('li.entry b, li.entry[data-audience="reps"]')).toHaveCount(0)
  await viewer.close()

  // JSON: the same session, entries in order with ids, authors and roles.
  const json = await download(rep.page, 'Data (.json)')
  expect(json.name).toBe(txt.name.replace(/\.txt$/, '.json'))
  const data = JSON.parse(json.text) as {
    format: string
    details: { sessionId: string; customerName: string; request: string }
    entries: Array<{ id: string; author: string; role: string; kind: string; audience: string; text: string }>
  }
  expect(data.format).toBe('asiste-transcript')
  expect(txt.name).toContain(data.details.sessionId)
  expect(data.details).toMatchObject({ customerName: CUSTOMER, request: 'My printer does not print' })
  const chats = data.entries.filter((entry) => entry.kind === 'chat')
  expect(chats.map(({ author, role, text }) => ({ author, role, text }))).toEqual([
    { author: CUSTOMER, role: 'customer', text: FIRST },
    { author: REP, role: 'rep', text: SECOND },
  ])
  expect(data.entries.every((entry) => entry.audience === 'all')).toBe(true)
  expect(new Set(data.entries.map((entry) => entry.id)).size).toBe(data.entries.length)

  // Escape closes the dialog and focus returns to the toolbar button.
  await rep.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(exportButton).toBeFocused()
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})
