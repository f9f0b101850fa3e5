// Peer-to-peer file transfer (issue 7): rep and customer in their own browser
// contexts; the bytes cross a dedicated WebRTC data channel between them.
import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { joinAsCustomer, newSession, startRep } from './people'

/** Records every value a progress bar takes (runs in the page before the app). */
function recordProgress(): void {
  const seen: number[] = []
  const times: number[] = []
  Object.assign(window, { progressSeen: seen, progressTimes: times })
  new MutationObserver((records) => {
    for (const record of records) {
      seen.push(Number((record.target as Element).getAttribute('aria-valuenow')))
      times.push(performance.now())
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] })
}

/** The transcript, where a file offer and its transfer live inside the offer note (issue 21). */
const transcript = (page: Page) => page.getByRole('log', { name: 'Transcript' })
/** The offer of `name` made to this page, inside its transcript note. */
const incoming = (page: Page, name: string) => transcript(page).getByRole('dialog', { name: 'Incoming file' }).filter({ hasText: name })
/** This page's own offer of `name`, inside its transcript note. */
const outgoing = (page: Page, name: string) => transcript(page).getByRole('group', { name: 'Outgoing file' }).filter({ hasText: name })

/** Nothing about a transfer shows outside the transcript: no dialog (the offer's own is inside its entry), no progress bar above the composer. */
async function expectNothingAboveComposer(page: Page): Promise<void> {
  await expect(page.locator('[role="dialog"]:not([role="log"] [role="dialog"])')).toHaveCount(0)
  await expect(page.locator('[role="progressbar"]:not([role="log"] [role="progressbar"])')).toHaveCount(0)
}

const progressSeen = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen)

async function pickFile(page: Page, open: () => Promise<void>, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await open()
  await (await chooser).setFiles(path)
}

