// Rich messages and the session's conveniences (issue 21): light markdown and links rendered as DOM nodes
// (never HTML), image previews, find in session, emoji, the satisfaction rating. Each person has their own
// browser context; controls are found by role and name (UI-CONTRACT.md).
import { deflateSync } from 'node:zlib'
import { writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test, type Lang } from './fixtures'
import { joinAsCustomer, newSession, say, startRep } from './people'
import { en, es, type MessageKey } from '../../src/i18n/catalogs'

/** A valid w×h PNG, one colour: enough for the browser to decode and lay out. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

test('**bold** renders a strong element and a link is an anchor with rel, while <img onerror> stays text — on both sides', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'it says **offline** <img src=x onerror="window.__pwned=1"> see https://example.com/help and `lpstat -p`')
  await say(rep.page, '_Try_ these:\n\n1. **Restart** it\n2. open [the guide](https://example.com/guide)')
  for (const page of [rep.page, customer.page]) {
    const log = page.getByRole('log', { name: 'Transcript' })
    const fromCarla = log.getByRole('article').filter({ hasText: 'it says' })
    await expect(fromCarla.locator('strong')).toHaveText('offline')
    await expect(fromCarla.locator('code')).toHaveText('lpstat -p')
    await expect(fromCarla).toContainText('<img src=x onerror="window.__pwned=1">')
    await expect(fromCarla.locator('img')).toHaveCount(0)
    const help = fromCarla.getByRole('link', { name: 'https://example.com/help' })
    await expect(help).toHaveAttribute('href', 'https://example.com/help')
    await expect(help).toHaveAttribute('rel', 'noopener noreferrer')
    const fromAna = log.getByRole('article').filter({ hasText: 'Restart' })
    await expect(fromAna.locator('em')).toHaveText('Try')
    await expect(fromAna.getByRole('listitem')).toHaveText(['Restart it', 'open the guide'])
    await expect(fromAna.getByRole('link', { name: 'the guide' })).toHaveAttribute('href', 'https://example.com/guide')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
  }
})

test('a received image shows a sized preview named by the file; the sender keeps the plain row', async ({ newPerson }, info) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()
  const path = info.outputPath('error-dialog.png')
  await writeFile(path, png(1600, 1200))
  const chooser = customer.page.waitForEvent('filechooser')
  await customer.page.getByRole('button', { name: 'Send file' }).click()
  await (await chooser).setFiles(path)
  // Offered, and shown, inside the transcript's offer note (issue 21): no dialog, nothing above the composer.
  await rep.page.getByRole('log', { name: 'Transcript' }).getByRole('dialog', { name: 'Incoming file' }).getByRole('button', { name: 'Accept' }).click()
  const preview = rep.page.getByRole('log', { name: 'Transcript' }).getByRole('img', { name: 'error-dialog.png' })
  await expect(preview).toBeVisible({ timeout: 15_000 })
  await expect(preview).toHaveAttribute('src', /^blob:/)
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600)
  const box = await preview.boundingBox()
  expect(box && box.width <= 16 * 16 && box.height <= 12 * 16).toBe(true) // capped by CSS (16rem × 12rem), not 1600×1200
  await expect(customer.page.getByRole('img', { name: 'error-dialog.png' })).toHaveCount(0)
})

test('an image pasted into the message box is offered as a file, and the other side previews it', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()
  const box = customer.page.getByRole('textbox', { name: 'Message' })
  await box.fill('here is the error')
  // What the browser hands the page when a screenshot is pasted: a paste event carrying an image file.
  await box.evaluate((field, bytes) => {
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }))
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, [...png(64, 48)])
  await expect(box).toHaveValue('here is the error') // the draft is untouched
  const offer = rep.page.getByRole('dialog', { name: 'Incoming file' })
  await expect(offer).toContainText('image.png')
  await offer.getByRole('button', { name: 'Accept' }).click()
  await expect(rep.page.getByRole('img', { name: 'image.png' })).toBeVisible({ timeout: 15_000 })
})

test('Find in session reaches matches far outside the rendered rows, steps with Next/Previous and says "N of M"', async ({ newPerson }) => {
  const rep = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const room = await rep.page.evaluate(() => window.asisteDebug?.roomDocs().find((name) => name.startsWith('rep:')) ?? '')
  // 1,500 messages; the word appears in three, the first two far above the rows the virtual list renders.
  await rep.page.evaluate((repRoom) => {
    for (let i = 0; i < 1_500; i++) window.asisteDebug?.appendChat(repRoom, i === 20 || i === 700 || i === 1_490 ? `Invoice number ${i}` : `filler message ${i}`)
  }, room)
  const log = rep.page.getByRole('log', { name: 'Transcript' })
  await expect(log.getByText('filler message 1499')).toBeVisible()
  await expect(log.getByText('Invoice number 20')).toHaveCount(0) // not rendered: the browser's find could not reach it

  await log.click()
  await rep.page.keyboard.press('ControlOrMeta+f')
  const box = rep.page.getByRole('searchbox', { name: 'Find' })
  await expect(box).toBeFocused()
  await box.fill('invoice')
  const count = rep.page.getByRole('search', { name: 'Find in session' }).getByRole('status')
  await expect(count).toHaveText('3 of 3')
  const current = log.locator('article[aria-current="true"]')
  await expect(current).toContainText('Invoice number 1490')
  await rep.page.getByRole('button', { name: 'Previous match' }).click()
  await expect(count).toHaveText('2 of 3')
  await expect(current).toContainText('Invoice number 700')
  await expect(current).toBeInViewport()
  await box.press('Shift+Enter')
  await expect(count).toHaveText('1 of 3')
  await expect(current).toContainText('Invoice number 20')
  await expect(current).toBeInViewport()
  await expect(current.locator('mark')).toHaveText('Invoice')
  await rep.page.getByRole('button', { name: 'Next match' }).click()
  await expect(count).toHaveText('2 of 3')
  await box.press('Enter')
  await box.press('Enter')
  await expect(count).toHaveText('1 of 3') // wraps round
  await box.fill('no such words')
  await expect(count).toHaveText('No matches')
  await box.press('Escape')
  await expect(box).toHaveCount(0)
  // The toolbar button opens it too.
  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Find in session' }).click()
  await expect(rep.page.getByRole('searchbox', { name: 'Find' })).toBeFocused()
})

test('Emoji opens a dialog of named emoji; the choice goes in at the caret, in English and Spanish', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson('es')
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  const box = rep.page.getByRole('textbox', { name: 'Message' })
  await box.fill('Hello world')
  await box.press('Home')
  for (let i = 0; i < 5; i++) await box.press('ArrowRight')
  await rep.page.getByRole('button', { name: 'Emoji' }).click()
  const dialog = rep.page.getByRole('dialog', { name: 'Emoji' })
  await dialog.getByRole('searchbox', { name: 'Search emoji' }).fill('wav')
  await dialog.getByRole('button', { name: 'waving hand (hello, goodbye)' }).click()
  await expect(dialog).toBeHidden()
  await expect(box).toHaveValue('Hello👋 world')
  await expect(box).toBeFocused()
  await rep.page.keyboard.type('!')
  await expect(box).toHaveValue('Hello👋! world')

  await customer.page.goto(link.replace('/#/', '/?lang=es#/'))
  await customer.page.getByRole('textbox', { name: 'Su nombre' }).fill('Carla')
  await customer.page.getByRole('textbox', { name: 'Describa su problema' }).fill('No imprime')
  await customer.page.getByRole('button', { name: 'Iniciar chat' }).click()
  await customer.page.getByRole('button', { name: 'Emoji' }).click()
  await customer.page.getByRole('dialog', { name: 'Emoji' }).getByRole('button', { name: 'pulgar hacia arriba' }).click()
  await expect(customer.page.getByRole('textbox', { name: 'Mensaje' })).toHaveValue('👍')
})

test('after the end the customer rates the chat 1–5; the rating reaches the rep, and History shows it', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'thanks, it prints now')
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).toContainText('thanks, it prints now')
  await expect(customer.page.getByRole('radiogroup', { name: 'Rate this chat' })).toHaveCount(0) // only after the end

  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'End session' }).click()
  const end = rep.page.getByRole('dialog', { name: 'End session' })
  await end.getByRole('radio', { name: 'Resolved', exact: true }).check()
  await end.getByRole('button', { name: 'End' }).click()

  const rating = customer.page.getByRole('radiogroup', { name: 'Rate this chat' })
  await expect(rating).toBeVisible()
  await expect(rating.getByRole('radio')).toHaveCount(5)
  await customer.page.getByRole('button', { name: 'Send rating' }).click()
  await expect(customer.page.getByRole('alert')).toHaveText('Choose from 1 to 5 first.')
  await rating.getByRole('radio', { name: '4', exact: true }).check()
  await customer.page.getByRole('button', { name: 'Send rating' }).click()
  await expect(customer.page.getByRole('status').filter({ hasText: 'Thank you: you rated this chat 4 of 5.' })).toBeVisible()
  await expect(rating).toHaveCount(0)
  await expect(customer.page.getByRole('log', { name: 'Transcript' })).toContainText('You rated this chat 4 of 5')

  const repLog = rep.page.getByRole('log', { name: 'Transcript' })
  await expect(repLog.locator('article[data-kind="status"]').filter({ hasText: 'Carla rated this chat 4 of 5' })).toHaveCount(1, { timeout: 15_000 })
  await rep.page.getByRole('button', { name: 'Close session' }).click()
  await rep.page.getByRole('link', { name: 'History' }).click()
  const row = rep.page.getByRole('list', { name: 'Past sessions' }).getByRole('listitem').filter({ hasText: 'Carla' })
  await expect(row).toContainText('Rating: 4 of 5')
  await row.getByRole('button', { name: 'Open transcript' }).click()
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).toContainText('Carla rated this chat 4 of 5')
})

/** Makes a page look hidden (another tab in front) or visible again, as the browser would tell it. */
async function setHidden(page: import('@playwright/test').Page, hidden: boolean): Promise<void> {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (isHidden ? 'hidden' : 'visible') })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)
}

