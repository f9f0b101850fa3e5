// Screen and files only to proven reps (SECURITY.md, "Media and files only to proven reps"). A third person who
// holds only the join link (the customer key and the session's public verification key) runs in its own context,
// claims in its presence to be a rep and rewrites the real rep's presence to say "customer". The customer's page
// sends its screen and files only over links that proved the session key (src/net/linkProofs.ts), presence only
// counts for the sender's own client (src/net/awarenessFilter.ts), and the rep's view flags every refusal.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { joinAsCustomer, newSession, startRep, withTestQuery } from './people'

/** Replaces the OS picker with an animated canvas (runs in the page before the app), as tests/e2e/media.spec.ts does. */
function fakeScreenPicker(): void {
  navigator.mediaDevices.getDisplayMedia = async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = 180
    const context = canvas.getContext('2d')
    let frame = 0
    const draw = (): void => {
      frame += 1
      if (context) {
        context.fillStyle = `hsl(${frame % 360} 70% 50%)`
        context.fillRect(0, 0, 320, 180)
      }
      requestAnimationFrame(draw)
    }
    draw()
    return canvas.captureStream(15)
  }
}

const thumbWidth = (page: Page): Promise<number> => page.evaluate(() => document.querySelector<HTMLVideoElement>('video[aria-label="Customer screen"]')?.videoWidth ?? 0)

/** Drops a file named `name` on the customer's message box (the customer's way to send one). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const drop = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer()
      data.items.add(new File([text], name, { type: 'text/plain' }))
      return data
    },
    { name, text },
  )
  await page.getByRole('textbox', { name: 'Message' }).dispatchEvent('drop', { dataTransfer: drop })
}

type Presence = { name?: string; role?: string } | undefined

test('a peer with only the join link that claims to be a rep and relabels the real one gets no screen and no file; the rep gets both, also after a reconnect, and is told', async ({ newPerson }) => {
  test.setTimeout(150_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await customer.context.addInitScript(fakeScreenPicker)
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await hostile.page.goto(withTestQuery(link))
  await expect(hostile.page.getByRole('textbox', { name: 'Your name' })).toBeVisible() // no intake: just a peer in the room
  const names = (page: Page): Promise<string[]> => page.evaluate(() => window.asisteHostile!.users('customer').map((user) => (user as Presence)?.name ?? ''))
  await expect.poll(() => names(hostile.page), { timeout: 20_000 }).toEqual(expect.arrayContaining(['Rafa Rep', 'Carla']))

  // The attack: claim to be a rep, tell everyone the real rep is a customer, offer the customer a file.
  expect(await hostile.page.evaluate(() => window.asisteHostile!.watchIncoming('customer'))).toBe(true)
  expect(await hostile.page.evaluate(() => window.asisteHostile!.spoofPresence('customer', { id: 'mallory', name: 'Boss Rep', role: 'rep' }))).toBe(true)
  await expect.poll(() => names(customer.page), { timeout: 20_000 }).toContain('Boss Rep')
  expect(await hostile.page.evaluate(() => window.asisteHostile!.offerFiles('customer', 1, 64, 'customer'))).toBe(1)
  expect(await hostile.page.evaluate(() => window.asisteHostile!.relabel('customer', 'rep', 'customer'))).toBe(1)

  // The rep is told, by name, and the customer's page still holds the real rep as a rep.
  const warnings = rep.page.getByRole('region', { name: 'Suspicious activity on the customer side' })
  await expect(warnings.locator('[data-refused="presence"]')).toHaveText(/^Refused: “Boss Rep” \(peer [\w-]{8}\) tried to change who Rafa Rep is in the customer room\.$/, { timeout: 20_000 })
  await expect(warnings.locator('[data-refused="fileIn"]')).toContainText('“Boss Rep”', { timeout: 20_000 })
  await expect.poll(() => hostile.page.evaluate(() => window.asisteHostile!.fileAnswers())).toEqual({ decline: 1 })
  const rafa = (page: Page): Promise<Presence> => page.evaluate(() => window.asisteHostile!.users('customer').find((user) => (user as Presence)?.name === 'Rafa Rep') as Presence)
  expect((await rafa(customer.page))?.role).toBe('rep')

  // The customer shares the screen and sends a file: the real rep gets both.
  const tools = rep.page.getByRole('toolbar', { name: 'Session tools' })
  await tools.getByRole('button', { name: 'Request screen sharing' }).click()
  await customer.page.getByRole('dialog', { name: 'Screen sharing request' }).getByRole('button', { name: 'Share screen' }).click()
  await expect.poll(() => thumbWidth(rep.page), { timeout: 20_000 }).toBe(320)
  await dropFile(customer.page, 'invoice.txt', 'genuine bytes')
  const offer = rep.page.getByRole('dialog', { name: 'Incoming file' }).filter({ hasText: 'invoice.txt' })
  await expect(offer).toContainText('invoice.txt (13 bytes) · From Carla')
  await offer.getByRole('button', { name: 'Accept' }).click()
  // The outcome shows in the offer's own note (a second note, "Carla sent invoice.txt", follows it).
  await expect(offer).toContainText('Done — SHA-256 verified')

  // The peer that only claimed to be a rep got neither, and each refusal is flagged to the rep.
  await expect(warnings.locator('[data-refused="screen"]')).toContainText('“Boss Rep”', { timeout: 20_000 })
  await expect(warnings.locator('[data-refused="fileOut"]')).toContainText('“Boss Rep”', { timeout: 20_000 })
  expect(await hostile.page.evaluate(() => window.asisteHostile!.incoming())).toEqual({ tracks: 0, fileChannels: 0 })
  await expect(rep.page.getByRole('complementary').getByText('Unverified peer claiming to be Boss Rep')).toBeVisible()

  // Nothing genuine is lost across a reconnect: the rep's links drop and come back; the screen returns, a new file arrives.
  await rep.page.evaluate(() => {
    const held = window as unknown as { heldStream?: unknown }
    held.heldStream = document.querySelector<HTMLVideoElement>('video[aria-label="Customer screen"]')?.srcObject
    window.asisteDebug!.pauseNetwork() // y-webrtc closes every peer connection of the page at once
  })
  await rep.page.evaluate(() => window.asisteDebug!.resumeNetwork())
  const freshStream = (): Promise<boolean> =>
    rep.page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('video[aria-label="Customer screen"]')
      return !!video && video.srcObject !== (window as unknown as { heldStream?: unknown }).heldStream && video.videoWidth === 320
    })
  await expect.poll(freshStream, { timeout: 40_000 }).toBe(true)
  await dropFile(customer.page, 'second.txt', 'after reconnect')
  await expect(rep.page.getByRole('dialog', { name: 'Incoming file' }).filter({ hasText: 'second.txt' })).toContainText('second.txt (15 bytes) · From Carla')
  expect(await hostile.page.evaluate(() => window.asisteHostile!.incoming())).toEqual({ tracks: 0, fileChannels: 0 })
  for (const person of [rep, customer, hostile]) expect(person.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})
