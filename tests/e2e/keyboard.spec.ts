// Keyboard only: a rep creates a session, chats, pushes a URL, switches
// sessions and ends one without a single pointer event.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { expectChat, joinAsCustomer } from './people'

/** Presses Tab until `target` has focus (what a keyboard user does); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`could not reach ${target.toString()} with Tab`)
}

/** Moves with arrow keys inside a toolbar until the named button has focus. */
async function arrowTo(page: Page, target: Locator, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('ArrowRight')
  }
  throw new Error(`could not reach ${target.toString()} with arrows`)
}

test('a rep works the whole session from the keyboard (scripted message included), with no pointer events', async ({ newPerson }) => {
  test.setTimeout(90_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const page = rep.page
  await page.addInitScript(() => {
    ;(window as unknown as { pointerEvents: number }).pointerEvents = 0
    window.addEventListener('pointerdown', () => ((window as unknown as { pointerEvents: number }).pointerEvents += 1), true)
  })
  await page.goto('/?lang=en&debug=1#/')

  await tabTo(page, page.getByRole('textbox', { name: 'Your name' }))
  await page.keyboard.type('Kim Keys')
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('button', { name: 'New session' }))
  await page.keyboard.press('Enter')
  const link = await page.getByRole('textbox', { name: 'Customer link' }).inputValue()
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await tabTo(page, page.getByRole('textbox', { name: 'Message' }))
  await page.keyboard.type('Hello from the keyboard')
  await page.keyboard.press('Enter')
  await expectChat(customer.page, ['Hello from the keyboard'])

  // A scripted message: build the library and insert the script, all from the keyboard.
  await page.keyboard.press('Alt+Shift+KeyS')
  const picker = page.getByRole('dialog', { name: 'Scripted messages' })
  await expect(picker.getByRole('searchbox', { name: 'Search' })).toBeFocused()
  await tabTo(page, picker.getByRole('button', { name: 'Manage scripts' }))
  await page.keyboard.press('Enter')
  const library = page.getByRole('dialog', { name: 'Manage scripts' })
  await tabTo(page, library.getByRole('button', { name: 'Add script' }))
  await page.keyboard.press('Enter')
  await tabTo(page, library.getByRole('textbox', { name: 'Title' }))
  await page.keyboard.type('Thanks')
  await tabTo(page, library.getByRole('textbox', { name: 'Text' }))
  await page.keyboard.type('Thank you {{customer.name}}!')
  await tabTo(page, library.getByRole('button', { name: 'Save' }))
  await page.keyboard.press('Enter')
  await expect(library.getByRole('button', { name: 'Edit Thanks' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await tabTo(page, page.getByRole('textbox', { name: 'Message' }))
  await page.keyboard.type('/than')
  await expect(picker.getByRole('searchbox', { name: 'Search' })).toHaveValue('than')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('Thank you Carla!')
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectChat(customer.page, ['Hello from the keyboard', 'Thank you Carla!'])

  const toolbar = page.getByRole('toolbar', { name: 'Session tools' })
  await tabTo(page, toolbar.getByRole('button').first())
  await arrowTo(page, toolbar.getByRole('button', { name: 'Push URL' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Push URL' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'URL' })).toBeFocused()
  await page.keyboard.type('https://example.com/keyboard')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Push URL' })).toHaveCount(0)
  await expect(customer.page.getByRole('link', { name: 'https://example.com/keyboard' }).first()).toBeVisible()

  // A second session, then back to the first with the arrow keys in the tablist.
  await tabTo(page, page.getByRole('button', { name: 'New session' }), 60)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tab')).toHaveCount(2)
  await tabTo(page, page.getByRole('tab', { selected: true }))
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: /^Carla/ })).toHaveAttribute('aria-selected', 'true')

  await tabTo(page, toolbar.getByRole('button').first())
  await arrowTo(page, toolbar.getByRole('button', { name: 'End session' }))
  await page.keyboard.press('Enter')
  const end = page.getByRole('dialog', { name: 'End session' })
  await tabTo(page, end.getByRole('radio', { name: 'Resolved', exact: true }))
  await page.keyboard.press('Space')
  await tabTo(page, end.getByRole('button', { name: 'End' }))
  await page.keyboard.press('Enter')
  await expect(customer.page.getByText('The representative ended this session. Thank you!')).toBeVisible()

  expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0)
})

test('a new customer message reaches the screen reader live region exactly once', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await rep.page.goto('/?lang=en#/')
  await rep.page.getByRole('textbox', { name: 'Your name' }).fill('Ana Rep')
  await rep.page.getByRole('button', { name: 'Save profile' }).click()
  await rep.page.getByRole('button', { name: 'New session' }).click()
  const link = await rep.page.getByRole('textbox', { name: 'Customer link' }).inputValue()
  await joinAsCustomer(customer.page, link, 'Carla')
  // Record every text the live regions of the rep's page ever get, and how often the log is told to speak.
  await rep.page.evaluate(() => {
    const heard: string[] = []
    ;(window as unknown as { heard: string[] }).heard = heard
    new MutationObserver((records) => {
      for (const record of records) {
        const region = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest('[aria-live]:not([aria-live="off"])')
        if (region && region.textContent) heard.push(region.textContent)
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await customer.page.getByRole('textbox', { name: 'Message' }).fill('Is anyone there?')
  await customer.page.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).toContainText('Is anyone there?')
  // Scroll the transcript so the virtual list re-renders rows: nothing more may be announced.
  await rep.page.getByRole('log', { name: 'Transcript' }).evaluate((el) => el.scrollTo(0, 0))
  await rep.page.getByRole('log', { name: 'Transcript' }).evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).toHaveAttribute('aria-live', 'off')
  await expect.poll(() => rep.page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((text) => text.includes('Is anyone there?')).length)).toBe(1)
})

test('session shortcuts: message box, reps only, panel; and the console stays usable at 200% text size', async ({ newPerson }) => {
  const rep = await newPerson('en', { viewport: { width: 1024, height: 768 } })
  const page = rep.page
  await page.goto('/?lang=en#/')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ana Rep')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await page.getByRole('button', { name: 'New session' }).click()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible() // the session view (and its shortcuts) is up
  await page.getByRole('button', { name: 'New session' }).focus()

  await page.keyboard.press('Alt+Shift+KeyM')
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused()
  await page.keyboard.press('Alt+Shift+KeyR')
  await expect(page.getByRole('combobox', { name: 'Send to' })).toHaveValue('reps')
  await page.keyboard.press('Alt+Shift+KeyR')
  await expect(page.getByRole('combobox', { name: 'Send to' })).toHaveValue('all')
  await page.keyboard.press('Alt+Shift+KeyP')
  await expect(page.getByRole('complementary', { name: 'Session panel' })).toHaveCount(0)
  await page.keyboard.press('Alt+Shift+KeyP')
  await expect(page.getByRole('complementary', { name: 'Session panel' })).toBeVisible()

  // Text zoom to 200%: the page reflows (vertical scrolling only, WCAG 1.4.4 / 1.4.10) and the message box still works.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  const box = page.getByRole('textbox', { name: 'Message' })
  await box.scrollIntoViewIfNeeded() // reachable by scrolling the page, not clipped away
  await box.focus()
  await expect(box).toBeInViewport()
  await page.keyboard.type('still usable')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('log', { name: 'Transcript' })).toContainText('still usable')
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
})
