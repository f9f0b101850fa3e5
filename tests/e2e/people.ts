// Steps a rep and a customer take in the UI, shared by the browser tests.
// Controls are found by role and accessible name (shared/UI-CONTRACT.md).
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Opens the rep console with the test hooks (`debug=1`) and saves a profile. */
export async function startRep(page: Page, name: string): Promise<void> {
  await page.goto('/?lang=en&debug=1#/')
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('button', { name: 'New session' })).toBeVisible()
}

/** Creates a session and returns its customer link. */
export async function newSession(page: Page): Promise<string> {
  const before = await page.getByRole('tab').count()
  await page.getByRole('button', { name: 'New session' }).click()
  await expect(page.getByRole('tab')).toHaveCount(before + 1)
  const link = await page.getByRole('textbox', { name: 'Customer link' }).inputValue()
  expect(link).toMatch(/#\/join\/[\w-]+\.[\w-]{22,}\.[\w-]{43,}$/) // session id, room key, session verification key
  return link
}

/** The join link with the test hooks and English UI switched on (query before the fragment). */
export function withTestQuery(link: string): string {
  return link.replace('/#/', '/?lang=en&debug=1#/')
}

/** Opens the join link and completes the intake. */
export async function joinAsCustomer(page: Page, link: string, name: string, problem = 'My printer does not print'): Promise<void> {
  await page.goto(withTestQuery(link))
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('textbox', { name: 'Describe your problem' }).fill(problem)
  await page.getByRole('button', { name: 'Start chat' }).click()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
}

/** Longest a portal lookup may take before it must answer (8 s wait + 4 s grace in src/app/customer/portalLookup.ts, plus slack). */
export const LOOKUP_ANSWER_MS = 15_000

/** Reads the code shown next to the Customer link (`Session code K7P-4QX`). */
export async function sessionCode(rep: Page): Promise<string> {
  const shown = rep.getByText(/^Session code\s+[A-Z0-9]{3}-[A-Z0-9]{3}$/)
  await expect(shown).toBeVisible()
  const code = /([A-Z0-9]{3}-[A-Z0-9]{3})$/.exec(await shown.innerText())?.[1]
  expect(code).toBeDefined()
  return code ?? ''
}

/** Opens the portal and submits `typed` as the session code. */
export async function submitCode(page: Page, typed: string): Promise<void> {
  await page.goto('/?lang=en&debug=1#/portal')
  await page.getByRole('textbox', { name: 'Session code' }).fill(typed)
  await page.getByRole('button', { name: 'Connect' }).click()
}

/**
 * The rep accepts the intake of `name` that came in through the session code (its name and request are shown
 * with `Accept customer` / `Reject customer`).
 */
export async function acceptCustomer(rep: Page, name: string): Promise<void> {
  await answerIntake(rep, name, 'Accept customer')
}

/** The rep rejects the intake of `name` that came in through the session code. */
export async function rejectCustomer(rep: Page, name: string): Promise<void> {
  await answerIntake(rep, name, 'Reject customer')
}

async function answerIntake(rep: Page, name: string, button: 'Accept customer' | 'Reject customer'): Promise<void> {
  const waiting = rep.getByRole('region', { name: 'Someone wants to join with the session code' }).getByRole('listitem').filter({ hasText: `${name} asks:` })
  await expect(waiting).toBeVisible({ timeout: 15_000 })
  await waiting.getByRole('button', { name: button }).click()
  await expect(waiting).toHaveCount(0)
}

/** Types a message and presses Enter. */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  await expect(box).toHaveValue('')
}

/** Texts of the chat messages rendered in the transcript, top to bottom. */
export async function chatTexts(page: Page): Promise<string[]> {
  return page.getByRole('log', { name: 'Transcript' }).locator('article[data-kind="chat"] .entry__text').allInnerTexts()
}

/** Waits until the transcript shows exactly `expected` chat messages, in that order. */
export async function expectChat(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => chatTexts(page), { timeout: 15_000 }).toEqual(expected)
}

/** Everything a page holds: its open documents and awareness (debug hook), and every IndexedDB record. */
export function heldText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [window.asisteDebug?.dumpText() ?? 'NO DEBUG HOOKS']
    const decoder = new TextDecoder()
    const text = (value: unknown): string => (value instanceof Uint8Array ? decoder.decode(value) : value instanceof ArrayBuffer ? decoder.decode(new Uint8Array(value)) : JSON.stringify(value) ?? '')
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      for (const store of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        parts.push(`${name}/${store}:`, ...values.map(text))
      }
      db.close()
    }
    return parts.join('\n')
  })
}