test('the customer page: own messages go Delivered then Seen, the connection in plain words, unread count in the title', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const connection = customer.page.getByRole('status', { name: 'Connection' })
  await expect(connection).toHaveText('Your representative is here')
  await expect(connection).not.toContainText(/\d/) // no peer counts

  // The rep's page is behind another tab: the message reaches the rep's device but is not seen.
  await setHidden(rep.page, true)
  await say(customer.page, 'is anyone there?')
  const mine = customer.page.getByRole('log', { name: 'Transcript' }).getByRole('article').filter({ hasText: 'is anyone there?' })
  await expect(mine.locator('.entry__delivery')).toHaveText(/Delivered$/, { timeout: 15_000 })
  await setHidden(rep.page, false)
  await expect(mine.locator('.entry__delivery')).toHaveText(/Seen$/)

  // The customer looks elsewhere; the rep's answers are counted in the title until the page is seen again.
  const title = await customer.page.title()
  await setHidden(customer.page, true)
  await say(rep.page, 'Yes, I am here')
  await say(rep.page, 'How can I help?')
  await expect(customer.page).toHaveTitle(`(2) ${title}`)
  await setHidden(customer.page, false)
  await expect(customer.page).toHaveTitle(title)

  // The rep's link is cut: plain words, not "0 connected".
  await rep.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await expect(connection).toHaveText('Waiting for your representative', { timeout: 20_000 })
})

