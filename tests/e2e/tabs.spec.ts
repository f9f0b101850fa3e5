// Several customers at once (issue 5): session tabs with unread counts and
// idle colours, chat preferences, keyboard switching, per-tab drafts and
// scroll, tabs restored after a reload, notifications while hidden.
// One browser context per person.
import type { Page } from '@playwright/test'
import { test, expect, type NewPerson } from './fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from './people'

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) })
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' })

/** Opens `Chat preferences` and returns the dialog. */
async function openPrefs(page: Page) {
  await page.getByRole('button', { name: 'Preferences' }).click()
  const dialog = page.getByRole('dialog', { name: 'Chat preferences' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** Sets the idle thresholds through the dialog and closes it. */
async function setThresholds(page: Page, yellow: number, red: number): Promise<void> {
  const dialog = await openPrefs(page)
  await dialog.getByRole('spinbutton', { name: 'Yellow after (seconds)' }).fill(String(yellow))
  await dialog.getByRole('spinbutton', { name: 'Red after (seconds)' }).fill(String(red))
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden() // until then the modal hides the page from the accessibility tree
}

/** A rep with two customers, Carla (first tab) and Diego (second tab, in front). */
async function repWithTwoCustomers(newPerson: NewPerson) {
  const rep = await newPerson()
  const carla = await newPerson()
  const diego = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await joinAsCustomer(carla.page, await newSession(rep.page), 'Carla')
  await expect(tab(rep.page, 'Carla')).toBeVisible()
  await joinAsCustomer(diego.page, await newSession(rep.page), 'Diego')
  await expect(tab(rep.page, 'Diego')).toHaveAttribute('aria-selected', 'true')
  return { rep, carla, diego }
}

test('chat preferences validate the idle thresholds, save only valid values and apply at once', async ({ newPerson }) => {
  const rep = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const page = rep.page
  let dialog = await openPrefs(page)
  const yellow = dialog.getByRole('spinbutton', { name: 'Yellow after (seconds)' })
  const red = dialog.getByRole('spinbutton', { name: 'Red after (seconds)' })
  await expect(yellow).toHaveValue('60')
  await expect(red).toHaveValue('180')

  await yellow.fill('30')
  await red.fill('30')
  await expect(dialog.getByRole('alert')).toHaveText('Red after must be more than Yellow after. Not saved.')
  await expect(red).toHaveAttribute('aria-invalid', 'true')
  await red.fill('-4')
  await expect(dialog.getByRole('alert')).toContainText('Red after must be a whole number of seconds')
  await yellow.fill('')
  await expect(dialog.getByRole('alert')).toContainText('Yellow after must be a whole number of seconds')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden() // until then the modal hides the page from the accessibility tree

  // Only the valid change (yellow 30, red still 180) was saved; the invalid ones were not.
  await page.reload()
  dialog = await openPrefs(page)
  await expect(dialog.getByRole('spinbutton', { name: 'Yellow after (seconds)' })).toHaveValue('30')
  await expect(dialog.getByRole('spinbutton', { name: 'Red after (seconds)' })).toHaveValue('180')

  // The default font size steps through the allowed sizes and applies at once.
  const font = dialog.getByRole('spinbutton', { name: 'Default font size' })
  await expect(font).toHaveValue('100')
  await font.press('ArrowUp')
  await expect(font).toHaveValue('115')
  await font.fill('101')
  await expect(dialog.getByRole('alert')).toContainText('Default font size must be one of 90, 100, 115, 130, 150')
  await font.fill('130')
  await expect(dialog.getByRole('alert')).toHaveCount(0)

  const sound = dialog.getByRole('checkbox', { name: 'Chat sound' })
  await expect(sound).toBeChecked()
  await sound.uncheck()

  // Language applies at once, in the dialog too.
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('es')
  dialog = page.getByRole('dialog', { name: 'Preferencias del chat' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Idioma' }).selectOption('en')
  dialog = page.getByRole('dialog', { name: 'Chat preferences' })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden() // until then the modal hides the page from the accessibility tree

  await page.reload()
  dialog = await openPrefs(page)
  await expect(dialog.getByRole('spinbutton', { name: 'Default font size' })).toHaveValue('130')
  await expect(dialog.getByRole('checkbox', { name: 'Chat sound' })).not.toBeChecked()
  expect(rep.errors.list).toEqual([])
})

test('a tab turns green → yellow → red after the rep’s last message to that customer; only a message to the customer resets it', async ({ newPerson, baseURL }) => {
  const { rep, carla } = await repWithTwoCustomers(newPerson)
  const page = rep.page
  await setThresholds(page, 3, 6)
  const carlaTab = tab(page, 'Carla')
  const diegoTab = tab(page, 'Diego')

  await carlaTab.click()
  await say(page, 'Hi Carla, I am Ana.')
  await expect(carlaTab).toHaveAttribute('data-idle', 'green')
  await expect(carlaTab).toHaveAccessibleName(/^Carla, idle \d sec$/)

  // The clock ticks the tab, not the transcript: no node of the log changes meanwhile. First let the
  // message's own delivery state settle (Carla's page is in front, so it ends as seen): that is news, not the clock.
  await expect(page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"]').last()).toHaveAttribute('data-delivery', 'seen', { timeout: 20_000 })
  await page.getByRole('log', { name: 'Transcript' }).evaluate((log) => {
    const seen = { mutations: 0 }
    new MutationObserver((records) => (seen.mutations += records.length)).observe(log, { subtree: true, childList: true, characterData: true, attributes: true })
    ;(window as unknown as { logMutations: typeof seen }).logMutations = seen
  })
  // Wall-clock thresholds are the feature here: poll until they pass.
  await expect.poll(() => carlaTab.getAttribute('data-idle'), { timeout: 10_000 }).toBe('yellow')
  await expect.poll(() => carlaTab.getAttribute('data-idle'), { timeout: 10_000 }).toBe('red')
  expect(await page.evaluate(() => (window as unknown as { logMutations: { mutations: number } }).logMutations.mutations)).toBe(0)
  await expect(carlaTab).toHaveAccessibleName(/^Carla, idle \d+ sec$/)
  await expect(carlaTab.locator('.tabs__idle')).toHaveText('■') // a shape as well as a colour

  // The customer's own message and a pushed URL (and its status note) do not reset it.
  await say(carla.page, 'Still there?')
  await expectChat(page, ['Hi Carla, I am Ana.', 'Still there?'])
  const url = new URL('icon.svg?pushed', baseURL).href
  await page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Push URL' }).click()
  const push = page.getByRole('dialog', { name: 'Push URL' })
  await push.getByRole('textbox', { name: 'URL' }).fill(url)
  await push.getByRole('button', { name: 'Push' }).click()
  await expect(page.locator('article[data-kind="url"]')).toHaveCount(1)
  await expect(page.locator('article[data-kind="status"]').filter({ hasText: url })).toHaveCount(1)
  await expect(carlaTab).toHaveAttribute('data-idle', 'red')

  // Diego was never answered; answering Carla resets Carla only.
  await expect.poll(() => diegoTab.getAttribute('data-idle'), { timeout: 10_000 }).toBe('red')
  await say(page, 'Yes, I am here.')
  await expect(carlaTab).toHaveAttribute('data-idle', 'green')
  await expect(diegoTab).toHaveAttribute('data-idle', 'red')
  expect(rep.errors.list).toEqual([])
})

test('arrow keys and shortcuts switch sessions; each tab keeps its draft and scroll; unread counts clear on selection', async ({ newPerson }) => {
  const { rep, carla, diego } = await repWithTwoCustomers(newPerson)
  const page = rep.page
  const carlaTab = tab(page, 'Carla')
  const diegoTab = tab(page, 'Diego')

  // Enough of a conversation with Diego to scroll.
  for (let i = 1; i <= 24; i++) await say(page, `Step ${i}: please check line ${i} of the settings.`)
  const log = page.getByRole('log', { name: 'Transcript' })
  await log.evaluate((el) => el.scrollTo(0, 120))
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible()
  await composer(page).fill('draft for Diego')

  // Roving focus in the tablist: the arrow moves focus and selection.
  await diegoTab.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(carlaTab).toBeFocused()
  await expect(carlaTab).toHaveAttribute('aria-selected', 'true')
  await expect(carlaTab).toHaveAttribute('tabindex', '0')
  await expect(diegoTab).toHaveAttribute('tabindex', '-1')
  await expect(composer(page)).toHaveValue('')
  await composer(page).fill('draft for Carla')
  await page.keyboard.press('End')
  await expect(composer(page)).toHaveValue('draft for Carla') // keys in the composer stay in the composer
  await carlaTab.focus()
  await page.keyboard.press('End')
  await expect(diegoTab).toBeFocused()
  await page.keyboard.press('Home')
  await expect(carlaTab).toHaveAttribute('aria-selected', 'true')

  // Shortcuts from the composer keep the rep typing in the next session's composer.
  await composer(page).focus()
  await page.keyboard.press('Alt+Shift+ArrowDown')
  await expect(diegoTab).toHaveAttribute('aria-selected', 'true')
  await expect(composer(page)).toBeFocused()
  await expect(composer(page)).toHaveValue('draft for Diego')
  expect(await log.evaluate((el) => el.scrollTop)).toBe(120)
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible()
  await page.keyboard.press('Alt+Shift+ArrowUp')
  await expect(carlaTab).toHaveAttribute('aria-selected', 'true')
  await expect(composer(page)).toHaveValue('draft for Carla')

  // Diego writes while Carla is in front: his tab counts, then Alt+Shift+U goes there and clears it.
  await say(diego.page, 'Done with step 24.')
  await say(diego.page, 'What next?')
  await expect(diegoTab).toHaveAccessibleName(/^Diego, 2 unread, idle/)
  await expect(diegoTab).toHaveAttribute('data-unread', '2')
  await say(carla.page, 'I can wait.')
  await expectChat(page, ['I can wait.'])
  await expect(carlaTab).not.toHaveAttribute('data-unread')
  await page.keyboard.press('Alt+Shift+U')
  await expect(diegoTab).toHaveAttribute('aria-selected', 'true')
  await expect(diegoTab).not.toHaveAttribute('data-unread')
  await expect(diegoTab).toHaveAccessibleName(/^Diego, idle/)
  await expect(composer(page)).toHaveValue('draft for Diego')

  // A click selects too; the drafts are still there.
  await carlaTab.click()
  await expect(composer(page)).toHaveValue('draft for Carla')
  expect(rep.errors.list).toEqual([])
})

test('the set and order of open tabs and the one in front survive a reload and an offline start', async ({ newPerson }) => {
  const rep = await newPerson()
  const page = rep.page
  await startRep(page, 'Ana Rep')
  for (let i = 0; i < 3; i++) await newSession(page)
  const tabIds = () => page.getByRole('tab').evaluateAll((tabs) => tabs.map((el) => el.id))
  const before = await tabIds()
  expect(before).toHaveLength(3)
  await page.getByRole('tab').nth(1).click()

  await page.reload()
  await expect(page.getByRole('tab')).toHaveCount(3)
  expect(await tabIds()).toEqual(before)
  await expect(page.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true')

  // Offline: the service worker serves the app, IndexedDB and local storage the rest.
  await page.evaluate(() => navigator.serviceWorker.ready)
  await rep.context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('tab')).toHaveCount(3)
  expect(await tabIds()).toEqual(before)
  await expect(page.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tab').nth(1)).toHaveAttribute('data-idle', /green|yellow|red/)
  await rep.context.setOffline(false)
})

type NotifyLog = { requests: number; shown: { title: string; body: string; tag: string; onclick: (() => void) | null }[]; badges: number[]; beeps: number }

test('a customer message while the console is hidden beeps, shows a notification and badges the app; clicking it opens that tab', async ({ newPerson }) => {
  const rep = await newPerson()
  const carla = await newPerson()
  // Test doubles for the browser, not the product: a recording Notification whose permission
  // is granted on request, a page-visibility switch, the app badge and the beep's oscillator.
  await rep.context.addInitScript(() => {
    const log: NotifyLog = { requests: 0, shown: [], badges: [], beeps: 0 }
    const w = window as unknown as Record<string, unknown>
    w.notifyLog = log
    class FakeNotification {
      static permission: NotificationPermission = 'default'
      static async requestPermission() {
        log.requests++
        FakeNotification.permission = 'granted'
        return 'granted'
      }
      onclick: (() => void) | null = null
      constructor(readonly title: string, options: NotificationOptions = {}) {
        const entry = { title, body: options.body ?? '', tag: options.tag ?? '', onclick: null as (() => void) | null }
        Object.defineProperty(this, 'onclick', { set: (fn: () => void) => (entry.onclick = fn), get: () => entry.onclick })
        log.shown.push(entry)
      }
      close() {}
    }
    w.Notification = FakeNotification
    Object.defineProperty(navigator, 'setAppBadge', { value: async (count: number) => void log.badges.push(count) })
    Object.defineProperty(navigator, 'clearAppBadge', { value: async () => void log.badges.push(0) })
    const RealAudio = window.AudioContext
    w.AudioContext = class extends RealAudio {
      override createOscillator() {
        log.beeps++
        return super.createOscillator()
      }
    }
    let hidden = false
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
    w.setHidden = (next: boolean) => {
      hidden = next
      document.dispatchEvent(new Event('visibilitychange'))
    }
  })
  const notifyLog = () => rep.page.evaluate(() => (window as unknown as { notifyLog: NotifyLog }).notifyLog)
  const setHidden = (hidden: boolean) => rep.page.evaluate((next) => (window as unknown as { setHidden: (h: boolean) => void }).setHidden(next), hidden)

  await startRep(rep.page, 'Ana Rep')
  await joinAsCustomer(carla.page, await newSession(rep.page), 'Carla')
  await expect(tab(rep.page, 'Carla')).toBeVisible()
  expect((await notifyLog()).requests).toBe(0) // never asked without a user action

  const dialog = await openPrefs(rep.page)
  await dialog.getByRole('button', { name: 'Enable notifications' }).click()
  await expect(dialog.getByText('System notifications are on.')).toBeVisible()
  expect((await notifyLog()).requests).toBe(1)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden() // until then the modal hides the page from the accessibility tree

  // A second session in front, then the console goes to the background.
  await expect(tab(rep.page, 'Carla')).toBeVisible()
  await newSession(rep.page)
  await expect(tab(rep.page, 'Carla')).toHaveAttribute('aria-selected', 'false')
  await setHidden(true)
  await say(carla.page, 'Hello? My printer is on fire.')
  await expect.poll(async () => (await notifyLog()).shown.map(({ title, body }) => ({ title, body }))).toEqual([
    { title: 'New message from Carla', body: 'Hello? My printer is on fire.' },
  ])
  const log = await notifyLog()
  expect(log.beeps).toBe(1)
  expect(log.badges.at(-1)).toBe(1)
  await expect(tab(rep.page, 'Carla')).toHaveAttribute('data-unread', '1')

  await rep.page.evaluate(() => (window as unknown as { notifyLog: NotifyLog }).notifyLog.shown[0]?.onclick?.())
  await expect(tab(rep.page, 'Carla')).toHaveAttribute('aria-selected', 'true')
  await expect(tab(rep.page, 'Carla')).toBeFocused()
  await setHidden(false)
  await expect(tab(rep.page, 'Carla')).not.toHaveAttribute('data-unread')
  await expect.poll(async () => (await notifyLog()).badges.at(-1)).toBe(0)
  expect(rep.errors.list).toEqual([])
})
