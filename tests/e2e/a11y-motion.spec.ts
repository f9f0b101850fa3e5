// prefers-reduced-motion: the same console, with and without the preference.
// Without it the typing dot pulses, dialogs and the session menu rise into
// place and buttons fade their hover colours; with it nothing animates or
// transitions (computed styles and running animations both say so). A rep and a
// customer, each in their own browser context.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { joinAsCustomer, newSession, startRep } from './people'

/** What moves on a rep's page right now, read from computed styles and the Web Animations API. */
type Motion = { typingDot: string; dialog: string | null; menu: string | null; buttonTransition: string; running: string[] }

function readMotion(page: Page): Promise<Motion> {
  return page.evaluate(() => {
    const animationOf = (selector: string, pseudo?: string) => {
      const element = document.querySelector(selector)
      return element ? getComputedStyle(element, pseudo).animationName : null
    }
    return {
      typingDot: animationOf('.typing > span', '::before') ?? 'no typing indicator',
      dialog: animationOf('[role="dialog"]'),
      menu: animationOf('[role="menu"]'),
      buttonTransition: getComputedStyle(document.querySelector('.button') ?? document.body).transitionDuration,
      running: document.getAnimations().map((animation) => (animation instanceof CSSAnimation ? animation.animationName : 'other')),
    }
  })
}

const CASES = [
  { reducedMotion: 'no-preference', moves: true },
  { reducedMotion: 'reduce', moves: false },
] as const

for (const { reducedMotion, moves } of CASES) {
  test(`motion follows prefers-reduced-motion: ${reducedMotion}`, async ({ newPerson }) => {
    const rep = await newPerson('en', { reducedMotion })
    const customer = await newPerson()
    await startRep(rep.page, 'Ana Rep')
    const link = await newSession(rep.page)
    await joinAsCustomer(customer.page, link, 'Carla')
    // The typing flag drops after a few idle seconds (Composer's TYPING_IDLE_MS): a keystroke right before each read keeps it up.
    const keepTyping = async (): Promise<void> => {
      await customer.page.getByRole('textbox', { name: 'Message' }).press('x')
      await expect(rep.page.getByText('Carla is typing…')).toBeVisible()
    }

    // A modal dialog and the menu cannot be open together: read each while it is open, with the typing dot showing.
    await rep.page.getByRole('button', { name: 'Session menu' }).click()
    await expect(rep.page.getByRole('menu')).toBeVisible()
    const withMenu = await readMotion(rep.page)
    await rep.page.getByRole('menuitem', { name: 'Help' }).click()
    await expect(rep.page.getByRole('dialog', { name: 'About the session tools' })).toBeVisible()
    await keepTyping()
    const withDialog = await readMotion(rep.page)
    if (moves) {
      expect(withMenu.menu).toBe('asiste-rise')
      expect(withDialog.dialog).toBe('asiste-rise')
      expect(withDialog.typingDot).toBe('asiste-pulse')
      expect(withDialog.running).toContain('asiste-pulse') // the dot really is animating, not just styled to
      expect(parseFloat(withDialog.buttonTransition)).toBeGreaterThan(0)
    } else {
      expect(withMenu.menu).toBe('none')
      expect(withDialog.dialog).toBe('none')
      expect(withDialog.typingDot).toBe('none')
      expect([...withMenu.running, ...withDialog.running]).toEqual([])
      expect(withDialog.buttonTransition).toBe('0s')
    }
  })
}