test('system facts come from client hints where the browser has them: Windows 11 told from 10', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  // Stands in for Chromium on Windows 11 (this machine is Linux): the product calls the real API.
  await customer.context.addInitScript(() => {
    Object.defineProperty(navigator, 'userAgentData', {
      configurable: true,
      value: { getHighEntropyValues: () => Promise.resolve({ platform: 'Windows', platformVersion: '15.0.0', fullVersionList: [{ brand: 'Not=A?Brand', version: '8.0.0.0' }, { brand: 'Google Chrome', version: '131.0.6778.86' }] }) },
    })
  })
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await customer.page.goto(link.replace('/#/', '/?lang=en&debug=1#/'))
  await customer.page.getByRole('textbox', { name: 'Your name' }).fill('Carla')
  await customer.page.getByRole('textbox', { name: 'Describe your problem' }).fill('No printing')
  await customer.page.getByRole('checkbox', { name: 'Share my system information' }).check()
  await customer.page.getByRole('button', { name: 'Start chat' }).click()
  const details = rep.page.locator('dl.details').first()
  await expect(details).toContainText('Windows 11', { timeout: 15_000 })
  await expect(details).toContainText('Chrome 131.0.6778.86')
  // Client hints answered: the user agent parser's chunk was never fetched.
  expect(await parserFetched(customer.page)).toBe(false)
})

/** Whether the page fetched ua-parser-js's lazily loaded chunk (resource timing also sees service-worker answers). */
function parserFetched(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/ua-parser-[^/]*\.js$/.test(entry.name)))
}

test('without client hints (Firefox, Safari) the system facts come from ua-parser-js, loaded only then', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson('en', { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0' })
  // Stands in for Firefox: no navigator.userAgentData.
  await customer.context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'userAgentData', { configurable: true, get: () => undefined })
  })
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await customer.page.goto(link.replace('/#/', '/?lang=en&debug=1#/'))
  await customer.page.getByRole('textbox', { name: 'Your name' }).fill('Carla')
  await customer.page.getByRole('textbox', { name: 'Describe your problem' }).fill('No printing')
  await customer.page.getByRole('checkbox', { name: 'Share my system information' }).check()
  await expect.poll(() => parserFetched(customer.page)).toBe(true)
  await customer.page.getByRole('button', { name: 'Start chat' }).click()
  const details = rep.page.locator('dl.details').first()
  await expect(details).toContainText('Windows 10 or 11', { timeout: 15_000 })
  await expect(details).toContainText('Firefox 128.0')
})

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, es }