test('a 20 MB file goes from rep to customer peer to peer, with moving progress bars and the right SHA-256', async ({ newPerson }, info) => {
  test.setTimeout(90_000)
  const SIZE = 20 * 1024 * 1024
  const bytes = randomBytes(SIZE)
  const path = info.outputPath('big.bin')
  await writeFile(path, bytes)
  const rep = await newPerson()
  const customer = await newPerson()
  await rep.context.addInitScript(recordProgress)
  await customer.context.addInitScript(recordProgress)
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await pickFile(rep.page, () => rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Send file' }).click(), path)
  // The offer is a transcript entry, with the sender's name; the sender sees its own in its note.
  const offer = incoming(customer.page, 'big.bin')
  await expect(offer).toContainText('big.bin (20 MB) · From Ana Rep')
  await expect(transcript(customer.page).getByRole('article').filter({ hasText: 'Ana Rep offered big.bin (20 MB)' }).getByRole('dialog', { name: 'Incoming file' })).toBeVisible()
  await expect(outgoing(rep.page, 'big.bin')).toContainText('Waiting for the other side to accept')
  await expect(transcript(rep.page).getByRole('article').filter({ hasText: 'You offered big.bin (20 MB)' }).getByRole('group', { name: 'Outgoing file' })).toBeVisible()
  const started = Date.now()
  await offer.getByRole('button', { name: 'Accept' }).click()
  const transfers = transcript(customer.page)
  await expect(transfers).toContainText('Done — SHA-256 verified', { timeout: 60_000 })
  const seconds = (Date.now() - started) / 1000
  console.log(`20 MB rep → customer over loopback: ${seconds.toFixed(2)} s, ${(20 / seconds).toFixed(1)} MB/s (incl. SHA-256 on both sides)`)
  await expect(transcript(rep.page)).toContainText('Done — SHA-256 verified')
  await expectNothingAboveComposer(customer.page)
  await expectNothingAboveComposer(rep.page)
  const wire = await customer.page.evaluate(() => {
    const { progressSeen: seen, progressTimes: times } = window as unknown as { progressSeen: number[]; progressTimes: number[] }
    const first = times[seen.findIndex((value) => value > 0)] ?? 0
    const last = times[seen.indexOf(Math.max(...seen))] ?? 0
    return (last - first) / 1000
  })
  console.log(`bytes on the wire (first to last chunk at the customer): ${wire.toFixed(2)} s, ${(20 / wire).toFixed(1)} MB/s`)

  // The bars moved: intermediate values on both sides, ending at the full size.
  for (const page of [rep.page, customer.page]) {
    const seen = await progressSeen(page)
    expect(seen.some((value) => value > 0 && value < SIZE), `intermediate progress in ${seen.length} updates`).toBe(true)
    expect(Math.max(...seen)).toBe(SIZE)
  }
  const download = customer.page.waitForEvent('download')
  await offer.getByRole('button', { name: 'Save file' }).click()
  const saved = await readFile(await (await download).path())
  expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
  // Worded for the reader: the sender reads "You sent", the customer reads who sent it.
  await expect(rep.page.getByText('You sent big.bin (20 MB)')).toBeVisible()
  await expect(customer.page.getByText('Ana Rep sent big.bin (20 MB)')).toBeVisible()
  // The offer note carries the transfer to its end: Save on the customer's side, none on the sender's; answered, no Accept.
  await expect(offer.getByRole('button', { name: 'Accept' })).toHaveCount(0)
  await expect(outgoing(rep.page, 'big.bin')).toContainText('big.bin (20 MB) · To Carla')
  await expect(transcript(rep.page).getByRole('button', { name: 'Save file' })).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('the customer drops a file on the message box: the rep declines it; a second offer is cancelled before it is answered', async ({ newPerson }, info) => {
  const path = info.outputPath('log.txt')
  await writeFile(path, 'printer log\n'.repeat(1000))
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  const drop = await customer.page.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['dropped bytes'], 'dropped.txt', { type: 'text/plain' }))
    return data
  })
  await customer.page.getByRole('textbox', { name: 'Message' }).dispatchEvent('drop', { dataTransfer: drop })
  const offer = incoming(rep.page, 'dropped.txt')
  await expect(offer).toContainText('dropped.txt (13 bytes) · From Carla')
  // The log is silent (aria-live off); the offer is said once through the transcript's live region.
  await expect(rep.page.locator('.transcript__announcer')).toHaveText('Carla offered dropped.txt (13 bytes)')
  await expectNothingAboveComposer(rep.page)
  await offer.getByRole('button', { name: 'Decline' }).click()
  await expect(offer).toContainText('Declined')
  await expect(offer.getByRole('button')).toHaveCount(0)
  await expect(outgoing(customer.page, 'dropped.txt')).toContainText('Declined')
  await expect(rep.page.getByText('File dropped.txt (13 bytes) from Carla was declined')).toBeVisible()
  await expect(customer.page.getByText('Your file dropped.txt (13 bytes) was declined')).toBeVisible()

  await pickFile(customer.page, () => customer.page.getByRole('button', { name: 'Send file' }).click(), path)
  const second = incoming(rep.page, 'log.txt')
  await expect(second.getByRole('button', { name: 'Accept' })).toBeVisible()
  await outgoing(customer.page, 'log.txt').getByRole('button', { name: 'Cancel' }).click()
  await expect(second).toContainText('Cancelled')
  await expect(second.getByRole('button', { name: 'Accept' })).toHaveCount(0)
  await expect(customer.page.getByText(/^Sending log\.txt .* was cancelled/)).toBeVisible()
})

/** Cuts the page's links the moment its progress bar first passes `at` bytes (runs in the page before the app). */
function cutLinksAt(at: number): void {
  let cut = false
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"]')
    if (cut || !bar || Number(bar.getAttribute('aria-valuenow')) < at) return
    cut = true
    Object.assign(window, { cutAtBytes: Number(bar.getAttribute('aria-valuenow')) })
    window.asisteDebug?.pauseNetwork()
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] })
}

