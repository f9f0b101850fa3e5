// Screen sharing (issue 7). Rep and customer each have their own browser
// context. Headless Chromium cannot show the operating system's screen picker
// (DESIGN.md §2), so the customer's context gets an init script whose
// getDisplayMedia returns an animated canvas's captureStream(): the product
// still calls the real API, and the media really crosses WebRTC to the rep.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { joinAsCustomer, newSession, startRep } from './people'

/** Replaces the OS picker with a 640×360 animated canvas (runs in the page before the app). */
function fakeScreenPicker(): void {
  navigator.mediaDevices.getDisplayMedia = async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 360
    const context = canvas.getContext('2d')
    let frame = 0
    const draw = (): void => {
      frame += 1
      if (context) {
        context.fillStyle = `hsl(${frame % 360} 70% 50%)`
        context.fillRect(0, 0, 640, 360)
        context.fillStyle = '#fff'
        context.fillText(`frame ${frame}`, 20, 40)
      }
      requestAnimationFrame(draw)
    }
    draw()
    return canvas.captureStream(30)
  }
}

const thumbWidth = (page: Page, selector = 'video[aria-label="Customer screen"]') =>
  page.evaluate((sel) => document.querySelector<HTMLVideoElement>(sel)?.videoWidth ?? 0, selector)

test('the customer shares the screen peer to peer: live thumbnail, Viewer on double-click, stop and decline noted', async ({ newPerson }) => {
  test.setTimeout(90_000)
  const rep = await newPerson()
  const customer = await newPerson()
  await customer.context.addInitScript(fakeScreenPicker)
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  const tools = rep.page.getByRole('toolbar', { name: 'Session tools' })
  await tools.getByRole('button', { name: 'Request screen sharing' }).click()
  const request = customer.page.getByRole('dialog', { name: 'Screen sharing request' })
  await expect(request).toContainText('Ana Rep')
  const clicked = Date.now()
  await request.getByRole('button', { name: 'Share screen' }).click()

  // The thumbnail shows frames: the remote track decoded to a real size.
  await expect.poll(() => thumbWidth(rep.page), { timeout: 20_000, intervals: [20] }).toBeGreaterThan(0)
  console.log(`Share screen → first frame at the rep: ${Date.now() - clicked} ms`)
  expect(await thumbWidth(rep.page)).toBe(640)
  await expect(rep.page.getByText('Carla started sharing their screen')).toBeVisible()

  await rep.page.getByLabel('Customer screen').dblclick()
  const viewer = rep.page.getByRole('dialog', { name: 'Viewer' })
  await expect(viewer).toBeVisible()
  await expect.poll(() => thumbWidth(rep.page, '[role="dialog"] video')).toBe(640)
  await expect(viewer.getByRole('button', { name: 'Full screen' })).toBeEnabled()
  await viewer.getByRole('button', { name: 'Close' }).click()

  await customer.page.getByRole('button', { name: 'Stop sharing' }).click()
  await expect(rep.page.getByLabel('Customer screen')).toHaveCount(0)
  await expect(rep.page.getByText('Carla stopped sharing their screen')).toBeVisible()
  await expect(customer.page.getByText('You stopped sharing your screen')).toBeVisible() // worded for the reader

  await tools.getByRole('button', { name: 'Request screen sharing' }).click()
  await request.getByRole('button', { name: 'Decline' }).click()
  await expect(rep.page.getByText('Carla declined to share their screen')).toBeVisible()
  await expect(rep.page.getByLabel('Customer screen')).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('a customer reload while sharing ends the share for the rep', async ({ newPerson }) => {
  test.setTimeout(90_000)
  const rep = await newPerson()
  const customer = await newPerson()
  await customer.context.addInitScript(fakeScreenPicker)
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Request screen sharing' }).click()
  await customer.page.getByRole('dialog', { name: 'Screen sharing request' }).getByRole('button', { name: 'Share screen' }).click()
  await expect.poll(() => thumbWidth(rep.page), { timeout: 20_000 }).toBe(640)

  const reloaded = Date.now()
  await customer.page.reload()
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await expect(rep.page.getByLabel('Customer screen')).toHaveCount(0, { timeout: 20_000 })
  console.log(`customer reload → the rep's Screen panel cleared: ${Date.now() - reloaded} ms`)
  const stopped = 'Carla stopped sharing their screen'
  await expect(rep.page.getByText(stopped)).toHaveCount(1)
  await expect(customer.page.getByText('You stopped sharing your screen')).toHaveCount(1)
  await expect(customer.page.getByRole('button', { name: 'Stop sharing' })).toHaveCount(0)
  // The share is over for good: asking again shows a new request, not a stale "sharing" state.
  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Request screen sharing' }).click()
  await expect(customer.page.getByRole('dialog', { name: 'Screen sharing request' })).toBeVisible()
  expect(customer.errors.list).toEqual([])
})
