// The console's dialogs and its session menu load their code on first use
// (src/views/shell/lazyPart.tsx). Each is pressed once on a cold page, by
// mouse in one person's browser and by Enter in another's: it must open on
// that one press, take focus, and give focus back to its button on Escape.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { newSession, startRep } from './people'

type Press = 'click' | 'Enter'

/** Presses `button` the way a person would: a mouse click, or Enter with the button focused. */
async function press(button: Locator, how: Press): Promise<void> {
  if (how === 'click') await button.click()
  else {
    await button.focus()
    await button.press('Enter')
  }
}

/** `button` opens the dialog named `title` on one press, focus moves into it, and Escape closes it with focus back on `button` (or on `returnsTo`). */
async function opensOnFirstPress(page: Page, button: Locator, title: string, how: Press, returnsTo = button): Promise<void> {
  await press(button, how)
  const dialog = page.getByRole('dialog', { name: title })
  await expect(dialog).toBeVisible()
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(returnsTo).toBeFocused()
}

/** A rep with one session open, on a page that has loaded none of the lazy parts yet. */
async function repWithSession(newPerson: () => Promise<{ page: Page }>): Promise<Page> {
  const { page } = await newPerson()
  await startRep(page, 'Lena Lazy')
  await newSession(page)
  return page
}

for (const how of ['click', 'Enter'] as const) {
  test(`each toolbar dialog opens on the first ${how}, takes focus and gives it back on Escape`, async ({ newPerson }) => {
    const page = await repWithSession(() => newPerson())
    const toolbar = page.getByRole('toolbar', { name: 'Session tools' })
    const dialogs: Array<[button: string, title: string]> = [
      ['Push URL', 'Push URL'],
      ['Invite representative', 'Invite representative'],
      ['Export transcript', 'Export transcript'],
      ['End session', 'End session'],
    ]
    for (const [button, title] of dialogs) await opensOnFirstPress(page, toolbar.getByRole('button', { name: button, exact: true }), title, how)
    // A dialog's own close button (here Cancel) closes it too, focus back on the opener.
    const push = toolbar.getByRole('button', { name: 'Push URL', exact: true })
    await press(push, how)
    await press(page.getByRole('dialog', { name: 'Push URL' }).getByRole('button', { name: 'Cancel' }), how)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(push).toBeFocused()
    // The scripted-message picker hands focus to the message box, where its text goes.
    await opensOnFirstPress(page, toolbar.getByRole('button', { name: 'Scripted message', exact: true }), 'Scripted messages', how, page.getByRole('textbox', { name: 'Message' }))
  })

  test(`the topbar dialogs open on the first ${how}, take focus and give it back on Escape`, async ({ newPerson }) => {
    const page = await repWithSession(() => newPerson())
    const topbar = page.getByRole('banner')
    await opensOnFirstPress(page, topbar.getByRole('button', { name: 'Team', exact: true }), 'Teams', how)
    await opensOnFirstPress(page, topbar.getByRole('button', { name: 'Portals', exact: true }), 'Portals', how)
    await opensOnFirstPress(page, topbar.getByRole('button', { name: 'Preferences', exact: true }), 'Chat preferences', how)
  })

  test(`the session menu opens on the first ${how} and its Help item opens the help dialog`, async ({ newPerson }) => {
    const page = await repWithSession(() => newPerson())
    const menuButton = page.getByRole('button', { name: 'Session menu' })
    await press(menuButton, how)
    const menu = page.getByRole('menu')
    await expect(menu).toBeVisible()
    // From the keyboard, the first item takes focus (WAI-ARIA menu button); either way focus is in the menu.
    if (how === 'Enter') await expect(menu.getByRole('menuitem').first()).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(menuButton).toBeFocused()

    await press(menuButton, how)
    await press(page.getByRole('menuitem', { name: 'Help' }), how)
    const help = page.getByRole('dialog', { name: 'About the session tools' })
    await expect(help).toBeVisible()
    await expect.poll(() => help.evaluate((element) => element.contains(document.activeElement))).toBe(true)
    await press(help.getByRole('button', { name: 'Close' }), how)
    await expect(help).toHaveCount(0)
  })
}