/** axe's full default rule set (best practices included) on a page: no violations, and it checked something. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(summary, `axe violations in ${where}`).toEqual([])
  expect(results.passes.length, `axe checked nothing in ${where}`).toBeGreaterThan(5)
}

// English in the light theme, Spanish in the dark one (contrast of marks, code and stars included).
for (const [lang, colorScheme] of [['en', 'light'], ['es', 'dark']] as const) {
  test(`no axe violations: rich messages, find in session, emoji, a received image and the rating (${lang}, ${colorScheme})`, async ({ newPerson }, info) => {
    test.setTimeout(90_000)
    const t = (key: MessageKey): string => CATALOGS[lang][key]
    const rep = await newPerson(lang, { colorScheme })
    const customer = await newPerson(lang, { colorScheme })
    await rep.page.goto(`/?lang=${lang}&debug=1#/`)
    await rep.page.getByRole('textbox', { name: t('profile.name') }).fill('Ana Rep')
    await rep.page.getByRole('button', { name: t('profile.save') }).click()
    await rep.page.getByRole('button', { name: t('console.newSession') }).click()
    const link = await rep.page.getByRole('textbox', { name: t('console.customerLink') }).inputValue()
    await customer.page.goto(link.replace('/#/', `/?lang=${lang}&debug=1#/`))
    await customer.page.getByRole('textbox', { name: t('customer.name') }).fill('Carla')
    await customer.page.getByRole('textbox', { name: t('customer.request') }).fill('VPN')
    await customer.page.getByRole('button', { name: t('customer.start') }).click()
    const customerBox = customer.page.getByRole('textbox', { name: t('composer.label') })
    await customerBox.fill('my **printer** says `E-42`, see https://example.com/e42')
    await customerBox.press('Enter')
    const repBox = rep.page.getByRole('textbox', { name: t('composer.label') })
    await repBox.fill('_Try_:\n\n1. **Restart** it\n2. open [the guide](https://example.com/guide)\n\n```\nlpstat -p\n```')
    await repBox.press('Enter')
    await expect(rep.page.getByRole('log', { name: t('transcript.label') }).locator('strong').first()).toBeVisible()
    await expect(customer.page.getByRole('log', { name: t('transcript.label') }).locator('pre code')).toBeVisible()

    const path = info.outputPath('photo.png')
    await writeFile(path, png(320, 200))
    const chooser = customer.page.waitForEvent('filechooser')
    await customer.page.getByRole('button', { name: t('files.sendTool') }).click()
    await (await chooser).setFiles(path)
    await rep.page.getByRole('dialog', { name: t('files.offerTitle') }).getByRole('button', { name: t('files.accept') }).click()
    await expect(rep.page.getByRole('img', { name: 'photo.png' })).toBeVisible({ timeout: 15_000 })

    await rep.page.getByRole('toolbar', { name: t('tools.label') }).getByRole('button', { name: t('find.tool') }).click()
    await rep.page.getByRole('searchbox', { name: t('find.label') }).fill('printer')
    await expect(rep.page.locator('mark.find-hit').first()).toBeVisible()
    await expectNoAxeViolations(rep.page, 'rep: rich messages, image preview and find')
    await customer.page.getByRole('button', { name: t('find.tool') }).click()
    await customer.page.getByRole('searchbox', { name: t('find.label') }).fill('guide')
    await expect(customer.page.locator('mark.find-hit').first()).toBeVisible()
    await expectNoAxeViolations(customer.page, 'customer: rich messages and find')
    await rep.page.getByRole('button', { name: t('emoji.button') }).click()
    await expect(rep.page.getByRole('dialog', { name: t('emoji.dialog') })).toBeVisible()
    await expectNoAxeViolations(rep.page, 'rep: emoji dialog')
    await rep.page.keyboard.press('Escape')

    await rep.page.getByRole('toolbar', { name: t('tools.label') }).getByRole('button', { name: t('tools.endSession') }).click()
    const end = rep.page.getByRole('dialog', { name: t('end.title') })
    await end.getByRole('radio', { name: t('end.resolved'), exact: true }).check()
    await end.getByRole('button', { name: t('end.end') }).click()
    await expect(customer.page.getByRole('radiogroup', { name: t('rating.group') })).toBeVisible()
    await customer.page.getByRole('button', { name: t('rating.send') }).click()
    await expect(customer.page.getByRole('alert')).toHaveText(t('rating.choose'))
    await expectNoAxeViolations(customer.page, 'customer: rating with an error')
    await customer.page.getByRole('radio', { name: '5', exact: true }).check()
    await customer.page.getByRole('button', { name: t('rating.send') }).click()
    await expect(customer.page.getByRole('radiogroup', { name: t('rating.group') })).toHaveCount(0)
    await expectNoAxeViolations(customer.page, 'customer: rated')
  })
}