test('a transfer cut by a dropped link resumes and verifies', async ({ newPerson }, info) => {
  test.setTimeout(120_000)
  const SIZE = 32 * 1024 * 1024
  const CUT_AT = 4 * 1024 * 1024
  const bytes = randomBytes(SIZE)
  const path = info.outputPath('cut.bin')
  await writeFile(path, bytes)
  const rep = await newPerson()
  const customer = await newPerson()
  // The dropped link: the customer's page disconnects its providers (window.asisteDebug.pauseNetwork),
  // which destroys its peer connection to the rep (and the file's data channel with it) and leaves
  // signaling; resumeNetwork lets y-webrtc reconnect, over a new peer connection.
  await customer.context.addInitScript(cutLinksAt, CUT_AT)
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await pickFile(rep.page, () => rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Send file' }).click(), path)
  await incoming(customer.page, 'cut.bin').getByRole('button', { name: 'Accept' }).click()
  const transfers = incoming(customer.page, 'cut.bin')
  const repTransfers = outgoing(rep.page, 'cut.bin')
  await expect(transfers).toContainText('Connection lost — waiting to resume', { timeout: 30_000 })
  await expect(repTransfers).toContainText('Connection lost — waiting to resume')
  const bar = transfers.getByRole('progressbar')
  const held = Number(await bar.getAttribute('aria-valuenow'))
  expect(held).toBeGreaterThanOrEqual(CUT_AT)
  expect(held).toBeLessThan(SIZE)

  const resumed = Date.now()
  await customer.page.evaluate(() => window.asisteDebug?.resumeNetwork())
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000, intervals: [20] }).toBeGreaterThan(held)
  console.log(`link back → bytes flowing again: ${Date.now() - resumed} ms (resumed at ${(held / 1024 / 1024).toFixed(1)} MB of 32 MB)`)
  await expect(transcript(customer.page)).toContainText('Done — SHA-256 verified', { timeout: 60_000 })
  console.log(`link back → verified: ${Date.now() - resumed} ms`)
  await expect(transcript(rep.page)).toContainText('Done — SHA-256 verified')
  const download = customer.page.waitForEvent('download')
  await transcript(customer.page).getByRole('button', { name: 'Save file' }).click()
  const saved = await readFile(await (await download).path())
  expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
  await expect(rep.page.getByText('You sent cut.bin (32 MB)')).toBeVisible()
  await expect(customer.page.getByText('Ana Rep sent cut.bin (32 MB)')).toBeVisible()
  await expect(rep.page.getByText('Sending cut.bin (32 MB) failed')).toHaveCount(0)
})

/** Closes the page's file data channel the moment its progress bar first passes `at` bytes (runs in the page before the app). */
function cutFileChannelAt(at: number): void {
  const channels: RTCDataChannel[] = []
  const create = RTCPeerConnection.prototype.createDataChannel
  RTCPeerConnection.prototype.createDataChannel = function (this: RTCPeerConnection, label: string, init?: RTCDataChannelInit) {
    const channel = create.call(this, label, init)
    if (label.startsWith('asiste-side:')) channels.push(channel)
    Object.assign(window, { sideChannelsOpened: channels.length })
    return channel
  }
  let cut = false
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"]')
    if (cut || !bar || Number(bar.getAttribute('aria-valuenow')) < at) return
    cut = true
    Object.assign(window, { cutAtBytes: Number(bar.getAttribute('aria-valuenow')) })
    channels.at(-1)?.close()
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] })
}

