// Accessibility, part two: axe-core on every view and dialog that
// a11y.spec.ts does not reach — the customer's screen-sharing and credentials
// dialogs, a file offer in the transcript (both sides), the rep's credentials
// reveal, the screen Viewer, the session menu and the remaining session dialogs, the script library and its
// editor, the variables form, History (list, search results, no results,
// read-only transcript, import error), the portal page and the bad-link page.
// A table of scenarios × (English + light, Spanish + dark); names come from the
// catalogs, so the Spanish run finds its controls by their Spanish names.
import { writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, type Lang, type NewPerson } from './fixtures'
import { en, es, type MessageKey } from '../../src/i18n/catalogs'

/** Fewer passing rules than this means axe saw an empty page; the smallest view here (the bad-link page) passes 9. */
const MIN_AXE_PASSES = 5

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, es }

/** The UI text of `key` in `lang`, with `{{param}}` filled in (as src/i18n does). */
type Translate = (key: MessageKey, params?: Record<string, string>) => string

function translator(lang: Lang): Translate {
  return (key, params = {}) => CATALOGS[lang][key].replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => params[name] ?? '')
}

/** What a scenario gets: people, the language's text and the axe check (which records where it ran). */
type Scenario = {
  name: string
  /** Every place the scenario must check: the test fails if one is skipped. */
  places: string[]
  run(ctx: { newPerson: NewPerson; lang: Lang; colorScheme: 'light' | 'dark'; t: Translate; check: (page: Page, where: string) => Promise<void> }, info: { outputPath: (name: string) => string }): Promise<void>
}

/** Replaces the operating system's screen picker with an animated canvas (runs in the page before the app). */
function fakeScreenPicker(): void {
  navigator.mediaDevices.getDisplayMedia = async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = 180
    const paint = canvas.getContext('2d')
    let frame = 0
    const draw = (): void => {
      frame += 1
      if (paint) {
        paint.fillStyle = `hsl(${frame % 360} 60% 45%)`
        paint.fillRect(0, 0, 320, 180)
      }
      requestAnimationFrame(draw)
    }
    draw()
    return canvas.captureStream(15)
  }
}

async function startRep(page: Page, lang: Lang, t: Translate, name = 'Ana Rep'): Promise<void> {
  await page.goto(`/?lang=${lang}&debug=1#/`)
  await page.getByRole('textbox', { name: t('profile.name') }).fill(name)
  await page.getByRole('button', { name: t('profile.save') }).click()
  await expect(page.getByRole('button', { name: t('console.newSession') })).toBeVisible()
}

async function newSession(page: Page, t: Translate): Promise<string> {
  // The new session must be in front before the caller goes on (the old one's link box would answer otherwise).
  const selected = page.getByRole('tab', { selected: true })
  const before = (await selected.count()) > 0 ? await selected.getAttribute('id') : null
  await page.getByRole('button', { name: t('console.newSession') }).click()
  if (before !== null) await expect(selected).not.toHaveAttribute('id', before)
  return page.getByRole('textbox', { name: t('console.customerLink') }).inputValue()
}

async function joinAsCustomer(page: Page, link: string, lang: Lang, t: Translate): Promise<void> {
  await page.goto(link.replace('/#/', `/?lang=${lang}&debug=1#/`))
  await page.getByRole('textbox', { name: t('customer.name') }).fill('Carla')
  await page.getByRole('textbox', { name: t('customer.request') }).fill('VPN')
  await page.getByRole('button', { name: t('customer.start') }).click()
  await expect(page.getByRole('textbox', { name: t('composer.label') })).toBeVisible()
}

async function say(page: Page, t: Translate, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: t('composer.label') })
  await box.fill(text)
  await box.press('Enter')
  await expect(box).toHaveValue('')
}