test('a transfer whose data channel closes mid-way resumes over a new channel of the same connection', async ({ newPerson }, info) => {
  test.setTimeout(120_000)
  const SIZE = 24 * 1024 * 1024
  const bytes = randomBytes(SIZE)
  const path = info.outputPath('channel.bin')
  await writeFile(path, bytes)
  const rep = await newPerson()
  const customer = await newPerson()
  // The dropped link here is the file's own data channel, closed by the sender's page at 4 MB;
  // the peer connection (and y-webrtc's channel on it) stays up.
  await rep.context.addInitScript(cutFileChannelAt, 4 * 1024 * 1024)
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await pickFile(rep.page, () => rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Send file' }).click(), path)
  await incoming(customer.page, 'channel.bin').getByRole('button', { name: 'Accept' }).click()
  const transfers = transcript(customer.page)
  await expect(transfers).toContainText('Done — SHA-256 verified', { timeout: 60_000 })
  await expect(transcript(rep.page)).toContainText('Done — SHA-256 verified')
  const download = customer.page.waitForEvent('download')
  await transfers.getByRole('button', { name: 'Save file' }).click()
  const saved = await readFile(await (await download).path())
  expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
  await expect(rep.page.getByText('File transfer failed: channel.bin')).toHaveCount(0)
  const { cutAtBytes, sideChannelsOpened } = await rep.page.evaluate(() => {
    const seen = window as unknown as { cutAtBytes?: number; sideChannelsOpened?: number }
    return { cutAtBytes: seen.cutAtBytes, sideChannelsOpened: seen.sideChannelsOpened }
  })
  expect(cutAtBytes, 'cut mid-way').toBeGreaterThan(0)
  expect(cutAtBytes, 'cut mid-way').toBeLessThan(SIZE)
  expect(sideChannelsOpened, 'the offer’s channel, then the resume’s').toBe(2)
  expect(customer.errors.list).toEqual([])
})

// The rep's file transfers belong to the session's model, not its view: while another session is
// in front, this one's SessionView is unmounted and the offer must still be heard.
test('a file offered while another session is in front is in its transcript and can be accepted', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const carlaTab = rep.page.getByRole('tab', { name: /^Carla/ })
  await expect(carlaTab).toBeVisible()
  await newSession(rep.page) // another session comes to the front
  await expect(carlaTab).toHaveAttribute('aria-selected', 'false')

  const drop = await customer.page.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['while away'], 'away.txt', { type: 'text/plain' }))
    return data
  })
  await customer.page.getByRole('textbox', { name: 'Message' }).dispatchEvent('drop', { dataTransfer: drop })
  await expect(outgoing(customer.page, 'away.txt')).toContainText('Waiting for the other side to accept')
  await carlaTab.click()
  const offer = incoming(rep.page, 'away.txt')
  await expect(offer).toContainText('away.txt (10 bytes) · From Carla')
  await offer.getByRole('button', { name: 'Accept' }).click()
  await expect(transcript(rep.page)).toContainText('Done — SHA-256 verified')
})

test('the receiver cancels mid-transfer in the offer note: both sides say Cancelled, nothing is saved', async ({ newPerson }, info) => {
  test.setTimeout(90_000)
  const path = info.outputPath('huge.bin')
  await writeFile(path, randomBytes(48 * 1024 * 1024))
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await pickFile(rep.page, () => rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Send file' }).click(), path)
  const offer = incoming(customer.page, 'huge.bin')
  await offer.getByRole('button', { name: 'Accept' }).click()
  await expect.poll(async () => Number(await offer.getByRole('progressbar', { name: 'Transfer of huge.bin' }).getAttribute('aria-valuenow')), { intervals: [20] }).toBeGreaterThan(0)
  await offer.getByRole('button', { name: 'Cancel' }).click()
  await expect(offer).toContainText('Cancelled')
  await expect(offer.getByRole('button')).toHaveCount(0) // no Save, no Cancel left
  await expect(outgoing(rep.page, 'huge.bin')).toContainText('Cancelled')
  await expect(rep.page.getByText('Sending huge.bin (48 MB) was cancelled')).toBeVisible()
  await expect(customer.page.getByText('Sending huge.bin (48 MB) from Ana Rep was cancelled')).toBeVisible()
  await expectNothingAboveComposer(customer.page)
})