const SCENARIOS: Scenario[] = [
  {
    name: 'customer-side requests, the credentials reveal, the Viewer and the session menu',
    places: ['session menu', 'customer: screen sharing request', 'rep: screen thumbnail', 'rep: Viewer', 'customer: sharing', 'customer: file offer', 'rep: own file offer', 'customer: a file in the transcript', 'customer: credentials request', 'rep: credentials reveal', 'rep: Push URL with an error', 'customer: pushed link blocked', 'customer: ended'],
    async run({ newPerson, lang, colorScheme, t, check }, info) {
      const rep = await newPerson(lang, { colorScheme })
      const customer = await newPerson(lang, { colorScheme })
      await customer.context.addInitScript(fakeScreenPicker)
      await startRep(rep.page, lang, t)
      const link = await newSession(rep.page, t)
      await joinAsCustomer(customer.page, link, lang, t)
      await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()
      const tools = rep.page.getByRole('toolbar', { name: t('tools.label') })

      await rep.page.getByRole('button', { name: t('tools.menu') }).click()
      await expect(rep.page.getByRole('menuitem', { name: t('credentials.tool') })).toBeVisible()
      await check(rep.page, 'session menu')
      await rep.page.keyboard.press('Escape')

      await tools.getByRole('button', { name: t('screen.requestTool') }).click()
      const screenRequest = customer.page.getByRole('dialog', { name: t('screen.requestTitle') })
      await expect(screenRequest).toContainText('Ana Rep')
      await check(customer.page, 'customer: screen sharing request')
      await screenRequest.getByRole('button', { name: t('screen.share') }).click()
      const thumb = rep.page.getByLabel(t('screen.video'))
      await expect(thumb).toBeVisible({ timeout: 20_000 })
      await check(rep.page, 'rep: screen thumbnail')
      await thumb.dblclick()
      const viewer = rep.page.getByRole('dialog', { name: t('screen.viewer') })
      await expect(viewer.getByRole('button', { name: t('screen.fullScreen') })).toBeVisible()
      await check(rep.page, 'rep: Viewer')
      await viewer.getByRole('button', { name: t('tools.close') }).click()
      await expect(customer.page.getByRole('button', { name: t('screen.stop') })).toBeVisible()
      await check(customer.page, 'customer: sharing')

      const path = info.outputPath('notes.txt')
      await writeFile(path, 'printer log\n')
      const chooser = rep.page.waitForEvent('filechooser')
      await tools.getByRole('button', { name: t('files.sendTool') }).click()
      await (await chooser).setFiles(path)
      const offer = customer.page.getByRole('dialog', { name: t('files.offerTitle') })
      await expect(offer).toContainText('notes.txt')
      await check(customer.page, 'customer: file offer')
      await expect(rep.page.getByRole('group', { name: t('files.outgoingTitle') })).toContainText('notes.txt')
      await check(rep.page, 'rep: own file offer')
      await offer.getByRole('button', { name: t('files.accept') }).click()
      await expect(customer.page.getByRole('log', { name: t('transcript.label') }).getByRole('button', { name: t('files.save') })).toBeVisible()
      await check(customer.page, 'customer: a file in the transcript')

      await rep.page.getByRole('button', { name: t('tools.menu') }).click()
      await rep.page.getByRole('menuitem', { name: t('credentials.tool') }).click()
      const request = customer.page.getByRole('dialog', { name: t('credentials.requestTitle') })
      await expect(request).toContainText('Ana Rep')
      await check(customer.page, 'customer: credentials request')
      await request.getByRole('textbox', { name: t('credentials.user') }).fill('carla')
      await request.getByLabel(t('credentials.password')).fill('s3cret-pass')
      await request.getByRole('button', { name: t('credentials.send') }).click()
      const reveal = rep.page.getByRole('dialog', { name: t('credentials.revealTitle') })
      await expect(reveal).toContainText('s3cret-pass')
      await check(rep.page, 'rep: credentials reveal')
      await reveal.getByRole('button', { name: t('tools.close') }).click()

      // A popup blocker in the customer's browser: the pushed link waits in a banner with Open link.
      await customer.page.evaluate(() => (window.open = () => null))
      await tools.getByRole('button', { name: t('tools.pushUrl'), exact: true }).click()
      const push = rep.page.getByRole('dialog', { name: t('push.title') })
      await push.getByRole('textbox', { name: t('push.url') }).fill('javascript:alert(1)')
      await push.getByRole('button', { name: t('push.push'), exact: true }).click()
      await expect(push.getByRole('alert')).toBeVisible()
      await check(rep.page, 'rep: Push URL with an error')
      await push.getByRole('textbox', { name: t('push.url') }).fill('https://example.com/help')
      await push.getByRole('button', { name: t('push.push'), exact: true }).click()
      await expect(customer.page.getByRole('button', { name: t('customer.openLink') })).toBeVisible()
      await check(customer.page, 'customer: pushed link blocked')

      await tools.getByRole('button', { name: t('tools.endSession') }).click()
      const end = rep.page.getByRole('dialog', { name: t('end.title') })
      await end.getByRole('radio', { name: t('end.resolved'), exact: true }).check()
      await end.getByRole('button', { name: t('end.end'), exact: true }).click()
      await expect(customer.page.getByText(t('status.ended', { name: 'Ana Rep' }))).toBeVisible()
      await check(customer.page, 'customer: ended')
    },
  },
  {
    name: 'the remaining session dialogs, the script library and editor, the variables form and an ended session',
    places: ['Help', 'Transfer session', 'Scripted URLs', 'Manage scripts (empty)', 'script editor with errors', 'Manage scripts (one script)', 'Scripted messages', 'variables form', 'End session with error', 'rep: ended'],
    async run({ newPerson, lang, colorScheme, t, check }) {
      const rep = await newPerson(lang, { colorScheme })
      await startRep(rep.page, lang, t)
      await newSession(rep.page, t)
      const page = rep.page
      const tools = page.getByRole('toolbar', { name: t('tools.label') })
      const fromMenu = async (key: MessageKey): Promise<void> => {
        await page.getByRole('button', { name: t('tools.menu') }).click()
        await page.getByRole('menuitem', { name: t(key) }).click()
      }
      const closeDialog = async (): Promise<void> => {
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toHaveCount(0)
      }

      await fromMenu('tools.help')
      await expect(page.getByRole('dialog', { name: t('tools.helpTitle') })).toBeVisible()
      await check(page, 'Help')
      await closeDialog()
      await fromMenu('transfer.tool')
      await expect(page.getByRole('dialog', { name: t('transfer.title') })).toBeVisible()
      await check(page, 'Transfer session')
      await closeDialog()

      await tools.getByRole('button', { name: t('tools.scriptedUrl'), exact: true }).click()
      const urlPicker = page.getByRole('dialog', { name: t('scripts.pickerUrls') })
      await expect(urlPicker.getByRole('searchbox', { name: t('scripts.search') })).toBeFocused()
      await check(page, 'Scripted URLs')
      await urlPicker.getByRole('button', { name: t('scripts.manage') }).click()
      const library = page.getByRole('dialog', { name: t('scripts.manage') })
      await expect(library).toBeVisible()
      await check(page, 'Manage scripts (empty)')
      await library.getByRole('button', { name: t('scripts.add') }).click()
      await library.getByRole('button', { name: t('scripts.save') }).click() // empty: the form shows its errors
      await expect(library.locator('[aria-invalid="true"]').first()).toBeVisible()
      await check(page, 'script editor with errors')
      await library.getByRole('textbox', { name: t('scripts.title') }).fill('Ticket')
      await library.getByRole('textbox', { name: t('scripts.text') }).fill('Ticket {{ticket}} for {{customer.name}}')
      await library.getByRole('combobox', { name: t('scripts.category') }).fill('Openers')
      await library.getByRole('button', { name: t('scripts.save') }).click()
      await expect(library.getByRole('button', { name: t('scripts.edit', { title: 'Ticket' }) })).toBeVisible()
      await check(page, 'Manage scripts (one script)')
      await closeDialog()

      await tools.getByRole('button', { name: t('tools.scriptedMessage'), exact: true }).click()
      const picker = page.getByRole('dialog', { name: t('scripts.pickerMessages') })
      await expect(picker.getByRole('option', { name: 'Ticket' })).toBeVisible()
      await check(page, 'Scripted messages')
      await picker.getByRole('option', { name: 'Ticket' }).click()
      await expect(picker.getByRole('textbox', { name: 'ticket' })).toBeFocused()
      await check(page, 'variables form')
      await closeDialog()

      await tools.getByRole('button', { name: t('tools.endSession') }).click()
      const end = page.getByRole('dialog', { name: t('end.title') })
      await end.getByRole('button', { name: t('end.end'), exact: true }).click() // no outcome chosen: an error
      await expect(end.getByRole('alert')).toHaveText(t('end.outcomeRequired'))
      await check(page, 'End session with error')
      await end.getByRole('radio', { name: t('end.unknown') }).check()
      await end.getByRole('button', { name: t('end.end'), exact: true }).click()
      await expect(page.getByText(t('end.ended'))).toBeVisible()
      await check(page, 'rep: ended')
    },
  },
  {
    name: 'History: list, search results, no results, read-only transcript and a failed import',
    places: ['History list', 'search results', 'no results', 'read-only transcript', 'import error'],
    async run({ newPerson, lang, colorScheme, t, check }, info) {
      const rep = await newPerson(lang, { colorScheme })
      const page = rep.page
      await startRep(page, lang, t)
      await newSession(page, t)
      await say(page, t, 'La impresora térmica no imprime')
      await page.getByRole('link', { name: t('history.open') }).click()
      const rows = page.getByRole('list', { name: t('history.sessions') }).getByRole('listitem')
      await expect(rows).toHaveCount(1)
      await check(page, 'History list')
      const search = page.getByRole('searchbox', { name: t('history.search') })
      await search.fill('termica')
      await expect(page.getByRole('list', { name: t('history.results') }).locator('mark')).toHaveText(['térmica'])
      await check(page, 'search results')
      await search.fill('zzzz')
      await expect(page.getByText(t('history.noResults', { query: 'zzzz' }))).toBeVisible()
      await check(page, 'no results')
      await search.fill('')
      await rows.getByRole('button', { name: t('history.view') }).click()
      await expect(page.getByRole('log', { name: t('transcript.label') }).locator('article[data-kind="chat"]')).toHaveCount(1)
      await check(page, 'read-only transcript')
      const path = info.outputPath('not-an-archive.json')
      await writeFile(path, '{"nope":true}')
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: t('history.import') }).click()
      await (await chooser).setFiles(path)
      await expect(page.getByText(t('history.importFailed'))).toBeVisible()
      await check(page, 'import error')
    },
  },
  {
    name: 'the portal page (empty and with an error) and the bad-link page',
    places: ['portal', 'portal error', 'bad link'],
    async run({ newPerson, lang, colorScheme, t, check }) {
      const customer = await newPerson(lang, { colorScheme })
      const page = customer.page
      await page.goto(`/?lang=${lang}#/portal`)
      const code = page.getByRole('textbox', { name: t('portal.code') })
      await expect(code).toBeVisible()
      await check(page, 'portal')
      await code.fill('12')
      await page.getByRole('button', { name: t('portal.connect') }).click()
      await expect(page.getByText(t('portal.malformed'))).toBeVisible()
      await check(page, 'portal error')
      await page.goto(`/?lang=${lang}#/join/not-a-session`)
      await expect(page.getByRole('alert')).toHaveText(t('customer.badLink'))
      await check(page, 'bad link')
    },
  },
  {
    name: 'a console in use: delivery states, unread and idle tabs (yellow, red), a preferences error and a hidden rep',
    places: ['rep: delivery states', 'customer: messages both ways', 'prefs error', 'tabs: unread and yellow', 'tabs: red', 'rep: hidden'],
    async run({ newPerson, lang, colorScheme, t, check }) {
      const rep = await newPerson(lang, { colorScheme })
      const customer = await newPerson(lang, { colorScheme })
      const page = rep.page
      await startRep(page, lang, t)
      const link = await newSession(page, t)
      await joinAsCustomer(customer.page, link, lang, t)
      const carlaTab = page.getByRole('tab', { name: /^Carla/ })
      await expect(carlaTab).toBeVisible()
      await say(customer.page, t, 'hola')
      await say(page, t, 'buenas tardes')
      await expect(page.getByRole('log', { name: t('transcript.label') }).getByText(t('entry.delivery.seen'))).toBeVisible()
      await check(page, 'rep: delivery states')
      await expect(customer.page.getByRole('log').getByText('buenas tardes')).toBeVisible()
      await check(customer.page, 'customer: messages both ways')

      await page.getByRole('button', { name: t('prefs.open'), exact: true }).click()
      const prefs = page.getByRole('dialog', { name: t('prefs.title') })
      await prefs.getByRole('spinbutton', { name: t('prefs.yellowAfter') }).fill('1')
      await prefs.getByRole('spinbutton', { name: t('prefs.redAfter') }).fill('1')
      await expect(prefs.getByRole('alert')).toHaveText(t('prefs.error.redNotAboveYellow'))
      await check(page, 'prefs error')
      await prefs.getByRole('spinbutton', { name: t('prefs.redAfter') }).fill('600')
      await expect(prefs.getByRole('alert')).toHaveCount(0)
      await page.keyboard.press('Escape')
      await expect(prefs).toBeHidden()
      await newSession(page, t) // Carla's tab goes to the back and counts what she writes
      await say(customer.page, t, 'sigo aquí')
      await expect(carlaTab).toHaveAccessibleName(new RegExp(t('tabs.unread', { count: '1' })))
      await expect(carlaTab).toHaveAttribute('data-idle', 'yellow')
      await check(page, 'tabs: unread and yellow')
      await page.getByRole('button', { name: t('prefs.open'), exact: true }).click()
      await prefs.getByRole('spinbutton', { name: t('prefs.redAfter') }).fill('2')
      await page.keyboard.press('Escape')
      await expect(prefs).toBeHidden()
      await expect(carlaTab).toHaveAttribute('data-idle', 'red')
      await check(page, 'tabs: red')

      await carlaTab.click()
      page.once('dialog', (dialog) => void dialog.accept()) // the only visible rep is warned before hiding
      await page.getByRole('toolbar', { name: t('tools.label') }).getByRole('button', { name: t('hide.me') }).click()
      await expect(page.getByText(t('hide.hiddenHint'))).toBeVisible()
      await check(page, 'rep: hidden')
    },
  },
  {
    name: 'a team mate: the invite dialog with a candidate and the invitation banner',
    places: ['Teams with a member', 'Invite representative with a team mate', 'invitation banner'],
    async run({ newPerson, lang, colorScheme, t, check }) {
      const ana = await newPerson(lang, { colorScheme })
      const beto = await newPerson(lang, { colorScheme })
      await startRep(ana.page, lang, t, 'Ana Rep')
      await startRep(beto.page, lang, t, 'Beto Rep')
      await ana.page.getByRole('button', { name: t('team.button'), exact: true }).click()
      const anaTeams = ana.page.getByRole('dialog', { name: t('team.title') })
      const teamLink = await anaTeams.getByRole('textbox', { name: t('team.link') }).inputValue()
      await beto.page.getByRole('button', { name: t('team.button'), exact: true }).click()
      const betoTeams = beto.page.getByRole('dialog', { name: t('team.title') })
      await betoTeams.getByRole('textbox', { name: t('team.inviteLink') }).fill(teamLink)
      await betoTeams.getByRole('button', { name: t('team.join') }).click()
      await expect(anaTeams.getByRole('list', { name: t('team.members') })).toContainText('Beto Rep')
      await check(ana.page, 'Teams with a member')
      await ana.page.keyboard.press('Escape')
      await beto.page.keyboard.press('Escape')

      await newSession(ana.page, t)
      await ana.page.getByRole('toolbar', { name: t('tools.label') }).getByRole('button', { name: t('invite.tool') }).click()
      const invite = ana.page.getByRole('dialog', { name: t('invite.title') })
      await invite.getByRole('combobox', { name: t('invite.who') }).selectOption({ label: 'Beto Rep' })
      await invite.getByRole('textbox', { name: t('invite.comment') }).fill('VPN')
      await check(ana.page, 'Invite representative with a team mate')
      await invite.getByRole('button', { name: t('invite.send') }).click()
      const banner = beto.page.getByRole('region', { name: t('invite.title') })
      await expect(banner).toContainText('Ana Rep')
      await check(beto.page, 'invitation banner')
    },
  },
]

// English in the light theme, Spanish in the dark one: both languages and both themes (contrast included).
for (const [lang, colorScheme] of [['en', 'light'], ['es', 'dark']] as const) {
  for (const scenario of SCENARIOS) {
    test(`no axe violations: ${scenario.name} (${lang}, ${colorScheme})`, async ({ newPerson }, info) => {
      test.setTimeout(120_000)
      const checked: string[] = []
      const check = async (page: Page, where: string): Promise<void> => {
        const results = await new AxeBuilder({ page }).analyze() // axe's full default rule set, best practices included (not only the WCAG tags)
        const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join(', ')}`)
        expect(summary, `axe violations in ${where} (${lang}, ${colorScheme})`).toEqual([])
        expect(results.passes.length, `axe checked nothing in ${where}`).toBeGreaterThan(MIN_AXE_PASSES)
        checked.push(where)
      }
      await scenario.run({ newPerson, lang, colorScheme, t: translator(lang), check }, info)
      expect(checked).toEqual(scenario.places)
    })
  }
}
